package io.slamon.core.config;

/** An enum whose constants are spelled in YAML as {@link #configName()} (e.g. {@code service-manager}). */
public interface ConfigEnum {
  String configName();
}
