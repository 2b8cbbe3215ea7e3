package io.doorstep.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The text rules behind the messages: what an operator may write for hosts, URLs, ids and SNs. */
class ConfigFormatsTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "127.0.0.1", "0.0.0.0", "localhost", "booth-pc.local", "::", "::1", "fe80::1", "2001:db8:0:0:0:0:0:1"})
  void hostsAccepted(String host) {
    assertTrue(TextRule.HOST.test().test(host));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "bad host", "256.0.0.1", "1.2.3", "-booth", "1::2::3", "12345::", "1:2:3:4:5:6:7:8:9", "http://x"})
  void hostsRefused(String host) {
    assertFalse(TextRule.HOST.test().test(host));
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "tcp://127.0.0.1:1883", "ssl://broker.estate.lan:8883", "tcp://[::1]:1883"})
  void brokerUrlsAccepted(String url) {
    assertTrue(TextRule.BROKER_URL.test().test(url));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "tcp://127.0.0.1", "mqtt://127.0.0.1:1883", "tcp://127.0.0.1:0", "tcp://127.0.0.1:65536", "Embedded"})
  void brokerUrlsRefused(String url) {
    assertFalse(TextRule.BROKER_URL.test().test(url));
  }

  @Test
  void serialNumbersFitAnMqttTopicLevel() {
    assertTrue(TextRule.SN.test().test("FT8-B12U2"));
    assertTrue(TextRule.SN.test().test("A".repeat(32)));
    assertFalse(TextRule.SN.test().test("A".repeat(33)));
    assertFalse(TextRule.SN.test().test("FT8/B12"));
    assertFalse(TextRule.SN.test().test("FT8+"));
    assertFalse(TextRule.SN.test().test("FT8.1"));
  }

  @Test
  void integersAreDecimalAndInRange() {
    assertEquals(8080, Scalars.integer("8080", 1, 65535).value());
    assertEquals("expected an integer, got '0x1F'", Scalars.integer("0x1F", 1, 65535).problem());
    assertEquals("must be 1..65535, got 99999999999999999999",
        Scalars.integer("99999999999999999999", 1, 65535).problem());
  }

  @Test
  void typosGetASuggestion() {
    assertEquals(Optional.of("port"), Spelling.closest("prot", List.of("bind", "port")));
    assertEquals(Optional.of("heartbeatIntervalS"),
        Spelling.closest("heartbeatInterval", List.of("heartbeatIntervalS", "missedHeartbeats")));
    assertEquals(Optional.empty(), Spelling.closest("colour", List.of("bind", "port")));
  }
}
