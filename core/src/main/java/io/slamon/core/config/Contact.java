package io.slamon.core.config;

import java.util.Objects;

/** A person to reach for a tenant. {@code phone} may be null. */
public record Contact(Role role, String name, String email, String phone) {
  public Contact {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(email, "email");
  }

  /** What the contact is for. */
  public enum Role implements ConfigEnum {
    ONCALL("oncall"),
    SECURITY("security"),
    DPO("dpo"),
    SERVICE_MANAGER("service-manager");

    private final String configName;

    Role(String configName) {
      this.configName = configName;
    }

    @Override
    public String configName() {
      return configName;
    }
  }
}
