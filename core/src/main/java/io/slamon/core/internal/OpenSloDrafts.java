package io.slamon.core.internal;

import io.slamon.core.openslo.AlertCondition;
import io.slamon.core.openslo.BudgetingMethod;
import io.slamon.core.openslo.Metadata;
import io.slamon.core.openslo.Objective;
import io.slamon.core.openslo.Service;
import io.slamon.core.openslo.Sli;
import io.slamon.core.openslo.TimeWindow;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenSLO documents as read, before references between them are resolved. Each carries the
 * location of its name and references so dangling ones can be reported where they were written.
 */
public final class OpenSloDrafts {
  public final List<Named<Service>> services = new ArrayList<>();
  public final List<Named<Sli>> slis = new ArrayList<>();
  public final List<Named<AlertCondition>> conditions = new ArrayList<>();
  public final List<PolicyDraft> policies = new ArrayList<>();
  public final List<SloDraft> slos = new ArrayList<>();

  /** A finished document with the location of its {@code metadata.name}. */
  public record Named<T>(T value, Ref name, Ref tenant) {}

  /** An SLO whose service, indicator and alert policies are still names. */
  public record SloDraft(
      Metadata metadata,
      Ref name,
      Ref tenant,
      String description,
      Ref service,
      Ref indicatorRef,
      Sli indicator,
      BudgetingMethod budgetingMethod,
      List<TimeWindow> timeWindow,
      List<Objective> objectives,
      List<Ref> alertPolicies,
      boolean thresholdObjectives,
      Ref objectivesRef,
      String file) {}

  /** An alert policy whose conditions are inline or references. */
  public record PolicyDraft(
      Metadata metadata,
      Ref name,
      Ref tenant,
      String description,
      boolean alertWhenNoData,
      boolean alertWhenBreaching,
      boolean alertWhenResolved,
      List<Object> conditions,
      List<String> notificationTargets) {}
}
