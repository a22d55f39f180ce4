package io.slamon.core.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Regulatory regimes that apply to a tenant's incidents.
 *
 * @param nis2 null when the tenant is not a NIS2 entity
 * @param dora true for financial entities under DORA
 * @param aiAct null when no AI Act obligations are configured
 */
public record Regulatory(Dsgvo dsgvo, Nis2 nis2, boolean dora, AiAct aiAct) {
  public static final Regulatory DEFAULT = new Regulatory(Dsgvo.DEFAULT, null, false, null);

  public Regulatory {
    Objects.requireNonNull(dsgvo, "dsgvo");
  }

  /** DSGVO (GDPR) role of the provider for this tenant's data. */
  public record Dsgvo(Role role, Duration controllerNotificationDeadline) {
    public static final Dsgvo DEFAULT = new Dsgvo(Role.PROCESSOR, null);

    public Dsgvo {
      Objects.requireNonNull(role, "role");
      if (role == Role.CONTROLLER && controllerNotificationDeadline != null) {
        throw new IllegalArgumentException(
            "controllerNotificationDeadline only applies when the provider is the processor");
      }
    }

    /** processor: the provider processes on the tenant's behalf (AVV); controller: its own. */
    public enum Role implements ConfigEnum {
      PROCESSOR,
      CONTROLLER;

      @Override
      public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
      }
    }
  }

  /** NIS2 entity class. */
  public record Nis2(Entity entity) {
    public Nis2 {
      Objects.requireNonNull(entity, "entity");
    }

    /** essential or important entity (NIS2 Art. 3). */
    public enum Entity implements ConfigEnum {
      ESSENTIAL,
      IMPORTANT;

      @Override
      public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
      }
    }
  }

  /** EU AI Act: whether the tenant runs a high-risk AI system (Art. 73 reporting). */
  public record AiAct(boolean highRisk) {}
}
