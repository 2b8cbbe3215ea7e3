package io.doorstep.gateway.config;

import java.nio.file.Path;

/** SKELETON: loads and validates the gateway file and the estate file it names. */
public final class ConfigLoader {
  private ConfigLoader() {}

  /** Every problem of both files at once, or the valid configuration. */
  public static GatewayConfig load(Path gatewayFile) throws ConfigException {
    throw new UnsupportedOperationException();
  }
}
