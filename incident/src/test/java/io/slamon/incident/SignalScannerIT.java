package io.slamon.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.Sample;
import io.slamon.store.SharedEmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Target-down, XID and lost-GPU signals from samples stored in a real database. */
class SignalScannerIT {
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  private DatabaseSettings settings;
  private Database db;
  private SignalScanner scanner;

  @BeforeEach
  void openDatabase() {
    settings = SharedEmbeddedPostgres.freshDatabase();
    db = Database.open(settings, msg -> {}, () -> NOW);
    scanner = new SignalScanner(db.sampleStore(), () -> NOW, Duration.ofMinutes(2));
  }

  @AfterEach
  void closeDatabase() {
    db.close();
    SharedEmbeddedPostgres.drop(settings);
  }

  /** One XID sample every 15 s for the GPU from {@code from} to {@code until} (seconds before now). */
  private void gpu(String tenant, String host, int gpu, int from, int until, double xid) {
    List<Sample> samples = new ArrayList<>();
    for (int s = from; s >= until; s -= 15) {
      samples.add(new Sample(tenant, SignalScanner.XID, Map.of("Hostname", host, "gpu", String.valueOf(gpu)),
          NOW.minusSeconds(s).toEpochMilli(), s == until ? xid : 0));
    }
    db.sampleStore().write(samples);
  }

  private List<String> scan(String tenant) {
    return scanner.scan(List.of(tenant)).stream().filter(s -> s.tenant() != null).map(s -> s.kind() + " " + s.subject()).toList();
  }

  @Test
  void aGpuThatStopsReportingWhileItsSiblingsGoOnIsLost() {
    gpu("acme", "node-1", 0, 480, 0, 0);
    gpu("acme", "node-1", 1, 480, 300, 0); // gone for five minutes: older than the 2-minute lookback
    gpu("acme", "node-1", 2, 480, 45, 0); // 45 s behind: a late scrape, not lost

    assertThat(scan("acme")).containsExactly("GPU_LOST node-1/1");
  }

  @Test
  void xid79MeansTheGpuFellOffTheBusOtherXidsAreXidSignals() {
    gpu("acme", "node-1", 0, 120, 0, 79);
    gpu("acme", "node-1", 1, 120, 0, 48);
    gpu("acme", "node-1", 2, 120, 0, 0);

    assertThat(scan("acme")).containsExactlyInAnyOrder("GPU_LOST node-1/0", "GPU_XID node-1/1");
  }

  @Test
  void aWholeHostGoingQuietIsNotAGpuLossAndAnotherTenantsGpusNeverSignalHere() {
    gpu("acme", "node-1", 0, 480, 300, 0);
    gpu("acme", "node-1", 1, 480, 300, 0); // the host stopped: its target-down signal covers it
    gpu("other", "node-9", 0, 480, 0, 0);
    gpu("other", "node-9", 1, 480, 300, 0);

    assertThat(scan("acme")).isEmpty();
    assertThat(scan("other")).containsExactly("GPU_LOST node-9/1");
  }
}
