package io.slamon.app.web;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Issued monthly reports as the portal and the API offer them for download. The extension point
 * for the reports module's archive: until it is connected, {@link #NONE} lists nothing and the
 * portal says "no reports yet".
 */
public interface ReportShelf {
  /** One issued report. */
  record Report(String id, String tenant, YearMonth month, String language, int version, Instant issuedAt, String sha256) {
    public Report {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(month, "month");
    }
  }

  /** A report's bytes. */
  record Download(String fileName, String contentType, byte[] content) {}

  /** The tenant's issued reports, newest month first. */
  List<Report> list(String tenant);

  /** The report {@code id} of {@code tenant}; empty when it does not exist or belongs to another tenant. */
  Optional<Download> open(String tenant, String id);

  ReportShelf NONE = new ReportShelf() {
    @Override
    public List<Report> list(String tenant) {
      return List.of();
    }

    @Override
    public Optional<Download> open(String tenant, String id) {
      return Optional.empty();
    }
  };
}
