package io.slamon.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.Sample;
import io.slamon.store.SampleReader.Series;
import io.slamon.store.SampleWriter;
import io.slamon.store.StoreException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The real outage: the embedded PostgreSQL is stopped mid-ingest, the collector's pipeline is
 * restarted while it is down, the database comes back, and every sample is in the store once.
 */
class DiskSpoolIT {
  static final Instant BASE = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

  static List<Sample> batch(int from, int count) {
    return IntStream.range(from, from + count)
        .mapToObj(i -> new Sample("tenant-acme", "spool_it_metric", Map.of("gpu", Integer.toString(i % 4)),
            BASE.toEpochMilli() + i * 1_000L, i))
        .toList();
  }

  @Test
  void aDatabaseOutageAcrossACollectorRestartLosesNothingAndCountsNothingTwice() throws Exception {
    Path dir = Path.of("target", "it-data", UUID.randomUUID().toString()).toAbsolutePath();
    DatabaseSettings dbSettings = new DatabaseSettings(null, null, null, dir);
    CollectorSettings settings = CollectorSettings.defaults().withQueue(10_000, 100)
        .withRetryBackoff(Duration.ofMillis(5), Duration.ofMillis(50)).withSpool(dir.resolve("spool"));
    AtomicReference<SampleWriter> store = new AtomicReference<>();
    SampleWriter current = samples -> store.get().write(samples);

    Database first = Database.open(dbSettings, message -> {});
    store.set(first.sampleStore());
    try (WritePipeline pipeline = new WritePipeline(current, settings)) {
      pipeline.offer(batch(0, 100)).get(10, TimeUnit.SECONDS); // database up: written directly
      // The commit reaches the database but its acknowledgement does not: the batch is spooled and
      // will be delivered a second time.
      SampleWriter ackLost = samples -> {
        first.sampleStore().write(samples);
        throw new StoreException("connection reset after commit (injected)");
      };
      store.set(ackLost);
      pipeline.offer(batch(100, 50)).get(10, TimeUnit.SECONDS);
      first.close(); // the server process stops: writes now fail for real
      store.set(first.sampleStore());
      pipeline.offer(batch(150, 150)).get(10, TimeUnit.SECONDS);
      pipeline.offer(batch(300, 100)).get(10, TimeUnit.SECONDS);
      assertThat(pipeline.writtenCount()).isEqualTo(100);
      assertThat(pipeline.spooledCount()).isEqualTo(300);
      assertThat(pipeline.spoolBytes()).isPositive();
      assertThat(pipeline.writeFailureCount()).isPositive();
    } // the collector stops while the database is still down

    try (Database second = Database.open(dbSettings, message -> {})) {
      store.set(second.sampleStore());
      try (WritePipeline pipeline = new WritePipeline(current, settings)) {
        pipeline.offer(batch(400, 100)).get(10, TimeUnit.SECONDS);
        WritePipelineTest.await(() -> pipeline.writtenCount() == 400);
        assertThat(pipeline.replayedCount()).isEqualTo(400); // 300 spooled before, 100 queued behind them
        assertThat(pipeline.spoolBytes()).isZero();
        assertThat(pipeline.tornSpoolRecordCount()).isZero();
      }
      List<Series> series = second.sampleStore().query("tenant-acme", "spool_it_metric", Map.of(),
          BASE.minusSeconds(1), BASE.plusSeconds(600));
      assertThat(series).hasSize(4);
      List<Long> values = series.stream().flatMap(s -> s.points().stream()).map(p -> (long) p.value()).sorted()
          .toList();
      assertThat(values).containsExactlyElementsOf(IntStream.range(0, 500).mapToObj(i -> (long) i).toList());
    }
    assertThat(WritePipelineTest.segmentFiles(dir.resolve("spool"))).isZero();
  }
}
