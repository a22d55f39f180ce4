package io.slamon.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandLineTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  @Test
  void helpListsEveryCommand() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("serve", "demo", "config", "SLAMON_DB_URL", "Exit codes");
  }

  @Test
  void incidentHelpListsEveryStateChangeWithItsDescription() {
    assertThat(run("incident", "--help")).isZero();
    assertThat(out.toString()).contains("list", "show", "classify", "ack", "mitigate", "resolve", "close", "cancel", "reopen",
        "Acknowledge: someone is on it.");
    assertThat(run("incident", "resolve", "--help")).isZero();
    assertThat(out.toString()).contains("Resolved: service restored.", "--reason", "--as", "--db-url");
  }

  @Test
  void theExampleConfigurationPassesConfigCheck() {
    assertThat(run("config", "check", "../examples/config")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("OK", "4 tenants");
  }

  @Test
  void aBrokenConfigurationIsReportedWithFileLineAndFieldAndExitCode2(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("slamon.yaml"), "provider:\n  name: Test GmbH\n");
    Files.createDirectories(dir.resolve("tenants"));
    Files.writeString(dir.resolve("tenants/acme.yaml"), """
        apiVersion: slamon.io/v1
        kind: Tenant
        id: acme
        displayName: ACME
        tier: gold
        """);
    assertThat(run("config", "check", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("tenants/acme.yaml:5: tier:");
  }

  @Test
  void aMissingDirectoryIsAnErrorNotAStackTrace(@TempDir Path dir) {
    assertThat(run("config", "check", dir.resolve("nope").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("not a directory").doesNotContain("Exception");
  }
}
