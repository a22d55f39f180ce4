package io.slamon.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slamon rules} on the example configuration, checked by the real promtool and amtool. */
class RulesCommandIT {
  /** One run of the command line: exit code and what it printed. */
  private record Run(int exit, String out, String err) {
    static Run of(String... args) {
      var out = new StringWriter();
      var err = new StringWriter();
      int exit = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
      return new Run(exit, out.toString(), err.toString());
    }
  }

  private static String check(Path dir, String... command) throws IOException, InterruptedException {
    Assumptions.assumeTrue(Files.isExecutable(Path.of(command[0])), "SKIPPED: " + command[0] + " missing (.ci/run installs it)");
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(String.join(" ", command) + ":\n" + output).isZero();
    return output;
  }

  @Test
  void promtoolAndAmtoolAcceptWhatRulesWritesForTheExampleConfiguration(@TempDir Path dir) throws Exception {
    Run run = Run.of("rules", "--config", "../examples/config", "--out", dir.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).doesNotContain("skipped");

    String rules = Files.readString(dir.resolve("slamon-rules.yml"));
    assertThat(rules).contains("record: slo:sli_error:ratio_rate5m", "record: slo:sli_error:ratio_rate3d",
        "record: slo:period_error_budget_remaining:ratio", "record: slo:objective:ratio", "alert: SloErrorBudgetBurn",
        "alert: SloNoData", "sloth_id: hanse-bank-chat-availability",
        // availability from 5xx, TTFT share-under from the histogram bucket at the threshold
        "http_requests_total{tenant=\"hanse-bank\",handler=\"/v1/chat/completions\",status=~\"5..\"}",
        "vllm:time_to_first_token_seconds_bucket{tenant=\"hanse-bank\",le=~\"0\\\\.5\"}",
        // RAG freshness (30 m) judged per recorded 1 m slice, as the engine does
        "name: slamon-slo-sli-slices-hanse-bank-rag-freshness", "rag_index_freshness_seconds{tenant=\"hanse-bank\"", "<= bool 1800",
        "slo:sli_good_slice:bool{sloth_id=\"hanse-bank-rag-freshness\"}[3599s]");
    assertThat(check(dir, "/usr/bin/promtool", "check", "rules", "slamon-rules.yml")).contains("SUCCESS");
    assertThat(check(dir, "/usr/bin/amtool", "check-config", "alertmanager.yml")).contains("SUCCESS");
    assertThat(Files.readString(dir.resolve("alertmanager.yml"))).contains("- tenant=\"hanse-bank\"", "receiver: hanse-bank-page");
  }

  @Test
  void withoutOutTheRulesGoToStdoutAndTheTemplateOnRequest() {
    Run rules = Run.of("rules", "--config", "../examples/config");
    assertThat(rules.exit()).isZero();
    assertThat(rules.out()).startsWith("groups:");
    Run template = Run.of("rules", "--config", "../examples/config", "--alertmanager");
    assertThat(template.exit()).isZero();
    assertThat(template.out()).contains("route:", "inhibit_rules:");
  }

  @Test
  void aBrokenConfigurationGivesExitCode2AndNoRules(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("slamon.yaml"), "provider:\n  nam: x\n");
    Run run = Run.of("rules", "--config", dir.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("slamon.yaml:2: provider.nam: unknown field");
    assertThat(run.out()).isEmpty();
  }
}
