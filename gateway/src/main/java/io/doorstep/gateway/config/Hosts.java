package io.doorstep.gateway.config;

import java.util.regex.Pattern;

/**
 * Host names and IP literals checked by syntax alone: validating configuration must never wait on
 * DNS, and {@code InetAddress} falls back to a lookup for anything it cannot parse.
 */
final class Hosts {
  private static final Pattern NAME = Pattern.compile(
      "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
  private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

  private Hosts() {}

  static boolean isHost(String host) {
    if (host.contains(":")) {
      return isIpv6(host);
    }
    if (host.matches("[0-9.]+")) {
      return isIpv4(host);
    }
    return NAME.matcher(host).matches();
  }

  static boolean isIpv4(String host) {
    String[] parts = host.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (!part.matches("[0-9]{1,3}") || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  /** Hex groups only; the IPv4-mapped form is not worth its complexity for a bind address. */
  static boolean isIpv6(String host) {
    int gap = host.indexOf("::");
    if (gap >= 0 && host.indexOf("::", gap + 1) >= 0) {
      return false;
    }
    if (gap < 0) {
      return groups(host) == 8;
    }
    int before = groups(host.substring(0, gap));
    int after = groups(host.substring(gap + 2));
    return before >= 0 && after >= 0 && before + after <= 7;
  }

  /** How many valid groups, -1 if any is not one; the empty string has none. */
  private static int groups(String part) {
    if (part.isEmpty()) {
      return 0;
    }
    String[] groups = part.split(":", -1);
    for (String group : groups) {
      if (!HEX_GROUP.matcher(group).matches()) {
        return -1;
      }
    }
    return groups.length;
  }
}
