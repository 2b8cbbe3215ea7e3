package io.doorstep.gateway.config;

import io.doorstep.drivers.modbus.profile.DeviceProfile;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Devices and RS-485 lines added, changed or removed on the technician console, laid over the
 * estate file. The file is never rewritten (its comments are the estate's notes); each edit is
 * the device's or line's whole entry as the file would write it, put into the file's node tree
 * where the entry stood (or at the end of its section, {@code devices} or {@code lines}), and the
 * tree is then read and checked exactly as a file is. So an edit is refused for the same
 * reasons, in the same sentences, as the file would be.
 *
 * <p>An edited device entry states its door in its own {@code door} key: the device is taken out
 * of every door's {@code devices} list, so a move is one edit.
 */
public final class DeviceEdits {
  /** A duplicate found below its first use: the first use's entry and key. */
  private static final Pattern TAKEN =
      Pattern.compile("^duplicate .*, first used at line \\d+ \\((\\w+\\[\\d+\\])\\.(\\w+)\\)$");
  /** The estate file's list of devices. */
  public static final String DEVICES = "devices";
  /** The estate file's list of RS-485 lines. */
  public static final String LINES = "lines";

  /**
   * One device's or line's saved edit.
   *
   * @param section the estate file's list the entry belongs to: {@link #DEVICES} or {@link #LINES}
   * @param entry the keys as the estate file writes them; null when it was removed
   */
  public record Edit(String section, String id, Map<String, Object> entry) {
    public Edit {
      if (!DEVICES.equals(section) && !LINES.equals(section)) {
        throw new IllegalArgumentException("no section " + section + " takes console edits");
      }
    }

    /** A device's edit. */
    public Edit(String id, Map<String, Object> entry) {
      this(DEVICES, id, entry);
    }
  }

  /** A problem of an edit, with the form field it belongs to (null when it is no one field's). */
  public record FieldProblem(String field, String message) {}

  /** The edit does not fit the estate: every problem, mapped to the form's fields. */
  public static final class Refused extends Exception {
    private final List<FieldProblem> problems;

    public Refused(List<FieldProblem> problems) {
      super(problems.get(0).message());
      this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
      return problems;
    }
  }

  private DeviceEdits() {}

  /** The estate of the gateway file's estate file with every edit laid over it, in order. */
  public static EstateConfig apply(Path gatewayFile, List<Edit> edits) throws ConfigException {
    Problems problems = new Problems();
    EstateConfig estate = read(gatewayFile, edits, false, problems).estate();
    problems.throwIfAny();
    return DoorDeviceLinks.complete(estate);
  }

  /**
   * As {@link #apply}, for an edit about to be saved: problems at the entry of {@code changedId}
   * name the key they are about, as a form field. An added device goes after the others even
   * when its id is taken, so the clash is reported as the file would report it.
   */
  public static EstateConfig check(Path gatewayFile, List<Edit> edits, String changedId, boolean added)
      throws Refused {
    return check(gatewayFile, edits, DEVICES, changedId, added);
  }

  /**
   * As {@link #check(Path, List, String, boolean)}, for an entry of {@code section}. A line
   * removed while devices still name it is refused on the form's {@code id}: the problem is the
   * removal, though the file would report it at the devices.
   */
  public static EstateConfig check(Path gatewayFile, List<Edit> edits, String section, String changedId,
      boolean added) throws Refused {
    Problems problems = new Problems();
    Read read = read(gatewayFile, edits, added, problems);
    try {
      problems.throwIfAny();
    } catch (ConfigException e) {
      String at = read.pathOf(section, changedId);
      String removed = at == null && LINES.equals(section) ? "id" : null;
      throw new Refused(e.problems().stream().map(p -> fieldOf(p, at, removed)).toList());
    }
    return DoorDeviceLinks.complete(read.estate());
  }

  /**
   * The device's entry as it stands now (file and edits), its door filled in from whichever side
   * of the file names it; null when there is no such device.
   */
  public static Map<String, Object> entry(Path gatewayFile, List<Edit> edits, String id) throws ConfigException {
    return entry(gatewayFile, edits, DEVICES, id);
  }

  /** As {@link #entry(Path, List, String)}, for an entry of {@code section}. */
  public static Map<String, Object> entry(Path gatewayFile, List<Edit> edits, String section, String id)
      throws ConfigException {
    Problems problems = new Problems();
    Read read = read(gatewayFile, edits, false, problems);
    problems.throwIfAny();
    SequenceNode items = sequence(read.root(), section, false);
    int index = indexOf(items, id);
    if (index < 0) {
      return null;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> entry = (Map<String, Object>) plain(items.getValue().get(index));
    if (!DEVICES.equals(section)) {
      return entry;
    }
    String door = DoorDeviceLinks.complete(read.estate()).devicesById().get(id).door();
    if (door != null) {
      entry.putIfAbsent("door", door);
    }
    return entry;
  }

  private record Read(Node root, EstateConfig estate) {
    String pathOf(String section, String id) {
      int index = lastIndexOf(sequence(root, section, false), id);
      return index < 0 ? null : section + "[" + index + "]";
    }
  }

  private static Read read(Path gatewayFile, List<Edit> edits, boolean lastAdded, Problems problems) {
    YamlSource gatewaySource = new YamlSource(gatewayFile.normalize(), problems);
    Node gatewayRoot = YamlFiles.read(gatewaySource);
    GatewayFileSchema.GatewayFile gateway =
        gatewayRoot == null ? null : GatewayFileSchema.read(gatewaySource, gatewayRoot);
    if (gateway == null || gateway.estateFile() == null) {
      return new Read(null, null);
    }
    Map<String, DeviceProfile> profiles = ProfileLoader.load(gateway.profilesDir(), problems);
    YamlSource source = new YamlSource(gateway.estateFile().normalize(), problems);
    Node root = YamlFiles.read(source);
    if (root == null) {
      return new Read(null, null);
    }
    for (int i = 0; i < edits.size(); i++) {
      lay(root, edits.get(i), lastAdded && i == edits.size() - 1);
    }
    return new Read(root, ConfigLoader.readEstate(source, root, profiles));
  }

  private static void lay(Node root, Edit edit, boolean append) {
    if (!(root instanceof MappingNode)) {
      return; // the schema reports the file's own shape
    }
    SequenceNode list = sequence(root, edit.section(), true);
    if (list == null) {
      return; // not a list: the schema reports it
    }
    SequenceNode doors = DEVICES.equals(edit.section()) ? sequence(root, "doors", false) : null;
    if (doors != null) {
      for (Node door : doors.getValue()) {
        SequenceNode listed = door instanceof MappingNode ? sequence(door, "devices", false) : null;
        if (listed != null) {
          listed.getValue().removeIf(n -> n instanceof ScalarNode s && s.getValue().equals(edit.id()));
        }
      }
    }
    int index = append ? -1 : indexOf(list, edit.id());
    List<Node> items = list.getValue();
    if (edit.entry() == null) {
      if (index >= 0) {
        items.remove(index);
      }
      return;
    }
    // At the line of the entry it replaces, so a problem elsewhere that points here names a true line.
    int line = index >= 0 ? Nodes.line(items.get(index))
        : items.isEmpty() ? Nodes.line(list) : Nodes.line(items.get(items.size() - 1));
    Node entry = compose(edit.entry(), Math.max(1, line));
    if (index >= 0) {
      items.set(index, entry);
    } else {
      items.add(entry);
    }
  }

  private static Node compose(Map<String, Object> entry, int line) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    String text = new Yaml(options).dump(entry);
    return new Yaml().compose(new StringReader("\n".repeat(line - 1) + text));
  }

  /** The list under {@code key} of a mapping; with {@code create}, an empty one added when absent. */
  private static SequenceNode sequence(Node mapping, String key, boolean create) {
    if (!(mapping instanceof MappingNode map)) {
      return null;
    }
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        return t.getValueNode() instanceof SequenceNode s ? s : null;
      }
    }
    if (!create) {
      return null;
    }
    SequenceNode added = new SequenceNode(Tag.SEQ, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
    map.getValue().add(new NodeTuple(
        new ScalarNode(Tag.STR, key, null, null, DumperOptions.ScalarStyle.PLAIN), added));
    return added;
  }

  private static int indexOf(SequenceNode list, String id) {
    if (list == null) {
      return -1;
    }
    for (int i = 0; i < list.getValue().size(); i++) {
      if (hasId(list.getValue().get(i), id)) {
        return i;
      }
    }
    return -1;
  }

  private static int lastIndexOf(SequenceNode list, String id) {
    if (list == null) {
      return -1;
    }
    for (int i = list.getValue().size() - 1; i >= 0; i--) {
      if (hasId(list.getValue().get(i), id)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean hasId(Node item, String id) {
    if (item instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("id")
            && t.getValueNode() instanceof ScalarNode v && v.getValue().equals(id)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A node as plain values: numbers and booleans as the file typed them, so they dump back the same. */
  private static Object plain(Node node) {
    if (node instanceof MappingNode m) {
      Map<String, Object> map = new LinkedHashMap<>();
      m.getValue().forEach(t -> map.put(((ScalarNode) t.getKeyNode()).getValue(), plain(t.getValueNode())));
      return map;
    }
    if (node instanceof SequenceNode s) {
      return new ArrayList<>(s.getValue().stream().map(DeviceEdits::plain).toList());
    }
    ScalarNode scalar = (ScalarNode) node;
    if (scalar.getTag().equals(Tag.INT)) {
      return Long.parseLong(scalar.getValue().replace("_", ""));
    }
    if (scalar.getTag().equals(Tag.FLOAT)) {
      return Double.parseDouble(scalar.getValue());
    }
    if (scalar.getTag().equals(Tag.BOOL)) {
      return Boolean.parseBoolean(scalar.getValue());
    }
    return scalar.getTag().equals(Tag.NULL) ? null : scalar.getValue();
  }

  /**
   * A key of the changed entry is its form field; a door's listing of it is about its door. A
   * value the changed entry holds that an entry below it repeats (a port, a serial number) is
   * reported at that entry, "first used" at the changed one: it is the changed entry's key all
   * the same. Problems elsewhere go to {@code elsewhere} (null: to no one field), their place named.
   */
  private static FieldProblem fieldOf(ConfigProblem p, String at, String elsewhere) {
    Matcher taken = TAKEN.matcher(p.message());
    if (at != null && taken.matches() && taken.group(1).equals(at)) {
      return new FieldProblem(taken.group(2), p.message());
    }
    if (at != null && p.path().startsWith(at + ".")) {
      String rest = p.path().substring(at.length() + 1);
      return new FieldProblem(rest.split("[.\\[]", 2)[0], p.message());
    }
    if (at != null && p.path().equals(at)) {
      return new FieldProblem(null, p.message());
    }
    return new FieldProblem(elsewhere, p.path().isEmpty() ? p.message() : p.path() + ": " + p.message());
  }
}
