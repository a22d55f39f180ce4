package io.slamon.slo;

import io.slamon.core.openslo.AlertCondition;
import io.slamon.core.openslo.AlertPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The burn-rate policy of an SLO from its OpenSLO alert policies. Each {@code kind: burnrate}
 * condition becomes a multiwindow condition: factor = {@code threshold}, long window = {@code
 * lookbackWindow}, short window = 1/12 of it (the SRE Workbook's ratio: 1 h with 5 m, 6 h with
 * 30 m), severity {@code page} pages and anything else opens a ticket. An SLO without burn-rate
 * conditions gets the Workbook table ({@link BurnRatePolicy#defaults()}).
 */
public final class OpenSloAlerting {
  /** The Workbook's short window is 1/12 of the long one. */
  static final int SHORT_WINDOW_DIVISOR = 12;

  private OpenSloAlerting() {}

  public static BurnRatePolicy policy(List<AlertPolicy> policies) {
    List<BurnRateCondition> conditions = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (AlertPolicy p : policies) {
      for (AlertCondition c : p.conditions()) {
        if (names.add(c.name())) {
          conditions.add(condition(c));
        }
      }
    }
    return conditions.isEmpty() ? BurnRatePolicy.defaults() : new BurnRatePolicy(conditions, BurnRatePolicy.defaults().noDataWindow());
  }

  /** Whether any of the policies asks for an alert when the SLO has no data. */
  public static boolean alertWhenNoData(List<AlertPolicy> policies) {
    return policies.stream().anyMatch(AlertPolicy::alertWhenNoData);
  }

  static BurnRateCondition condition(AlertCondition c) {
    Duration longWindow = c.lookbackWindow();
    Duration shortWindow = longWindow.dividedBy(SHORT_WINDOW_DIVISOR);
    AlertSeverity severity = "page".equals(c.severity().toLowerCase(Locale.ROOT)) ? AlertSeverity.PAGE : AlertSeverity.TICKET;
    return new BurnRateCondition(c.name(), severity, c.threshold(), longWindow, shortWindow);
  }
}
