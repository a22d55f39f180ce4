package io.slamon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.slo.period.PeriodJson;
import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The README's demo, end to end and in-process: embedded PostgreSQL, simulator, collector, SLO
 * evaluation, an injected latency spike and the incident it opens.
 */
class DemoIT {

  @Test
  void theDemoRunsFromScrapeToIncident() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    Path data = Path.of("target", "demo-it-" + ProcessHandle.current().pid());

    int code = cmd.execute("demo", "--once", "--config", "../examples/config", "--data-dir", data.toString());

    String output = out.toString();
    assertThat(code).as("exit code; output:%n%s%nerrors:%n%s", output, err).isZero();
    assertThat(output)
        .contains("embedded PostgreSQL started")
        .contains("storage backend: PostgreSQL")
        .contains("simulator: 4 GPU nodes")
        .contains("first SLO evaluation")
        .contains("injected fault")
        .containsPattern("INCIDENT INC-\\d{4}-\\d{6} P2 opened: SLO hanse-bank-chat-ttft breached \\(hanse-bank\\)")
        .contains("chain intact")
        .contains("/metrics")
        .containsPattern("monthly report \\(month so far, German\\) — open it: \\S+RPT-hanse-bank-\\d{4}-\\d{2}-de-v1\\.pdf")
        .containsPattern("tenant portal +http://127\\.0\\.0\\.1:\\d+/login")
        .contains("demo tenant token       demo-acme-logistik-token  (tenant acme-logistik; demo only)")
        .contains("demo on-call token      demo-oncall-token-rheinwerk");
    try (var reports = java.nio.file.Files.list(data.resolve("reports"))) {
      assertThat(reports.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".pdf")).anyMatch(n -> n.endsWith(".json"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    theDemoReportShowsTheScrapedDataOfTheFaultTenantOnly(output, data);
  }

  /**
   * The demo's report comes from data the collector scraped from the simulator and the engine
   * evaluated: it names the fault tenant and its incident, no other tenant, and its JSON twin
   * carries the stored period result unchanged.
   */
  private static void theDemoReportShowsTheScrapedDataOfTheFaultTenantOnly(String output, Path data) throws Exception {
    Matcher pdfPath = Pattern.compile("open it: (\\S+\\.pdf)").matcher(output);
    assertThat(pdfPath.find()).isTrue();
    Path pdf = Path.of(pdfPath.group(1));
    Matcher incident = Pattern.compile("INCIDENT (INC-\\d{4}-\\d{6}) P2 opened").matcher(output);
    assertThat(incident.find()).isTrue();
    String text;
    try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
      text = new PDFTextStripper().getText(doc);
    }
    assertThat(text).contains("Hanse Bank AG", "Rheinwerk GPU Cloud GmbH", incident.group(1), "hanse-bank-chat-ttft", "Störungen");
    assertThat(text).doesNotContain("ACME", "acme-logistik", "Stadtwerke", "stadtwerke-nord", "Praxis", "praxis-digital");

    String json = Files.readString(Path.of(pdf.toString().replace(".pdf", ".json")));
    try (Database db = Database.open(new DatabaseSettings(null, null, null, data), m -> {})) {
      String month = PeriodJson.mapper().readTree(json).get("month").asText();
      var stored = db.periodResultStore().find("hanse-bank", month).orElseThrow();
      assertThat(PeriodJson.mapper().writeValueAsString(PeriodJson.mapper().readTree(json).get("periodResult"))).isEqualTo(stored.result());
      var period = PeriodJson.read(stored.result());
      assertThat(period.completeness().scrapes()).as("scrapes of hanse-bank's targets").isPositive();
      assertThat(period.slos()).extracting(s -> s.name()).contains("hanse-bank-chat-ttft");
      assertThat(period.slos().stream().mapToDouble(s -> s.total()).sum()).as("requests counted from scraped samples").isPositive();
      // the report formats with NumberFormat (half-even, like every JDK NumberFormat), not String.format (half-up):
      // 0.615385 is "61,538 %" there, and the stored ratio has 6 decimals, so a ratio ending in 5 is common
      java.text.NumberFormat percent = java.text.NumberFormat.getNumberInstance(Locale.GERMANY);
      percent.setMinimumFractionDigits(3);
      percent.setMaximumFractionDigits(3);
      assertThat(text).contains(percent.format(
          period.slos().stream().filter(s -> s.name().equals("hanse-bank-chat-ttft")).findFirst().orElseThrow().attainment() * 100) + " %");
    }
  }
}
