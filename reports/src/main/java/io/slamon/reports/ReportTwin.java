package io.slamon.reports;

import io.slamon.core.config.Provider;
import io.slamon.core.config.Tenant;
import io.slamon.slo.period.PeriodJson;
import io.slamon.slo.period.PeriodResult;
import java.util.Map;
import java.util.TreeMap;

/**
 * The machine-readable twin of a report: the stored period result exactly as the engine computed
 * it, plus who and what it is about. Canonical JSON ({@link PeriodJson}); it holds nothing that
 * changes between two generations from the same data (no generation time, no version, no
 * language), so the same month and data always give the same SHA-256.
 */
public final class ReportTwin {
  public static final String FORMAT = "slamon-monthly-report/1";

  private ReportTwin() {}

  public static String json(Provider provider, Tenant tenant, PeriodResult period, String periodResultSha256) {
    Map<String, Object> twin = new TreeMap<>();
    twin.put("format", FORMAT);
    twin.put("provider", provider.legalName());
    twin.put("tenant", Map.of("id", tenant.id(), "name", tenant.displayName()));
    twin.put("contract", Map.of("tier", tenant.tier().configName(), "availabilityClass", tenant.contract().availabilityClass().name(),
        "timeZone", tenant.contract().timeZone().getId()));
    twin.put("month", period.month());
    twin.put("periodResult", period);
    twin.put("periodResultSha256", periodResultSha256);
    twin.put("rationale", ReportContent.RATIONALE);
    return PeriodJson.write(twin);
  }
}
