package io.slamon.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.slamon.core.config.ConfigLoader;
import io.slamon.core.config.ConfigResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {
  static final Peer.Setup SETUP = new Peer.Setup(List.of("127.0.0.1:20001", "127.0.0.1:20002"), Duration.ofSeconds(1), 100);

  @Test
  void theGeneratedSlamonConfigurationLoadsWithOneJobScrapingEveryTargetAtTheInterval(@TempDir Path dir) throws Exception {
    SlamonPeer.writeConfig(dir.resolve("config"), dir.resolve("data"), 18080, SETUP);
    ConfigResult result = ConfigLoader.load(dir.resolve("config"));
    assertThat(result.problems()).isEmpty();
    var job = result.config().scrapeConfigs().get(0);
    assertThat(job.jobName()).isEqualTo("bench");
    assertThat(job.scrapeInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(job.staticConfigs().get(0).targets()).containsExactly("127.0.0.1:20001", "127.0.0.1:20002");
    assertThat(result.config().tenants()).isEmpty();
  }

  @Test
  void theGeneratedPrometheusConfigurationPassesPromtool(@TempDir Path dir) throws Exception {
    assumeTrue(Launcher.executable("promtool").isPresent(), "promtool (Debian package prometheus) is not installed");
    Path file = dir.resolve("prometheus.yml");
    Files.writeString(file, Launcher.prometheusConfig(SETUP));
    Process p = new ProcessBuilder("promtool", "check", "config", file.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(out).isZero();
  }
}
