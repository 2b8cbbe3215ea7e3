package io.doorstep.gateway.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files a configuration is made of: the gateway file, the estate file it names, and the
 * device profiles, each with the name it has in an export ({@code gateway.yaml},
 * {@code estates/…}, {@code profiles/…}), so the set can be read again side by side.
 */
public final class ConfigFiles {
  /** @param name where the file goes in an export */
  public record Entry(String name, Path file) {}

  private ConfigFiles() {}

  /** Reads the gateway file again for the others' paths; throws when it no longer loads. */
  public static List<Entry> of(Path gatewayFile) throws ConfigException, IOException {
    Problems problems = new Problems();
    YamlSource source = new YamlSource(gatewayFile.normalize(), problems);
    var root = YamlFiles.read(source);
    GatewayFileSchema.GatewayFile gateway = root == null ? null : GatewayFileSchema.read(source, root);
    problems.throwIfAny();
    List<Entry> entries = new ArrayList<>();
    entries.add(new Entry(gatewayFile.getFileName().toString(), gatewayFile));
    if (gateway.estateFile() != null && Files.isRegularFile(gateway.estateFile())) {
      entries.add(new Entry("estates/" + gateway.estateFile().getFileName(), gateway.estateFile()));
    }
    if (Files.isDirectory(gateway.profilesDir())) {
      try (Stream<Path> files = Files.list(gateway.profilesDir())) {
        files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().matches(".*\\.ya?ml"))
            .sorted()
            .forEach(f -> entries.add(new Entry("profiles/" + f.getFileName(), f)));
      }
    }
    return entries;
  }
}
