package io.doorstep.bench.verify;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Makes sure the run measures this checkout's gateway. The bench's class path holds copies of
 * the other modules' jars; Maven fills them from the local repository when a module is built
 * alone, and keeps an existing copy that is newer than the fresh build, so a jar another
 * checkout installed can stay there unnoticed. Every class of each copied module jar is compared
 * with that module's {@code target/classes}; a difference stops the run.
 */
public final class BuildCheck {
  private static final List<String> MODULES = List.of("drivers", "simulators", "gateway");

  private BuildCheck() {}

  /** The problems found, empty when every module jar is this checkout's build or there is nothing to compare. */
  /** Stops the run (IllegalStateException) when the class path is not this checkout's build. */
  public static void requireThisBuild() {
    List<String> stale = problems();
    if (!stale.isEmpty()) {
      throw new IllegalStateException("the class path is not this checkout's build:\n  " + String.join("\n  ", stale));
    }
  }

  public static List<String> problems() {
    Path root = projectRoot();
    if (root == null) {
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path jar = Path.of(entry);
      String name = jar.getFileName() == null ? "" : jar.getFileName().toString();
      for (String module : MODULES) {
        if (name.startsWith("doorstep-" + module + "-") && name.endsWith(".jar")) {
          Path classes = root.resolve(module).resolve("target/classes");
          if (Files.isDirectory(classes)) {
            compare(jar, classes).ifPresent(problems::add);
          }
        }
      }
    }
    return problems;
  }

  private static java.util.Optional<String> compare(Path jar, Path classes) {
    int differ = 0;
    int compared = 0;
    try (JarFile file = new JarFile(jar.toFile())) {
      for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
        JarEntry entry = e.nextElement();
        if (!entry.getName().endsWith(".class")) {
          continue;
        }
        Path built = classes.resolve(entry.getName());
        compared++;
        try (InputStream in = file.getInputStream(entry)) {
          if (!Files.exists(built) || !Arrays.equals(in.readAllBytes(), Files.readAllBytes(built))) {
            differ++;
          }
        }
      }
    } catch (IOException e) {
      return java.util.Optional.of(jar + ": unreadable (" + e.getMessage() + ")");
    }
    if (differ == 0) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(String.format("%s is not the build of %s (%d of %d classes differ); delete %s "
        + "and build the whole project (mvn package in %s)", jar, classes, differ, compared, jar.getParent(),
        classes.getParent().getParent().getParent()));
  }

  /** The checkout the bench runs from: the nearest directory above its classes with a pom.xml and gateway/. */
  private static Path projectRoot() {
    try {
      Path here = Path.of(BuildCheck.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path p = here; p != null; p = p.getParent()) {
        if (Files.exists(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("gateway"))) {
          return p;
        }
      }
    } catch (Exception e) {
      // not from a checkout: nothing to compare with
    }
    return null;
  }
}
