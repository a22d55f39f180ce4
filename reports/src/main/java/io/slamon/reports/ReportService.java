package io.slamon.reports;

import io.slamon.store.Sha256;
import io.slamon.core.config.Provider;
import io.slamon.core.config.Tenant;
import io.slamon.reports.render.ReportRenderer;
import io.slamon.slo.period.PeriodJob;
import io.slamon.slo.period.PeriodJob.TenantSetup;
import io.slamon.slo.period.PeriodJson;
import io.slamon.slo.period.PeriodResult;
import io.slamon.store.PeriodResultStore.StoredPeriod;
import io.slamon.store.ReportArchive;
import io.slamon.store.ReportArchive.Archived;
import io.slamon.store.ReportArchive.Summary;
import java.time.Instant;
import java.time.InstantSource;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Issues monthly reports: reads the stored period result (asking the engine's period job to
 * compute it when the month has none), builds the JSON twin, renders the PDF and archives both.
 * Issuing the same month again from unchanged data returns the archived report instead of a new
 * version; changed data gives a new version that supersedes the previous one.
 */
public final class ReportService {
  /** Languages reports are issued in. */
  public static final List<String> LANGUAGES = List.of("de", "en");

  private final Provider provider;
  private final PeriodJob periods;
  private final ReportArchive archive;
  private final ReportRenderer renderer;
  private final InstantSource clock;

  public ReportService(Provider provider, PeriodJob periods, ReportArchive archive, ReportRenderer renderer, InstantSource clock) {
    this.provider = provider;
    this.periods = periods;
    this.archive = archive;
    this.renderer = renderer;
    this.clock = clock;
  }

  /** An issued (or re-found) report. {@code reused}: the archive already held it for the same data. */
  public record Issued(Summary summary, String json, byte[] pdf, boolean reused) {}

  /**
   * Issues the report of {@code month} for the tenant in {@code lang} ({@code de} or {@code en}).
   *
   * @param reason recorded with a correction (a version after the first); may be null
   */
  public Issued issue(TenantSetup setup, YearMonth month, String lang, String reason) {
    Objects.requireNonNull(setup, "setup");
    Locale locale = locale(lang);
    Tenant tenant = setup.tenant();
    StoredPeriod stored = periods.ensure(setup, month);
    PeriodResult period = PeriodJson.read(stored.result());
    if (!period.tenant().equals(tenant.id())) {
      throw new IllegalStateException("stored period result of " + tenant.id() + " " + month + " names tenant " + period.tenant());
    }
    String json = ReportTwin.json(provider, tenant, period, stored.resultSha256());
    String jsonSha = Sha256.hex(json);
    Optional<Summary> latest = archive.latest(tenant.id(), month.toString(), lang);
    if (latest.isPresent() && latest.get().jsonSha256().equals(jsonSha)) {
      Archived a = archive.fetch(tenant.id(), latest.get().reportId()).orElseThrow();
      return new Issued(a.summary(), a.json(), a.pdf(), true);
    }
    int version = archive.nextVersion(tenant.id(), month.toString(), lang);
    String reportId = ReportArchive.reportId(tenant.id(), month.toString(), lang, version);
    Instant now = clock.instant();
    byte[] pdf = render(tenant, period, locale, reportId, version, now, jsonSha);
    String why = version == 1 ? null : (reason != null ? reason : "data changed since " + latest.map(Summary::reportId).orElse("?"));
    Summary s = archive.issue(new ReportArchive.NewReport(tenant.id(), month.toString(), lang, version, why, now, period.snapshot().marker(),
        json, pdf));
    return new Issued(s, json, pdf, false);
  }

  /** A tenant's archived reports, newest first (for the API). */
  public List<Summary> list(String tenantId) {
    return archive.list(tenantId);
  }

  /** One archived report of a tenant; empty when it does not exist or belongs to another tenant (for the API). */
  public Optional<Archived> fetch(String tenantId, String reportId) {
    return archive.fetch(tenantId, reportId);
  }

  private byte[] render(Tenant tenant, PeriodResult period, Locale locale, String reportId, int version, Instant now, String jsonSha) {
    ZoneId zone = ZoneId.of(period.zone());
    Formats f = new Formats(locale, zone);
    YearMonth month = YearMonth.parse(period.month());
    String periodText = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(month.atDay(1)) + " – "
        + DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(month.atEndOfMonth()) + " (" + zone.getId() + ")";
    String contract = tenant.tier().configName() + " · " + tenant.contract().availabilityClass().name() + " ("
        + f.percent(tenant.contract().availabilityClass().target(), 3) + ")";
    var cover = new ReportRenderer.Cover(provider.legalName(), tenant.displayName(), contract, periodText, f.instant(now.toString()), reportId,
        Integer.toString(version), period.snapshot().marker(), jsonSha, f.text("title") + " " + tenant.displayName() + " " + period.month());
    return renderer.render(cover, new ReportContent(f).sections(period, jsonSha), locale, f.messages());
  }

  static Locale locale(String lang) {
    return switch (Objects.requireNonNull(lang, "lang")) {
      case "de" -> Locale.GERMANY;
      case "en" -> Locale.UK;
      default -> throw new IllegalArgumentException("unknown report language '" + lang + "'; expecting de or en");
    };
  }
}
