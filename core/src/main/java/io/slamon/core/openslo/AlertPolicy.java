package io.slamon.core.openslo;

import java.util.List;
import java.util.Objects;

/** OpenSLO alert policy with condition references resolved. */
public record AlertPolicy(
    Metadata metadata,
    String description,
    boolean alertWhenNoData,
    boolean alertWhenBreaching,
    boolean alertWhenResolved,
    List<AlertCondition> conditions,
    List<String> notificationTargets) {
  public AlertPolicy {
    Objects.requireNonNull(metadata, "metadata");
    conditions = List.copyOf(conditions);
    notificationTargets = List.copyOf(notificationTargets);
  }

  public String name() {
    return metadata.name();
  }
}
