package io.slamon.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Monthly period results the engine's period job computed (one row per tenant and month), read by
 * reports. Every read is scoped to one tenant.
 */
public interface PeriodResultStore {
  /**
   * One stored result.
   *
   * @param month {@code YYYY-MM}
   * @param result canonical JSON of the engine's {@code PeriodResult}
   * @param resultSha256 SHA-256 (hex) of {@code result}'s UTF-8 bytes
   */
  record StoredPeriod(String tenant, String month, String zone, Instant start, Instant end, Instant computedAt, String snapshot,
      String result, String resultSha256) {
    public StoredPeriod {
      Objects.requireNonNull(tenant, "tenant");
      if (!month.matches("\\d{4}-\\d{2}")) {
        throw new IllegalArgumentException("month must be YYYY-MM, was " + month);
      }
      Objects.requireNonNull(result, "result");
      Objects.requireNonNull(resultSha256, "resultSha256");
    }
  }

  /** What the stored data of a tenant in {@code [from, to)} looks like right now (the snapshot marker's inputs). */
  record DataCounts(long samples, Instant lastSampleAt, long events, long auditSeq) {}

  /** Stores the result, replacing an earlier computation of the same tenant and month. */
  void save(StoredPeriod period);

  Optional<StoredPeriod> find(String tenant, String month);

  /** Months with a stored result for the tenant, newest first. */
  List<String> months(String tenant);

  /** Counts the tenant's samples, its and provider-wide events in {@code [from, to)}, and the audit log's last sequence number. */
  DataCounts dataCounts(String tenant, Instant from, Instant to);
}
