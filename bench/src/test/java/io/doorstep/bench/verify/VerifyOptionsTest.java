package io.doorstep.bench.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifyOptionsTest {

  @Test
  void noOptionsAreTheIssuesRun() {
    assertEquals(VerifyOptions.defaults(), VerifyOptions.parse(new String[0]));
    assertEquals(List.of(50, 500), VerifyOptions.defaults().rates());
  }

  @Test
  void everyOptionIsRead() {
    VerifyOptions o = VerifyOptions.parse(new String[] {"--terminals", "4", "--rates", "10, 20,30",
        "--duration-s", "5", "--warmup-s", "0", "--persons", "100", "--out", "x.md", "--keep",
        "--gateway-java-opts", "-Xmx64m"});

    assertEquals(new VerifyOptions(4, List.of(10, 20, 30), 5, 0, 100, "-Xmx64m", Path.of("x.md"), true, false), o);
  }

  @Test
  void helpWins() {
    assertTrue(VerifyOptions.parse(new String[] {"--terminals", "4", "--help"}).help());
  }

  @Test
  void mistakesAreNamed() {
    var e = assertThrows(IllegalArgumentException.class, () -> VerifyOptions.parse(new String[] {"--rates", "50,fast"}));
    assertEquals("--rates expects an integer, got 'fast'", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> VerifyOptions.parse(new String[] {"--duration-s"}));
    assertThrows(IllegalArgumentException.class, () -> VerifyOptions.parse(new String[] {"--terminals", "0"}));
    assertThrows(IllegalArgumentException.class, () -> VerifyOptions.parse(new String[] {"--speed", "3"}));
  }
}
