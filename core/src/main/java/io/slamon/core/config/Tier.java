package io.slamon.core.config;

/** Service tier of a tenant's contract. */
public enum Tier implements ConfigEnum {
  BASIC,
  STANDARD,
  PREMIUM,
  ENTERPRISE;

  @Override
  public String configName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
