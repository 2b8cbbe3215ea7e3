package io.doorstep.gateway.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a text value may look like, with the words that tell the operator so.
 *
 * @param test whether a value is allowed
 * @param allowed what is allowed, as the problem report says it
 */
record TextRule(Predicate<String> test, String allowed) {

  static final TextRule ANY = new TextRule(s -> true, "any text");

  /** Ids appear in URLs, logs and file names. */
  static final TextRule ID = pattern("[A-Za-z0-9_.-]{1,64}", "1 to 64 of the characters A-Z a-z 0-9 _ . -");

  /** A serial number becomes an MQTT topic level and the terminal's broker user name. */
  static final TextRule SN = pattern("[A-Za-z0-9_-]{1,32}", "1 to 32 of the characters A-Z a-z 0-9 _ -");

  static final TextRule HOST = new TextRule(Hosts::isHost, "a host name or an IP address, e.g. 127.0.0.1 or ::1");

  static final TextRule BROKER_URL = new TextRule(
      TextRule::isBrokerUrl, "'embedded', tcp://host:port or ssl://host:port (port 1..65535)");

  static final TextRule UPSTREAM_URL = new TextRule(
      url -> !url.equals("embedded") && isBrokerUrl(url), "tcp://host:port or ssl://host:port (port 1..65535)");

  /** An RPC method name as the platform sends it, e.g. open or setThreshold. */
  static final TextRule METHOD = pattern("[A-Za-z][A-Za-z0-9_.-]{0,63}",
      "a method name: a letter, then up to 63 of A-Z a-z 0-9 _ . -");

  static final TextRule CLIENT_ID = new TextRule(s -> s.length() <= 64, "1 to 64 characters");

  static final TextRule URL =
      pattern("[a-z][a-z0-9+.-]*://\\S+", "a URL such as https://platform.example.com/doorstep");

  static final TextRule PATH = new TextRule(TextRule::isPath, "a file system path");

  private static final Pattern BROKER = Pattern.compile("(?:tcp|ssl)://(\\[[^\\]]+\\]|[^:/\\[\\]]+):(\\d{1,5})");

  static TextRule pattern(String regex, String allowed) {
    Pattern pattern = Pattern.compile(regex);
    return new TextRule(s -> pattern.matcher(s).matches(), allowed);
  }

  private static boolean isBrokerUrl(String url) {
    if (url.equals("embedded")) {
      return true;
    }
    Matcher m = BROKER.matcher(url);
    if (!m.matches()) {
      return false;
    }
    String host = m.group(1);
    int port = Integer.parseInt(m.group(2));
    boolean hostOk = host.startsWith("[") ? Hosts.isIpv6(host.substring(1, host.length() - 1)) : Hosts.isHost(host);
    return hostOk && port >= 1 && port <= 65535;
  }

  private static boolean isPath(String path) {
    try {
      Path.of(path);
      return true;
    } catch (InvalidPathException e) {
      return false;
    }
  }
}
