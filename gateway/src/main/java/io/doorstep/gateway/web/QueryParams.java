package io.doorstep.gateway.web;

import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and checks the API's query parameters, so each route states only what it accepts. */
final class QueryParams {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;
  /** More kinds than the gateway has is a mistake, not a query. */
  private static final int MAX_KINDS = 32;
  private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");

  private QueryParams() {}

  /** {@code limit}: a whole number from 1 to {@link #MAX_LIMIT}, {@link #DEFAULT_LIMIT} when absent. */
  static int limit(RoutingContext ctx) {
    String raw = single(ctx, "limit");
    if (raw == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(raw.trim());
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below, the same as an out-of-range number
    }
    throw new BadParameterException("limit", "must be a whole number from 1 to " + MAX_LIMIT);
  }

  /**
   * {@code kind}: event kinds, comma-separated or repeated ({@code kind=passage,passage.offline}).
   * Absent or empty means every kind.
   */
  static Set<String> kinds(RoutingContext ctx) {
    Set<String> kinds = new LinkedHashSet<>();
    for (String value : ctx.queryParam("kind")) {
      for (String part : value.split(",", -1)) {
        String kind = part.trim();
        if (kind.isEmpty()) {
          continue;
        }
        if (!KIND.matcher(kind).matches()) {
          throw new BadParameterException("kind", "not an event kind: " + abbreviate(kind));
        }
        kinds.add(kind);
      }
    }
    if (kinds.size() > MAX_KINDS) {
      throw new BadParameterException("kind", "at most " + MAX_KINDS + " kinds");
    }
    return kinds;
  }

  private static String single(RoutingContext ctx, String name) {
    List<String> values = ctx.queryParam(name);
    if (values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw new BadParameterException(name, "given more than once");
    }
    return values.get(0);
  }

  /** The reply echoes what was sent; a long value would only bloat it. */
  private static String abbreviate(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }
}
