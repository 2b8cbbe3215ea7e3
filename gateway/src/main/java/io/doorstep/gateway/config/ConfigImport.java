package io.doorstep.gateway.config;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Takes back a configuration exported as a zip ({@link ConfigFiles}): the files are checked by
 * {@link ConfigLoader} exactly as at start-up, in a copy of the configuration's directory where
 * only the imported files differ, and written only when there is no problem at all. Every file
 * replaced or taken away is kept beside as {@code NAME.bak-STAMP}. The running gateway does not
 * change: a restart applies the files.
 */
public final class ConfigImport {
  /** A configuration zip is a few tens of kilobytes; this leaves room for many profiles. */
  public static final int MAX_ZIP_BYTES = 1 << 20;
  /** Each file and the whole set unpacked: a small zip must not unpack into a full disk. */
  static final int MAX_FILE_BYTES = 1 << 20;
  static final int MAX_TOTAL_BYTES = 4 << 20;
  static final int MAX_FILES = 200;
  private static final String ESTATES = "estates";
  private static final String PROFILES = ConfigDefaults.PROFILES_DIR;
  private static final Pattern FOLDER_FILE = Pattern.compile("(estates|profiles)/[A-Za-z0-9_-][A-Za-z0-9._-]*\\.ya?ml");
  /** Where problems about the zip itself, rather than one of its files, are reported. */
  static final Path ZIP = Path.of("(zip)");

  /**
   * What an import did, each file named as in the zip.
   *
   * @param written files that are new or changed
   * @param unchanged files the zip holds exactly as they are
   * @param removed device profiles the zip no longer holds, put aside
   * @param backups the previous files, kept beside them
   */
  public record Result(List<String> written, List<String> unchanged, List<String> removed, List<String> backups) {}

  /** In an export: the console's device edits, in the order they are laid over the estate file. */
  public static final String DEVICE_EDITS = "device-edits.json";

  /** In an export: the console's RS-485 line edits, in the order they are laid over the estate file. */
  public static final String LINE_EDITS = "line-edits.json";
  /** In an export: the door timings changed on the console, door by door. */
  public static final String DOOR_TIMINGS = "door-timings.json";

  /** The configuration here is not laid out as an export is, so an import cannot know where its files go. */
  public static final class NotImportable extends Exception {
    NotImportable(String message) {
      super(message);
    }
  }

  private ConfigImport() {}

  /**
   * Checks the zip against the configuration whose gateway file is {@code gatewayFile} and, when
   * it is valid, writes it there. One import at a time.
   *
   * @param stamp the backups' suffix, e.g. {@code 20250301-1530}
   * @throws ConfigException every problem found, files named as in the zip; nothing was written
   */
  public static synchronized Result apply(Path gatewayFile, byte[] zip, String stamp)
      throws ConfigException, NotImportable, IOException {
    Path live = gatewayFile.toAbsolutePath().normalize();
    Path dir = live.getParent();
    List<ConfigFiles.Entry> current = liveLayout(live, dir);
    Map<String, byte[]> files = unzip(zip, live.getFileName().toString());
    Path stage = Files.createTempDirectory("doorstep-import-");
    try {
      check(stage, dir, live.getFileName().toString(), files);
      return write(dir, current, files, stamp);
    } finally {
      deleteStage(stage);
    }
  }

  private static List<ConfigFiles.Entry> liveLayout(Path live, Path dir) throws NotImportable, IOException {
    List<ConfigFiles.Entry> current;
    try {
      current = ConfigFiles.of(live);
    } catch (ConfigException e) {
      throw new NotImportable("the configuration in use no longer loads (" + e.problems().get(0)
          + "): put the files in place by hand");
    }
    for (ConfigFiles.Entry e : current) {
      if (!e.file().toAbsolutePath().normalize().equals(dir.resolve(e.name()))) {
        throw new NotImportable(e.file() + " is not where an export puts it (" + dir.resolve(e.name())
            + "): an import writes only into " + ESTATES + "/ and " + PROFILES + "/ beside " + live.getFileName()
            + "; put the files in place by hand");
      }
    }
    return current;
  }

  private static Map<String, byte[]> unzip(byte[] zip, String gatewayName) throws ConfigException {
    Problems problems = new Problems();
    Map<String, byte[]> files = new LinkedHashMap<>();
    long total = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        String name = entry.getName();
        if (entry.isDirectory() || name.equals(DEVICE_EDITS) || name.equals(LINE_EDITS) || name.equals(DOOR_TIMINGS)) {
          // the console's device, line and door timing changes travel in an export as a record; they live in the store
          continue;
        }
        if (!name.equals(gatewayName) && !FOLDER_FILE.matcher(name).matches()) {
          problems.add(new ConfigProblem(Path.of(safe(name)), 0, "", "not a file of an exported configuration: a zip"
              + " holds " + gatewayName + ", " + ESTATES + "/NAME.yaml and " + PROFILES + "/NAME.yaml only"));
          continue;
        }
        if (files.containsKey(name)) {
          problems.add(new ConfigProblem(Path.of(name), 0, "", "is in the zip twice"));
          continue;
        }
        byte[] bytes = readAtMost(in, MAX_FILE_BYTES);
        if (bytes == null) {
          problems.add(new ConfigProblem(Path.of(name), 0, "", "larger than " + (MAX_FILE_BYTES >> 20)
              + " MiB unpacked: no configuration file is that large"));
          continue;
        }
        total += bytes.length;
        if (total > MAX_TOTAL_BYTES || files.size() >= MAX_FILES) {
          problems.add(new ConfigProblem(ZIP, 0, "", "more than " + MAX_FILES + " files or "
              + (MAX_TOTAL_BYTES >> 20) + " MiB unpacked: not an exported configuration"));
          break;
        }
        files.put(name, bytes);
      }
    } catch (ZipException | IllegalArgumentException e) {
      problems.add(new ConfigProblem(ZIP, 0, "", "not a readable zip (" + e.getMessage()
          + "): upload the file the console's export gave"));
    } catch (IOException e) {
      problems.add(new ConfigProblem(ZIP, 0, "", "could not be read: " + e.getMessage()));
    }
    if (problems.isEmpty() && !files.containsKey(gatewayName)) {
      problems.add(new ConfigProblem(ZIP, 0, "", files.isEmpty()
          ? "holds no configuration file: upload the zip the console's export gave"
          : "holds no " + gatewayName + ": an import replaces the whole configuration, gateway file included"));
    }
    problems.throwIfAny();
    return files;
  }

  /** The bytes of the entry, or null when it is larger than {@code limit}. */
  private static byte[] readAtMost(InputStream in, int limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
      out.write(buffer, 0, n);
      if (out.size() > limit) {
        return null;
      }
    }
    return out.toByteArray();
  }

  /**
   * Loads the imported set as start-up would: in a directory that holds the imported files and,
   * for everything else beside the gateway file (certificates, say), a link to the real one, so
   * every relative path resolves to what it will resolve to after the import.
   */
  private static void check(Path stage, Path dir, String gatewayName, Map<String, byte[]> files)
      throws ConfigException, IOException {
    try (Stream<Path> children = Files.list(dir)) {
      for (Path child : children.toList()) {
        String name = child.getFileName().toString();
        if (!name.equals(gatewayName) && !name.equals(ESTATES) && !name.equals(PROFILES)) {
          Files.createSymbolicLink(stage.resolve(name), child);
        }
      }
    }
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Path target = stage.resolve(f.getKey());
      Files.createDirectories(target.getParent());
      Files.write(target, f.getValue());
    }
    Path gatewayFile = stage.resolve(gatewayName);
    Problems problems = new Problems();
    try {
      ConfigLoader.load(gatewayFile);
      // The files the imported gateway file uses must be the imported ones, where the export puts them.
      for (ConfigFiles.Entry e : ConfigFiles.of(gatewayFile)) {
        if (!e.file().toAbsolutePath().normalize().equals(stage.resolve(e.name()))) {
          problems.add(new ConfigProblem(Path.of(gatewayName), 0, "", e.file() + " is outside the imported files:"
              + " name the estate file as " + ESTATES + "/NAME.yaml and keep the profiles in " + PROFILES + "/"));
        }
      }
      List<String> used = ConfigFiles.of(gatewayFile).stream().map(ConfigFiles.Entry::name).toList();
      files.keySet().stream().filter(n -> !used.contains(n)).forEach(n -> problems.add(new ConfigProblem(Path.of(n), 0,
          "", "not used by " + gatewayName + ": an import holds one configuration; leave this file out")));
    } catch (ConfigException e) {
      e.problems().forEach(p -> problems.add(inZip(p, stage)));
    }
    problems.throwIfAny();
  }

  /** A problem found in the staged copy, named as the technician knows the file: as in the zip. */
  private static ConfigProblem inZip(ConfigProblem p, Path stage) {
    Path file = p.file().toAbsolutePath().normalize();
    Path named = file.startsWith(stage) ? stage.relativize(file) : p.file();
    return new ConfigProblem(named, p.line(), p.path(), p.message().replace(stage + "/", ""));
  }

  private static Result write(Path dir, List<ConfigFiles.Entry> current, Map<String, byte[]> files, String stamp)
      throws IOException {
    List<String> written = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<String> backups = new ArrayList<>();
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Path target = dir.resolve(f.getKey());
      if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), f.getValue())) {
        unchanged.add(f.getKey());
        continue;
      }
      Files.createDirectories(target.getParent());
      if (Files.exists(target)) {
        Files.copy(target, backup(target, stamp), StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.COPY_ATTRIBUTES);
        backups.add(f.getKey() + ".bak-" + stamp);
      }
      Path temp = target.resolveSibling(target.getFileName() + ".importing");
      Files.write(temp, f.getValue());
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      written.add(f.getKey());
    }
    // The profiles are a directory the loader reads whole: one the zip no longer has would still load.
    for (ConfigFiles.Entry e : current) {
      if (e.name().startsWith(PROFILES + "/") && !files.containsKey(e.name())) {
        Files.move(e.file(), backup(e.file(), stamp), StandardCopyOption.REPLACE_EXISTING);
        removed.add(e.name());
        backups.add(e.name() + ".bak-" + stamp);
      }
    }
    return new Result(written, unchanged, removed, backups);
  }

  private static Path backup(Path file, String stamp) {
    return file.resolveSibling(file.getFileName() + ".bak-" + stamp);
  }

  /** A name from the zip fit to show: no path above the zip's own. */
  private static String safe(String name) {
    String cleaned = name.replace('\\', '/').replaceAll("^/+", "");
    return cleaned.isEmpty() ? "(no name)" : cleaned;
  }

  /** The staged copy: links are deleted, never followed. */
  private static void deleteStage(Path stage) throws IOException {
    try (Stream<Path> all = Files.walk(stage)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
