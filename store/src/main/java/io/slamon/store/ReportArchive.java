package io.slamon.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Issued reports, immutable and hash-chained in issue order. A correction is a new version of the
 * same tenant, month and language that names the version it supersedes. Reads for a tenant
 * ({@link #list}, {@link #fetch}) never return another tenant's report — the API serves these.
 */
public interface ReportArchive {
  /**
   * A report to issue; the archive assigns predecessor and hash. {@code version} is the one the
   * document was rendered with ({@link #nextVersion}); issuing fails when another process issued
   * that version meanwhile.
   */
  record NewReport(String tenant, String month, String lang, int version, String reason, Instant issuedAt, String snapshot, String json,
      byte[] pdf) {
    public NewReport {
      if (version < 1) {
        throw new IllegalArgumentException("version must be >= 1, was " + version);
      }
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(month, "month");
      Objects.requireNonNull(lang, "lang");
      Objects.requireNonNull(issuedAt, "issuedAt");
      Objects.requireNonNull(snapshot, "snapshot");
      Objects.requireNonNull(json, "json");
      Objects.requireNonNull(pdf, "pdf");
    }
  }

  /** An archived report without its bodies (for listings). */
  record Summary(String reportId, String tenant, String month, String lang, int version, String supersedes, String reason,
      Instant issuedAt, String snapshot, String jsonSha256, String pdfSha256, String hash) {}

  /** An archived report with the JSON twin and the PDF bytes. */
  record Archived(Summary summary, String json, byte[] pdf) {}

  /** Result of recomputing the chain: {@code firstBadReport} names the first changed, removed or reordered entry. */
  record Verification(boolean intact, int checked, String firstBadReport, String problem) {}

  Summary issue(NewReport report);

  /** The version the next report for the tenant, month and language gets (1 for the first). */
  int nextVersion(String tenant, String month, String lang);

  /** The id a report gets, e.g. {@code RPT-acme-2026-10-de-v2}. */
  static String reportId(String tenant, String month, String lang, int version) {
    return "RPT-" + tenant + "-" + month + "-" + lang + "-v" + version;
  }

  /** The newest version for the tenant, month and language. */
  Optional<Summary> latest(String tenant, String month, String lang);

  /** All reports of one tenant, newest month and version first. */
  List<Summary> list(String tenant);

  /** One report of one tenant; empty when the id does not exist or belongs to another tenant. */
  Optional<Archived> fetch(String tenant, String reportId);

  /** Recomputes every entry's body hashes and the chain. */
  Verification verify();
}
