package io.slamon.reports;

import io.slamon.store.Sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.slamon.slo.period.PeriodJson;
import io.slamon.slo.period.PeriodResult;
import io.slamon.store.PeriodResultStore.StoredPeriod;
import io.slamon.store.ReportArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * October 2026 (Berlin, 745 hours: the DST change) for two tenants of the example provider,
 * written through the store's write paths; reports are rendered for real and read back with
 * PDFBox.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthlyReportIT {
  static final YearMonth OCTOBER = YearMonth.of(2026, 10);
  static final Instant START = Instant.parse("2026-09-30T22:00:00Z");
  static final Instant END = Instant.parse("2026-10-31T23:00:00Z");
  static final Instant OUTAGE = Instant.parse("2026-10-12T10:00:00Z");

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T10:00:00Z"));
  ReportFixture fx;

  @BeforeAll
  void writeTheMonth() {
    fx = new ReportFixture(clock);
    MonthData.samples(fx.db, "acme-logistik", "acme-routing-assistant", START, END, OUTAGE, Duration.ofMinutes(30));
    MonthData.samples(fx.db, "hanse-bank", "hanse-advisor", START, END, null, null);
    for (Instant t = START.minus(Duration.ofHours(1)); t.isBefore(END); t = t.plus(Duration.ofMinutes(30))) {
      if (t.isBefore(Instant.parse("2026-10-20T00:00:00Z")) || t.isAfter(Instant.parse("2026-10-20T03:00:00Z"))) {
        MonthData.event(fx.db, "b-" + t, "acme-logistik", "backup.completed", t, Map.of("asset", "object-storage"));
      }
    }
    MonthData.event(fx.db, "r-1", "acme-logistik", "restore_test.completed", Instant.parse("2026-10-15T03:00:00Z"),
        Map.of("asset", "object-storage", "durationSeconds", 5400, "success", true));
    MonthData.event(fx.db, "c-1", null, "cve.published", Instant.parse("2026-10-05T08:00:00Z"),
        Map.of("cve", "CVE-2026-1234", "cvss", 9.8, "component", "nvidia-container-toolkit"));
    MonthData.event(fx.db, "p-1", null, "patch.applied", Instant.parse("2026-10-08T08:00:00Z"),
        Map.of("component", "nvidia-container-toolkit", "cve", "CVE-2026-1234"));
    MonthData.event(fx.db, "m-1", "acme-logistik", "maintenance.announced", Instant.parse("2026-10-01T08:00:00Z"),
        Map.of("maintenanceId", "mw-13", "plannedStart", "2026-10-13T02:00:00+02:00", "plannedEnd", "2026-10-13T03:00:00+02:00"));
    MonthData.event(fx.db, "m-2", "acme-logistik", "maintenance.started", Instant.parse("2026-10-13T00:05:00Z"), Map.of("maintenanceId", "mw-13"));
    MonthData.event(fx.db, "m-3", "acme-logistik", "maintenance.ended", Instant.parse("2026-10-13T00:50:00Z"), Map.of("maintenanceId", "mw-13"));
    MonthData.incident(fx.db, "INC-2026-000001", "acme-logistik", "P1", "Chat-Endpunkt antwortet mit Fehlern", OUTAGE.plus(Duration.ofMinutes(2)),
        Duration.ofMinutes(12), Duration.ofMinutes(31));
    MonthData.incident(fx.db, "INC-2026-000002", "hanse-bank", "P2", "Hanse confidential outage", Instant.parse("2026-10-20T10:00:00Z"),
        Duration.ofMinutes(5), Duration.ofMinutes(50));
  }

  @AfterAll
  void close() {
    fx.close();
  }

  @Test
  void theGermanPdfNamesTheTenantAndItsNumbersWithUmlautsAndNothingOfAnotherTenant() throws IOException {
    var issued = fx.reports.issue(fx.setup("acme-logistik"), OCTOBER, "de", null);
    PeriodResult period = PeriodJson.read(fx.db.periodResultStore().find("acme-logistik", "2026-10").orElseThrow().result());
    String text = text(issued.pdf());
    // kept for a look by eye (target/ is the module's own scratch space)
    Files.createDirectories(Path.of("target", "report-samples"));
    Files.write(Path.of("target", "report-samples", "acme-logistik-2026-10-de.pdf"), issued.pdf());

    assertThat(text).contains("ACME Logistik GmbH", issued.summary().reportId(), issued.summary().jsonSha256());
    assertThat(text).contains("Zusammenfassung für die Geschäftsführung", "Störungen", "Wiederherstellungsziele", "Datenstand");
    assertThat(period.availability().downtimeMinutes()).isEqualTo(30.0);
    assertThat(text).contains(germanPercent(period.availability().attainment()));
    assertThat(text).contains(germanPercent(period.slos().get(0).attainment()));
    assertThat(text).contains("INC-2026-000001", "CVE-2026-1234", "mw-13", "acme-routing-assistant");
    assertThat(text).doesNotContain("Hanse", "hanse", "INC-2026-000002", "hanse-advisor");
  }

  @Test
  void thePdfDeclaresPdfA2bAndEmbedsEveryFont() throws IOException {
    var issued = fx.reports.issue(fx.setup("acme-logistik"), OCTOBER, "de", null);
    try (PDDocument doc = Loader.loadPDF(issued.pdf())) {
      String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(xmp).containsPattern("pdfaid:part(>|=\")2").containsPattern("pdfaid:conformance(>|=\")B");
      assertThat(doc.getDocumentCatalog().getOutputIntents()).isNotEmpty();
      for (var page : doc.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          assertThat(page.getResources().getFont(name).isEmbedded()).as(page.getResources().getFont(name).getName()).isTrue();
        }
      }
      assertThat(doc.getDocumentInformation().getKeywords()).contains("sha256:" + issued.summary().jsonSha256(), "samples=");
    }
  }

  @Test
  void theEnglishPdfUsesEnglishLabelsAndNumberFormat() throws IOException {
    var issued = fx.reports.issue(fx.setup("hanse-bank"), OCTOBER, "en", null);
    String text = text(issued.pdf());
    assertThat(text).contains("Hanse Bank AG", "Executive summary", "Incidents", "INC-2026-000002");
    assertThat(text).doesNotContain("ACME", "acme", "INC-2026-000001", "Chat-Endpunkt");
    PeriodResult period = PeriodJson.read(fx.db.periodResultStore().find("hanse-bank", "2026-10").orElseThrow().result());
    assertThat(text).contains(String.format(Locale.UK, "%.3f %%", period.slos().get(1).attainment() * 100));
  }

  @Test
  void theJsonTwinCarriesTheStoredPeriodResultUnchanged() throws IOException {
    var issued = fx.reports.issue(fx.setup("acme-logistik"), OCTOBER, "en", null);
    StoredPeriod stored = fx.db.periodResultStore().find("acme-logistik", "2026-10").orElseThrow();
    JsonNode twin = PeriodJson.mapper().readTree(issued.json());

    assertThat(PeriodJson.mapper().writeValueAsString(twin.get("periodResult"))).isEqualTo(stored.result());
    assertThat(twin.get("periodResultSha256").asText()).isEqualTo(stored.resultSha256()).isEqualTo(Sha256.hex(stored.result()));
    assertThat(twin.at("/periodResult/availability/downtimeMinutes").asDouble()).isEqualTo(30.0);
    assertThat(twin.at("/periodResult/start").asText()).isEqualTo(START.toString());
    assertThat(twin.at("/periodResult/slos/0/daily").size()).isEqualTo(31);
    assertThat(twin.at("/tenant/id").asText()).isEqualTo("acme-logistik");
    assertThat(issued.json()).doesNotContain("hanse");
  }

  @Test
  void generatingTheSameMonthTwiceFromTheSameDataGivesTheSameJsonHash() {
    var first = fx.reports.issue(fx.setup("hanse-bank"), OCTOBER, "de", null);
    String firstJson = first.json();
    StoredPeriod before = fx.db.periodResultStore().find("hanse-bank", "2026-10").orElseThrow();
    // recompute from the same data: the same bytes, hence the same hash
    StoredPeriod again = fx.periods.compute(fx.setup("hanse-bank"), OCTOBER);
    assertThat(again.result()).isEqualTo(before.result());
    var second = fx.reports.issue(fx.setup("hanse-bank"), OCTOBER, "de", null);

    assertThat(second.json()).isEqualTo(firstJson);
    assertThat(second.summary().jsonSha256()).isEqualTo(first.summary().jsonSha256());
    assertThat(second.reused()).isTrue();
    assertThat(second.summary().version()).isEqualTo(first.summary().version());
  }

  @Test
  void aCorrectionAfterLateDataIsANewVersionReferencingTheOld() {
    var v1 = fx.reports.issue(fx.setup("praxis-digital"), OCTOBER, "de", null);
    MonthData.event(fx.db, "late-backup", "praxis-digital", "backup.completed", Instant.parse("2026-10-30T12:00:00Z"),
        Map.of("asset", "object-storage"));
    fx.periods.refresh(fx.setup("praxis-digital"), OCTOBER);
    var v2 = fx.reports.issue(fx.setup("praxis-digital"), OCTOBER, "de", "late backup evidence");

    assertThat(v2.reused()).isFalse();
    assertThat(v2.summary().version()).isEqualTo(v1.summary().version() + 1);
    assertThat(v2.summary().supersedes()).isEqualTo(v1.summary().reportId());
    assertThat(v2.summary().reason()).isEqualTo("late backup evidence");
    assertThat(v2.summary().jsonSha256()).isNotEqualTo(v1.summary().jsonSha256());
    assertThat(fx.reports.list("praxis-digital")).filteredOn(r -> r.lang().equals("de") && r.month().equals("2026-10"))
        .extracting(ReportArchive.Summary::reportId).containsExactly(v2.summary().reportId(), v1.summary().reportId());
  }

  @Test
  void aTenantCanFetchOnlyItsOwnReports() {
    var acme = fx.reports.issue(fx.setup("acme-logistik"), OCTOBER, "de", null);
    assertThat(fx.reports.fetch("acme-logistik", acme.summary().reportId())).isPresent();
    assertThat(fx.reports.fetch("hanse-bank", acme.summary().reportId())).isEmpty();
    assertThat(fx.reports.list("hanse-bank")).noneMatch(s -> s.tenant().equals("acme-logistik"));
  }

  @Test
  void anUnknownLanguageIsRefusedWithoutArchivingAnything() {
    int before = fx.reports.list("stadtwerke-nord").size();
    assertThatThrownBy(() -> fx.reports.issue(fx.setup("stadtwerke-nord"), OCTOBER, "fr", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expecting de or en");
    assertThat(fx.reports.list("stadtwerke-nord")).hasSize(before);
  }

  @Test
  void theArchiveRefusesChangesAndItsVerificationFindsTampering() throws SQLException {
    var issued = fx.reports.issue(fx.setup("stadtwerke-nord"), OCTOBER, "en", null);
    assertThat(fx.db.reportArchive().verify().intact()).isTrue();
    try (Connection c = fx.db.dataSource().getConnection(); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeUpdate("UPDATE report_archive SET json = '{}' WHERE report_id = '" + issued.summary().reportId() + "'"))
          .hasMessageContaining("append-only");
      // what only a superuser can do: switch the trigger off and change the twin
      s.execute("ALTER TABLE report_archive DISABLE TRIGGER report_archive_append_only");
      s.executeUpdate("UPDATE report_archive SET json = replace(json, '\"month\":\"2026-10\"', '\"month\":\"2026-09\"') WHERE report_id = '"
          + issued.summary().reportId() + "'");
      s.execute("ALTER TABLE report_archive ENABLE TRIGGER report_archive_append_only");
    }
    var result = fx.db.reportArchive().verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.firstBadReport()).isEqualTo(issued.summary().reportId());
    assertThat(result.problem()).contains("JSON twin changed");
  }

  @Test
  void theMonthlyScheduleIssuesTheClosedMonthOnlyFromTheConfiguredLocalDayAndHour() {
    var when = new MonthlyReportSchedule.When(1, 6, java.util.List.of("en"));
    // 05:59 in Berlin on 1 November: not yet
    var early = new MonthlyReportSchedule(() -> fx.config.tenants().stream().map(fx::setup).toList(), fx.reports, when,
        InstantSource.fixed(Instant.parse("2026-11-01T04:59:00Z")));
    assertThat(early.issueDue()).isEmpty();
    assertThat(fx.db.reportArchive().latest("praxis-digital", "2026-09", "en")).isEmpty();

    var due = new MonthlyReportSchedule(() -> fx.config.tenants().stream().map(fx::setup).toList(), fx.reports, when,
        InstantSource.fixed(Instant.parse("2026-11-01T05:00:00Z")));
    due.run();
    for (var t : fx.config.tenants()) {
      assertThat(fx.db.reportArchive().latest(t.id(), "2026-10", "en")).as(t.id()).isPresent();
    }
    assertThat(due.issueDue()).as("a second round issues nothing new for unchanged data").isEmpty();
  }

  @Test
  void aReportDayThatNotEveryMonthHasIsRefused() {
    assertThatThrownBy(() -> new MonthlyReportSchedule.When(31, 6, java.util.List.of("de")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 28");
  }

  static String text(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  static String germanPercent(double ratio) {
    return String.format(Locale.GERMANY, "%.3f %%", ratio * 100);
  }

  /** A settable clock. */
  static final class MutableClock implements InstantSource {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
