package io.slamon.core.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes small config directories under target/ for tests. */
final class ConfigDirs {
  static final String SLAMON = "provider:\n  name: Test Provider\n";
  static final String ACME =
      """
      apiVersion: slamon.io/v1
      kind: Tenant
      id: acme
      tier: standard
      contract:
        availabilityClass: VK2
      """;

  private ConfigDirs() {}

  /** A valid base (slamon.yaml + tenants/acme.yaml) with {@code files} added or replaced; null deletes. */
  static Path write(Map<String, String> files) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("slamon.yaml", SLAMON);
    all.put("tenants/acme.yaml", ACME);
    all.putAll(files);
    try {
      Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-configs")), "cfg");
      for (Map.Entry<String, String> e : all.entrySet()) {
        if (e.getValue() == null) {
          continue;
        }
        Path p = dir.resolve(e.getKey());
        Files.createDirectories(p.getParent());
        Files.writeString(p, e.getValue());
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ConfigResult load(Map<String, String> files) {
    return ConfigLoader.load(write(files));
  }
}
