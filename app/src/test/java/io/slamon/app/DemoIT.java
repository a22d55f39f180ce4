package io.slamon.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
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
  void theDemoRunsFromScrapeToIncident() {
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
  }
}
