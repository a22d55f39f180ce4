package io.slamon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.Sample;
import io.slamon.store.SharedEmbeddedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code slamon report} against a real database with the example configuration. */
class ReportCommandIT {
  private DatabaseSettings settings;
  private Database db;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  @TempDir Path dir;

  @BeforeEach
  void openDatabase() {
    settings = SharedEmbeddedPostgres.freshDatabase();
    db = Database.open(settings, msg -> {});
    List<Sample> samples = new ArrayList<>();
    long t0 = Instant.parse("2026-10-05T10:00:00Z").toEpochMilli();
    for (int i = 0; i < 12; i++) {
      samples.add(new Sample("acme-logistik", "http_requests_total", Map.of("status", "2xx"), t0 + i * 300_000L, 100.0 * i));
      samples.add(new Sample("acme-logistik", "up", Map.of("job", "vllm", "instance", "a:1"), t0 + i * 300_000L, 1));
    }
    db.sampleStore().write(samples);
  }

  @AfterEach
  void closeDatabase() {
    db.close();
    SharedEmbeddedPostgres.drop(settings);
  }

  private int report(String... args) {
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of("report", "--config", Path.of("..", "examples", "config").toString(), "--db-url", settings.url(),
        "--db-user", settings.user(), "--out", dir.toString()));
    all.addAll(List.of(args));
    return cmd.execute(all.toArray(String[]::new));
  }

  @Test
  void writesThePdfAndJsonTwinAndASecondRunFindsTheArchivedReport() throws Exception {
    assertThat(report("--tenant", "acme-logistik", "--month", "2026-10", "--lang", "en")).isZero();
    assertThat(out.toString()).contains("issued RPT-acme-logistik-2026-10-en-v1 (version 1)");
    Path pdf = dir.resolve("RPT-acme-logistik-2026-10-en-v1.pdf");
    assertThat(Files.readAllBytes(pdf)).startsWith("%PDF".getBytes());
    assertThat(Files.readString(dir.resolve("RPT-acme-logistik-2026-10-en-v1.json"))).contains("\"month\":\"2026-10\"", "ACME Logistik GmbH");

    assertThat(report("--tenant", "acme-logistik", "--month", "2026-10", "--lang", "en")).isZero();
    assertThat(out.toString()).contains("unchanged data, archived RPT-acme-logistik-2026-10-en-v1");
    assertThat(db.reportArchive().list("acme-logistik")).hasSize(1);
  }

  @Test
  void aMalformedMonthIsRefusedWithTheExpectedForm() {
    assertThat(report("--tenant", "acme-logistik", "--month", "10/2026")).isEqualTo(2);
    assertThat(err.toString()).contains("--month '10/2026' is not a month; expecting YYYY-MM");
  }

  @Test
  void anUnknownTenantIsRefusedNamingTheKnownOnes() {
    assertThat(report("--tenant", "initech", "--month", "2026-10")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown tenant 'initech'", "acme-logistik");
    assertThat(db.reportArchive().list("initech")).isEmpty();
  }

  @Test
  void anUnsupportedLanguageIsRefused() {
    assertThat(report("--tenant", "acme-logistik", "--month", "2026-10", "--lang", "fr")).isEqualTo(2);
    assertThat(err.toString()).contains("expecting one of [de, en]");
  }
}
