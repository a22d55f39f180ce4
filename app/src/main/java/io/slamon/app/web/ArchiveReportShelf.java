package io.slamon.app.web;

import io.slamon.store.ReportArchive;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * {@link ReportShelf} over the reports archive. The archive's reads are tenant-scoped in SQL
 * ({@code WHERE tenant = ?}), so another tenant's report id is simply not found.
 */
public final class ArchiveReportShelf implements ReportShelf {
  private final ReportArchive archive;

  public ArchiveReportShelf(ReportArchive archive) {
    this.archive = archive;
  }

  @Override
  public List<Report> list(String tenant) {
    return archive.list(tenant).stream()
        .map(s -> new Report(s.reportId(), s.tenant(), YearMonth.parse(s.month()), s.lang(), s.version(), s.supersedes(), s.issuedAt(),
            s.pdfSha256()))
        .toList();
  }

  @Override
  public Optional<Download> open(String tenant, String id, Format format) {
    return archive.fetch(tenant, id).map(a -> new Download(id + format.suffix(), format.contentType(),
        format == Format.PDF ? a.pdf() : a.json().getBytes(StandardCharsets.UTF_8)));
  }
}
