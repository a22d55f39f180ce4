package io.slamon.app.web;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Issued monthly reports as the portal and the API offer them for download: {@link
 * ArchiveReportShelf} over the reports archive; {@link #NONE} lists nothing ("no reports yet").
 */
public interface ReportShelf {
  /** One issued report; {@code sha256} is the PDF's, {@code supersedes} the id of the version it corrects (or null). */
  record Report(String id, String tenant, YearMonth month, String language, int version, String supersedes, Instant issuedAt,
      String sha256) {
    public Report {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(month, "month");
    }
  }

  /** The two forms of an issued report: the PDF and its machine-readable JSON twin. */
  enum Format {
    PDF(".pdf", "application/pdf"),
    JSON(".json", "application/json; charset=utf-8");

    private final String suffix;
    private final String contentType;

    Format(String suffix, String contentType) {
      this.suffix = suffix;
      this.contentType = contentType;
    }

    public String suffix() {
      return suffix;
    }

    public String contentType() {
      return contentType;
    }
  }

  /** A report id and the form asked for, from a file name as in the download links. */
  record Request(String id, Format format) {
    /** {@code RPT-acme-2026-10-de-v1.json} → JSON; {@code ….pdf} or no suffix → PDF. */
    public static Request of(String fileName) {
      String lower = fileName.toLowerCase(Locale.ROOT);
      for (Format f : Format.values()) {
        if (lower.endsWith(f.suffix())) {
          return new Request(fileName.substring(0, fileName.length() - f.suffix().length()), f);
        }
      }
      return new Request(fileName, Format.PDF);
    }
  }

  /** A report's bytes. */
  record Download(String fileName, String contentType, byte[] content) {}

  /** The tenant's issued reports, newest month first. */
  List<Report> list(String tenant);

  /** The report {@code id} of {@code tenant} in {@code format}; empty when it does not exist or belongs to another tenant. */
  Optional<Download> open(String tenant, String id, Format format);

  ReportShelf NONE = new ReportShelf() {
    @Override
    public List<Report> list(String tenant) {
      return List.of();
    }

    @Override
    public Optional<Download> open(String tenant, String id, Format format) {
      return Optional.empty();
    }
  };
}
