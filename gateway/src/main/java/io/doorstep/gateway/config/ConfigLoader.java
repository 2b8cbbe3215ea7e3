package io.doorstep.gateway.config;

import io.doorstep.drivers.modbus.profile.DeviceProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads and validates the gateway file and the estate file it names. Every problem of both files
 * is collected and thrown at once; the gateway never starts half-configured.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  /** Every problem of both files at once, or the valid configuration. */
  public static GatewayConfig load(Path gatewayFile) throws ConfigException {
    Problems problems = new Problems();
    YamlSource source = new YamlSource(gatewayFile.normalize(), problems);
    Node root = YamlFiles.read(source);
    GatewayFileSchema.GatewayFile gateway = root == null ? null : GatewayFileSchema.read(source, root);
    EstateConfig estate = null;
    if (gateway != null && gateway.estateFile() != null) {
      Path file = gateway.estateFile();
      if (Files.isRegularFile(file)) {
        estate = readEstate(file, gateway.profilesDir(), problems);
      } else {
        // Reported here rather than in the estate file, so the operator sees which line to fix.
        source.problem("estate", (Files.isDirectory(file) ? "a directory, not a file: " : "no such file: ") + file
            + " (a relative path is resolved against the directory of this file)");
      }
    }
    problems.throwIfAny();
    return gateway.with(gatewayFile.toAbsolutePath().normalize(), DoorDeviceLinks.complete(estate));
  }

  /**
   * An estate file on its own, for tools and benchmarks that need the estate without a gateway;
   * device profiles come from the {@code profiles} directory beside the estate file's directory,
   * as shipped ({@code config/estates/…}, {@code config/profiles/…}).
   */
  public static EstateConfig loadEstate(Path estateFile) throws ConfigException {
    Path file = estateFile.toAbsolutePath().normalize();
    return loadEstate(file, file.getParent().resolveSibling(ConfigDefaults.PROFILES_DIR));
  }

  public static EstateConfig loadEstate(Path estateFile, Path profilesDir) throws ConfigException {
    Problems problems = new Problems();
    EstateConfig estate = readEstate(estateFile.normalize(), profilesDir, problems);
    problems.throwIfAny();
    return DoorDeviceLinks.complete(estate);
  }

  private static EstateConfig readEstate(Path file, Path profilesDir, Problems problems) {
    Map<String, DeviceProfile> profiles = ProfileLoader.load(profilesDir, problems);
    YamlSource source = new YamlSource(file, problems);
    Node root = YamlFiles.read(source);
    return root == null ? null : readEstate(source, root, profiles);
  }

  /** The estate in {@code root}, read and checked as a file is; devices changed on the page come through here too. */
  static EstateConfig readEstate(YamlSource source, Node root, Map<String, DeviceProfile> profiles) {
    EstateConfig estate = EstateFileSchema.read(source, root, profiles);
    UniquenessCheck.check(estate, source);
    ReferenceCheck.check(estate, source);
    return estate;
  }
}
