package io.doorstep.gateway.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a file into a YAML node tree. Nodes rather than Java objects, because nodes keep their
 * line and keep duplicate keys, which the schema needs to report.
 */
final class YamlFiles {
  private static final String BYTE_ORDER_MARK = "\uFEFF";

  private YamlFiles() {}

  /** The document's root, or null after reporting why there is none. */
  static Node read(YamlSource source) {
    String text;
    try {
      text = Files.readString(source.file());
    } catch (NoSuchFileException e) {
      source.problem(0, "", "no such file");
      return null;
    } catch (AccessDeniedException e) {
      source.problem(0, "", "cannot read the file: permission denied");
      return null;
    } catch (CharacterCodingException e) {
      source.problem(0, "", "the file is not UTF-8 text");
      return null;
    } catch (IOException e) {
      source.problem(0, "", "cannot read the file: " + e.getMessage());
      return null;
    }
    if (text.startsWith(BYTE_ORDER_MARK)) {
      text = text.substring(1);
    }
    try {
      Node root = new Yaml().compose(new StringReader(text));
      if (root == null) {
        source.problem(0, "", "the file is empty");
      }
      return root;
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
      source.problem(mark == null ? 0 : mark.getLine() + 1, "", "invalid YAML: " + e.getProblem() + context);
      return null;
    } catch (YAMLException e) {
      source.problem(0, "", "invalid YAML: " + e.getMessage());
      return null;
    }
  }
}
