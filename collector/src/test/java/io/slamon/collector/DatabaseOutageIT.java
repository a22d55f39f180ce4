package io.slamon.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.RollupReader.SeriesTotal;
import io.slamon.store.Sample;
import io.slamon.store.SampleReader.Series;
import io.slamon.store.SampleWriter;
import io.slamon.store.StoreException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Continuous ingest through one running pipeline while the real embedded PostgreSQL is stopped and
 * started again underneath it: every sample arrives once in the raw table, and the 1-minute
 * rollups count each once, although one batch is delivered twice (its acknowledgement is lost).
 */
class DatabaseOutageIT {
  private static final int SERIES = 8;
  private static final int BATCHES = 360; // one synthetic second each: six minutes of data
  private static final Instant BASE = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
  private static final String TENANT = "tenant-outage";
  private static final String METRIC = "outage_requests_total";

  private static List<Sample> batch(int k) {
    List<Sample> samples = new ArrayList<>();
    for (int s = 0; s < SERIES; s++) {
      samples.add(new Sample(TENANT, METRIC, Map.of("series", Integer.toString(s)),
          BASE.plusSeconds(k).toEpochMilli(), (double) k * (s + 1)));
    }
    return samples;
  }

  @Test
  void stoppingTheDatabaseMidIngestLosesNothingAndCountsNothingTwiceInSamplesOrRollups() throws Exception {
    Path dir = Path.of("target", "it-data", UUID.randomUUID().toString()).toAbsolutePath();
    DatabaseSettings dbSettings = new DatabaseSettings(null, null, null, dir);
    CollectorSettings settings = CollectorSettings.defaults().withQueue(100_000, 200)
        .withRetryBackoff(Duration.ofMillis(5), Duration.ofMillis(100)).withSpool(dir.resolve("spool"));
    CollectorMetrics metrics = new CollectorMetrics();
    Database first = Database.open(dbSettings, message -> {});
    AtomicReference<SampleWriter> store = new AtomicReference<>(first.sampleStore());
    Database second = null;
    List<CompletableFuture<Void>> offers = new ArrayList<>();
    try (WritePipeline pipeline = new WritePipeline(samples -> store.get().write(samples), settings)) {
      metrics.bind(pipeline);
      for (int k = 0; k < BATCHES; k++) {
        if (k == 60) { // committed, but the acknowledgement is lost: spooled and delivered again
          store.set(samples -> {
            first.sampleStore().write(samples);
            throw new StoreException("connection reset after commit (injected)");
          });
        } else if (k == 61) {
          store.set(first.sampleStore());
        } else if (k == 120) {
          first.close(); // the PostgreSQL server process stops mid-ingest
        } else if (k == 240) {
          assertThat(pipeline.spoolRecords()).isPositive();
          assertThat(metrics.scrape()).containsPattern("slamon_collector_spool_records_batches [1-9]")
              .containsPattern("slamon_collector_spool_size_bytes [1-9]");
          second = Database.open(dbSettings, message -> {}); // restarted on the same data directory
          store.set(second.sampleStore());
        }
        offers.add(pipeline.offer(batch(k)));
        Thread.sleep(5);
      }
      CompletableFuture.allOf(offers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      WritePipelineTest.await(() -> pipeline.spoolRecords() == 0 && pipeline.queueDepth() == 0);
      assertThat(pipeline.spooledCount()).isPositive();
      assertThat(pipeline.replayedCount()).isPositive();
      assertThat(pipeline.refusedCount(RefusalReason.SPOOL_FULL) + pipeline.refusedCount(RefusalReason.QUEUE_FULL))
          .isZero();
    }
    try (Database db = second) {
      Instant from = BASE.minusSeconds(60);
      Instant to = BASE.plusSeconds(BATCHES + 60);
      List<Series> raw = db.sampleStore().query(TENANT, METRIC, Map.of(), from, to);
      assertThat(raw).hasSize(SERIES).allSatisfy(s -> assertThat(s.points()).hasSize(BATCHES));
      for (Series s : raw) {
        int factor = Integer.parseInt(s.labels().get("series")) + 1;
        assertThat(s.points()).extracting(p -> p.value() / factor)
            .containsExactlyElementsOf(java.util.stream.IntStream.range(0, BATCHES).mapToObj(k -> (double) k).toList());
      }
      List<SeriesTotal> totals = db.rollupReader().totals(TENANT, METRIC, Map.of(), from, to);
      assertThat(totals).hasSize(SERIES).allSatisfy(t -> {
        int factor = Integer.parseInt(t.labels().get("series")) + 1;
        assertThat(t.count()).as("samples in the rollups of series " + t.labels()).isEqualTo(BATCHES);
        assertThat(t.increase()).as("counter increase of series " + t.labels()).isEqualTo((BATCHES - 1.0) * factor);
      });
    }
    assertThat(WritePipelineTest.segmentFiles(dir.resolve("spool"))).isZero();
  }
}
