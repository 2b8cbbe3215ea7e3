package io.doorstep.gateway.config;

import io.doorstep.drivers.modbus.profile.DeviceProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;

/** Reads every {@code *.yaml} of the profiles directory; a model may be defined once. */
final class ProfileLoader {
  private ProfileLoader() {}

  /** Profiles by model name; problems go to {@code problems}. */
  static Map<String, DeviceProfile> load(Path dir, Problems problems) {
    Map<String, DeviceProfile> profiles = new LinkedHashMap<>();
    Map<String, Path> firstFile = new HashMap<>();
    for (Path file : files(dir, problems)) {
      YamlSource source = new YamlSource(file, problems);
      Node root = YamlFiles.read(source);
      if (root == null) {
        continue;
      }
      Map<String, String> paths = new HashMap<>();
      DeviceProfile profile = ProfileFileSchema.read(source, root, paths);
      ProfileCheck.check(profile, paths, source);
      if (profile.model() == null) {
        continue;
      }
      Path earlier = firstFile.putIfAbsent(profile.model(), file);
      if (earlier != null) {
        source.problem("model", "model " + profile.model() + " is already defined in " + earlier.getFileName());
      } else {
        profiles.put(profile.model(), profile);
      }
    }
    return profiles;
  }

  private static List<Path> files(Path dir, Problems problems) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      problems.add(new ConfigProblem(dir, 0, "", "cannot list the profiles directory: " + e.getMessage()));
      return List.of();
    }
  }
}
