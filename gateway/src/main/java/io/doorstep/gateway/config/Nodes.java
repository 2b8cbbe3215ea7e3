package io.doorstep.gateway.config;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Small facts about YAML nodes, phrased for problem reports. */
final class Nodes {
  private static final int QUOTE_LIMIT = 40;

  private Nodes() {}

  /** 1-based, as editors count. */
  static int line(Node node) {
    return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
  }

  /** {@code key:} with nothing after it, {@code null} and {@code ~} all mean "not given". */
  static boolean isNull(Node node) {
    return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
  }

  /** What the operator wrote, as the "got …" half of a message. */
  static String describe(Node node) {
    if (isNull(node)) {
      return "nothing";
    }
    if (node instanceof ScalarNode scalar) {
      return quote(scalar.getValue());
    }
    return node instanceof MappingNode ? "a mapping" : "a list";
  }

  static String quote(String text) {
    return "'" + (text.length() > QUOTE_LIMIT ? text.substring(0, QUOTE_LIMIT) + "…" : text) + "'";
  }
}
