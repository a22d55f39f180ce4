package io.slamon.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable {@code target/slamon.jar} (what {@code ./slamon} starts), not the test classpath:
 * shading merges resources that libraries look up by name, and a lost one only shows in the jar
 * (JasperReports' per-jar {@code jasperreports_extension.properties}: without them merged the
 * report's charts fail).
 */
class ShadedJarIT {
  private static final Path JAR = Path.of("target", "slamon.jar");

  @Test
  void theRunnableJarRendersAMonthlyReportWithItsCharts(@TempDir Path dir) throws Exception {
    assertThat(JAR).as("built by the package phase before the integration tests").exists();
    String java = ProcessHandle.current().info().command().orElse("java");
    Path out = dir.resolve("out");
    Process p = new ProcessBuilder(List.of(java, "-jar", JAR.toString(), "report", "--config",
        Path.of("..", "examples", "config").toString(), "--data-dir", dir.resolve("data").toString(),
        "--tenant", "hanse-bank", "--month", "2026-10", "--lang", "en", "--out", out.toString()))
        .redirectErrorStream(true).start();
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("finished").isTrue();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(p.exitValue()).as(output).isZero();
    try (var files = Files.list(out)) {
      assertThat(files.map(f -> f.getFileName().toString())).as(output)
          .anyMatch(n -> n.endsWith(".pdf")).anyMatch(n -> n.endsWith(".json"));
    }
  }
}
