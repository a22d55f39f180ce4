package io.slamon.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The measurement loop against a scripted peer (the real peers are the benchmark itself): this
 * JVM stands in for the peer's process, the peer stores 5 000 samples per second, and each probe
 * point becomes visible 300 ms after its timestamp.
 */
class MeasurementTest {
  static final Peer.Setup SETUP = new Peer.Setup(List.of("127.0.0.1:1", "127.0.0.1:2"), Duration.ofSeconds(1), 10);
  final ByteArrayOutputStream log = new ByteArrayOutputStream();
  final Measurement measurement = new Measurement(SETUP, Duration.ofMillis(200), Duration.ofMillis(2500), 5_000,
      new PrintStream(log, true));

  static class ScriptedPeer implements Peer {
    final long started = System.nanoTime();

    @Override
    public String name() {
      return "slamon";
    }

    @Override
    public Optional<String> unavailable() {
      return Optional.empty();
    }

    @Override
    public Running start(Setup setup, Path work) {
      return new Running() {
        @Override
        public List<ProcessGroup> processes() {
          return List.of(new ProcessGroup("collector", ProcessHandle.current().pid(), false));
        }

        @Override
        public double samplesIngested() {
          return 5_000 * (System.nanoTime() - started) / 1e9;
        }

        @Override
        public Optional<Backlog> backlog() {
          return Optional.of(new Backlog(10, 0, 0));
        }

        @Override
        public boolean probes() {
          return true;
        }

        @Override
        public Map<String, List<Long>> visibleSince(long afterMillis) {
          long visible = System.currentTimeMillis() - 300;
          // both targets, and one the benchmark did not start (ignored)
          return visible > afterMillis
              ? Map.of("127.0.0.1:1", List.of(visible), "127.0.0.1:2", List.of(visible - 1), "127.0.0.1:9", List.of(visible))
              : Map.of();
        }

        @Override
        public void close() {}
      };
    }
  }

  @Test
  void rateCpuMemoryBacklogAndLatencyComeFromTheWindowOnly(@TempDir Path work) {
    PeerResult r = measurement.run(new ScriptedPeer(), work);
    assertThat(r.ran()).isTrue();
    assertThat(r.windowSeconds()).isBetween(2.4, 4.0);
    assertThat(r.samplesPerSecond()).isBetween(4_500.0, 5_500.0);
    assertThat(r.cpuSeconds()).containsKey("collector");
    assertThat(r.memoryBytes().get("collector")).isGreaterThan(10L << 20);
    assertThat(r.queue().start()).isEqualTo(10);
    assertThat(r.queue().end()).isEqualTo(10);
    assertThat(r.queue().slopePerSecond()).isCloseTo(0.0, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(r.latenciesMillis()).hasSizeGreaterThan(4).allSatisfy(ms -> assertThat(ms).isBetween(300L, 1_000L));
    assertThat(r.loadAtStart()).matches("[0-9.]+ [0-9.]+ [0-9.]+");
  }

  @Test
  void aPeerThatCannotRunOrFailsToStartIsSkippedWithTheReason(@TempDir Path work) {
    Peer missing = PrometheusPeer.prometheus("/nonexistent/prometheus");
    assertThat(measurement.run(missing, work).skipped()).isEqualTo("/nonexistent/prometheus not found (Debian package prometheus)");
    Peer failing = new ScriptedPeer() {
      @Override
      public Running start(Setup setup, Path w) {
        throw new IllegalStateException("port taken");
      }
    };
    assertThat(measurement.run(failing, work).skipped()).isEqualTo("failed: port taken");
    assertThat(log.toString()).contains("slamon: FAILED, java.lang.IllegalStateException: port taken");
  }
}
