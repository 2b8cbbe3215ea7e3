package io.doorstep.gateway.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One YAML mapping read against its schema. Accessors report a problem and return a fallback
 * instead of throwing, so one pass over a file finds every mistake in it.
 */
final class YamlMap {
  private final YamlSource source;
  private final String path;
  private final int line;
  /** False when the mapping itself was wrong or missing: its keys are then not reported again. */
  private final boolean valid;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

  private YamlMap(YamlSource source, String path, int line, boolean valid) {
    this.source = source;
    this.path = path;
    this.line = line;
    this.valid = valid;
    source.record(path, line);
  }

  /** Reads {@code node} as a mapping that may hold only {@code keys}. */
  static YamlMap of(YamlSource source, String path, Node node, List<String> keys) {
    return of(source, path, node, Nodes.line(node), keys);
  }

  /** @param line where a key missing from this mapping is reported: the line naming the mapping */
  private static YamlMap of(YamlSource source, String path, Node node, int line, List<String> keys) {
    if (!(node instanceof MappingNode mapping)) {
      source.problem(Nodes.line(node), path, "expected a mapping with keys " + String.join(", ", keys)
          + ", got " + Nodes.describe(node));
      return new YamlMap(source, path, line, false);
    }
    YamlMap map = new YamlMap(source, path, line, true);
    mapping.getValue().forEach(tuple -> map.accept(tuple, keys));
    return map;
  }

  private void accept(NodeTuple tuple, List<String> keys) {
    Node keyNode = tuple.getKeyNode();
    if (!(keyNode instanceof ScalarNode scalarKey)) {
      source.problem(Nodes.line(keyNode), path, "expected a plain key, got " + Nodes.describe(keyNode));
      return;
    }
    String key = scalarKey.getValue();
    NodeTuple first = entries.get(key);
    if (!keys.contains(key)) {
      String guess = Spelling.closest(key, keys).map(k -> "did you mean '" + k + "'? ").orElse("");
      source.problem(Nodes.line(keyNode), path(key),
          "unknown key; " + guess + "allowed keys: " + String.join(", ", keys));
    } else if (first != null) {
      source.problem(Nodes.line(keyNode), path(key),
          "duplicate key, first given at line " + Nodes.line(first.getKeyNode()));
    } else {
      entries.put(key, tuple);
      source.record(path(key), Nodes.line(tuple.getValueNode()));
    }
  }

  /** This mapping's document path, e.g. {@code repeat[0]}. */
  String path() {
    return path;
  }

  /**
   * Reads again without reporting: for a block the file writes once and the schema reads once
   * per repetition, whose mistakes were already reported on the first reading.
   */
  <T> T silently(java.util.function.Supplier<T> read) {
    source.mute(true);
    try {
      return read.get();
    } finally {
      source.mute(false);
    }
  }

  String path(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** Whether the key is given with a value other than null. */
  boolean has(String key) {
    NodeTuple tuple = entries.get(key);
    return tuple != null && !Nodes.isNull(tuple.getValueNode());
  }

  /** Reports at the key's value, or at this mapping when the key is absent. */
  void problem(String key, String message) {
    NodeTuple tuple = entries.get(key);
    source.problem(tuple == null ? line : Nodes.line(tuple.getValueNode()), path(key), message);
  }

  void require(String key, String message) {
    if (valid && !has(key)) {
      problem(key, message);
    }
  }

  void forbid(String key, String message) {
    if (has(key)) {
      problem(key, message);
    }
  }

  /** The text if allowed, the fallback if absent; otherwise reported and returned as written. */
  String text(String key, TextRule rule, String fallback) {
    String text = scalar(key, rule.allowed());
    if (text == null) {
      return fallback;
    }
    // A value that breaks the rule is still returned, so references to it do not fail a second time.
    return orReport(key, Scalars.text(text, rule), text.isEmpty() ? null : text);
  }

  String requiredText(String key, TextRule rule) {
    requirePresent(key);
    return text(key, rule, null);
  }

  int integer(String key, int fallback, int min, int max) {
    String text = scalar(key, "an integer");
    return text == null ? fallback : orReport(key, Scalars.integer(text, min, max), fallback);
  }

  int requiredInteger(String key, int min, int max) {
    requirePresent(key);
    return integer(key, 0, min, max);
  }

  /** A register address or raw register value, decimal or 0x hex (profile files). */
  int register(String key, int fallback, int min, int max) {
    String text = scalar(key, "a number, decimal or hex like 0x0100");
    return text == null ? fallback : orReport(key, Scalars.register(text, min, max), fallback);
  }

  int requiredRegister(String key, int min, int max) {
    requirePresent(key);
    return register(key, 0, min, max);
  }

  double decimal(String key, double fallback, double min, double max) {
    String text = scalar(key, "a number");
    return text == null ? fallback : orReport(key, Scalars.decimal(text, min, max), fallback);
  }

  /** The keys given, in file order, for mappings whose keys are checked against a list (limits). */
  List<String> keys() {
    return List.copyOf(entries.keySet());
  }

  boolean bool(String key, boolean fallback) {
    String text = scalar(key, "true or false");
    return text == null ? fallback : orReport(key, Scalars.bool(text), fallback);
  }

  /** The value if allowed, the fallback if absent, null if not allowed. */
  String oneOf(String key, String fallback, List<String> allowed) {
    String text = scalar(key, "one of " + String.join(", ", allowed));
    return text == null ? fallback : checked(key, Scalars.oneOf(text, allowed));
  }

  String requiredOneOf(String key, List<String> allowed) {
    requirePresent(key);
    return oneOf(key, null, allowed);
  }

  /** An absent mapping reads as empty, so the defaults of its keys apply. */
  YamlMap map(String key, List<String> keys) {
    return has(key) ? child(key, keys) : absent(key, valid);
  }

  YamlMap requiredMap(String key, List<String> keys) {
    requirePresent(key);
    return has(key) ? child(key, keys) : absent(key, false);
  }

  private YamlMap child(String key, List<String> keys) {
    NodeTuple tuple = entries.get(key);
    return of(source, path(key), tuple.getValueNode(), Nodes.line(tuple.getKeyNode()), keys);
  }

  /** The list's mappings; items that are not mappings are reported and left out. */
  List<YamlMap> maps(String key, List<String> keys) {
    List<Node> items = items(key, "a list of mappings");
    List<YamlMap> maps = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String itemPath = path(key) + "[" + i + "]";
      YamlMap map = of(source, itemPath, items.get(i), keys);
      if (map.valid) {
        maps.add(map);
        source.keep(path(key), itemPath);
      }
    }
    return maps;
  }

  /** The list's texts; wrong items and repeats are reported and left out. */
  List<String> texts(String key, TextRule rule) {
    List<Node> items = items(key, "a list");
    List<String> texts = new ArrayList<>();
    Map<String, Integer> firstLine = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      String itemPath = path(key) + "[" + i + "]";
      source.record(itemPath, Nodes.line(item));
      if (!(item instanceof ScalarNode scalar) || Nodes.isNull(item) || scalar.getValue().isEmpty()) {
        source.problem(Nodes.line(item), itemPath, "expected " + rule.allowed() + ", got " + Nodes.describe(item));
        continue;
      }
      String text = scalar.getValue();
      String problem = Scalars.text(text, rule).problem();
      if (problem != null) {
        source.problem(Nodes.line(item), itemPath, problem);
      }
      Integer earlier = firstLine.putIfAbsent(text, Nodes.line(item));
      if (earlier != null) {
        source.problem(Nodes.line(item), itemPath, Nodes.quote(text) + " is listed twice, first at line " + earlier);
        continue;
      }
      texts.add(text);
      source.keep(path(key), itemPath);
    }
    return texts;
  }

  List<String> requiredTexts(String key, TextRule rule) {
    requirePresent(key);
    List<String> texts = texts(key, rule);
    if (has(key) && texts.isEmpty() && items(key, null).isEmpty()) {
      problem(key, "expected at least one entry, got an empty list");
    }
    return texts;
  }

  private <T> T checked(String key, Scalars.Result<T> result) {
    return orReport(key, result, null);
  }

  private <T> T orReport(String key, Scalars.Result<T> result, T fallback) {
    if (result.problem() == null) {
      return result.value();
    }
    problem(key, result.problem());
    return fallback;
  }

  private YamlMap absent(String key, boolean reportMissing) {
    return new YamlMap(source, path(key), line, reportMissing);
  }

  private void requirePresent(String key) {
    if (valid && !has(key)) {
      problem(key, entries.containsKey(key) ? "required, but empty" : "required key is missing");
    }
  }

  /** The scalar text of a key, or null when absent, null, or (reported) not a scalar. */
  private String scalar(String key, String expected) {
    if (!has(key)) {
      return null;
    }
    Node value = entries.get(key).getValueNode();
    if (value instanceof ScalarNode scalar) {
      return scalar.getValue();
    }
    problem(key, "expected " + expected + ", got " + Nodes.describe(value));
    return null;
  }

  private List<Node> items(String key, String expected) {
    if (!has(key)) {
      return List.of();
    }
    Node value = entries.get(key).getValueNode();
    if (value instanceof SequenceNode sequence) {
      return sequence.getValue();
    }
    if (expected != null) {
      problem(key, "expected " + expected + ", got " + Nodes.describe(value));
    }
    return List.of();
  }
}
