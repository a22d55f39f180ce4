package io.slamon.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slamon.store.Sample;
import io.slamon.store.SampleWriter;
import io.slamon.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WritePipelineTest {

  /** Fails the first {@code failures} calls with StoreException, then records. */
  static final class FlakyWriter implements SampleWriter {
    final List<Sample> written = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger calls = new AtomicInteger();
    final int failures;

    FlakyWriter(int failures) {
      this.failures = failures;
    }

    @Override
    public void write(List<Sample> samples) {
      if (calls.incrementAndGet() <= failures) {
        throw new StoreException("database down (injected)");
      }
      written.addAll(samples);
    }
  }

  static List<Sample> samples(int from, int count) {
    return IntStream.range(from, from + count).mapToObj(i -> new Sample(null, "m", Map.of(), i, i)).toList();
  }

  static WritePipeline pipeline(SampleWriter writer, int maxQueued, int maxBatch) {
    return new WritePipeline(writer, maxQueued, maxBatch, Duration.ofMillis(1), Duration.ofMillis(5),
        Duration.ofMillis(200));
  }

  @Test
  void failedWritesAreRetriedUntilTheyLandWithNothingLostAndOrderKept() throws Exception {
    FlakyWriter writer = new FlakyWriter(5);
    try (WritePipeline p = pipeline(writer, 1_000, 7)) {
      List<CompletableFuture<Void>> futures = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        futures.add(p.offer(samples(i * 10, 10)));
      }
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
      assertThat(writer.written).extracting(Sample::timestampMillis)
          .containsExactlyElementsOf(IntStream.range(0, 100).mapToObj(i -> (long) i).toList());
      assertThat(p.writtenCount()).isEqualTo(100);
      assertThat(p.writeFailureCount()).isEqualTo(5);
      assertThat(p.queueDepth()).isZero();
      assertThat(p.isBackingOff()).isFalse();
    }
  }

  @Test
  void aFullQueueRefusesNewSamplesWithACountedReason() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    SampleWriter blocked = samples -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    try (WritePipeline p = pipeline(blocked, 10, 10)) {
      CompletableFuture<Void> first = p.offer(samples(0, 6));
      CompletableFuture<Void> refused = p.offer(samples(6, 5));
      assertThat(p.queueDepth()).isEqualTo(6);
      assertThatThrownBy(() -> refused.get(1, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
          .cause().isInstanceOf(WritePipeline.RefusedException.class).hasMessageContaining("queue_full");
      assertThat(p.refusedCount(RefusalReason.QUEUE_FULL)).isEqualTo(5);
      CompletableFuture<Void> fits = p.offer(samples(6, 4));
      release.countDown();
      CompletableFuture.allOf(first, fits).get(5, TimeUnit.SECONDS);
      assertThat(p.writtenCount()).isEqualTo(10);
    }
  }

  @Test
  void anOfferLargerThanTheWholeQueueIsRefusedAsTooLarge() {
    try (WritePipeline p = pipeline(new FlakyWriter(0), 10, 10)) {
      CompletableFuture<Void> f = p.offer(samples(0, 11));
      assertThat(f).isCompletedExceptionally();
      assertThat(p.refusedCount(RefusalReason.BATCH_TOO_LARGE)).isEqualTo(11);
    }
  }

  @Test
  void anOfferLargerThanABatchIsWrittenInBatchSizedChunks() throws Exception {
    List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
    try (WritePipeline p = pipeline(s -> sizes.add(s.size()), 100, 4)) {
      p.offer(samples(0, 10)).get(5, TimeUnit.SECONDS);
    }
    assertThat(sizes).containsExactly(4, 4, 2);
  }

  @Test
  void aWriterErrorOtherThanStoreExceptionDropsTheBatchInsteadOfRetryingForever() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    SampleWriter poison = s -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalArgumentException("bad sample");
      }
    };
    try (WritePipeline p = pipeline(poison, 100, 100)) {
      CompletableFuture<Void> bad = p.offer(samples(0, 3));
      assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalArgumentException.class);
      p.offer(samples(3, 2)).get(5, TimeUnit.SECONDS);
      assertThat(p.refusedCount(RefusalReason.REJECTED_BY_STORE)).isEqualTo(3);
      assertThat(p.writtenCount()).isEqualTo(2);
    }
  }

  @Test
  void closingWhileTheDatabaseIsDownGivesUpAfterTheShutdownTimeoutAndCountsTheLoss() {
    WritePipeline p = pipeline(new FlakyWriter(Integer.MAX_VALUE), 100, 5);
    CompletableFuture<Void> a = p.offer(samples(0, 5));
    CompletableFuture<Void> b = p.offer(samples(5, 5));
    long t0 = System.nanoTime();
    p.close();
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
    assertThat(a).isCompletedExceptionally();
    assertThat(b).isCompletedExceptionally();
    assertThat(p.refusedCount(RefusalReason.UNWRITTEN_AT_SHUTDOWN)).isEqualTo(10);
    assertThat(p.offer(samples(10, 1))).isCompletedExceptionally();
    assertThat(p.refusedCount(RefusalReason.CLOSED)).isEqualTo(1);
  }

  @Test
  void aRejectedOfferDoesNotTakeTheOtherOffersOfItsBatchDownWithIt() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<Sample> stored = Collections.synchronizedList(new ArrayList<>());
    SampleWriter writer = batch -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (batch.stream().anyMatch(x -> x.metric().equals("poison"))) {
        throw new IllegalArgumentException("sample has a timestamp outside years 1..9999");
      }
      stored.addAll(batch);
    };
    try (WritePipeline p = pipeline(writer, 100, 100)) {
      CompletableFuture<Void> first = p.offer(samples(0, 1));
      Thread.sleep(50); // let the worker take the first offer alone and block in the writer
      CompletableFuture<Void> poison = p.offer(List.of(new Sample(null, "poison", Map.of(), 1, 1)));
      CompletableFuture<Void> good = p.offer(samples(1, 2));
      release.countDown();
      CompletableFuture.allOf(first, good).get(5, TimeUnit.SECONDS);
      assertThat(poison).isCompletedExceptionally();
      assertThat(stored).extracting(Sample::timestampMillis).containsExactly(0L, 1L, 2L);
      assertThat(p.refusedCount(RefusalReason.REJECTED_BY_STORE)).isEqualTo(1);
      assertThat(p.writtenCount()).isEqualTo(3);
    }
  }

  // ---- with a disk spool ----

  static Path spoolDir() {
    return Path.of("target", "spool-test", UUID.randomUUID().toString()).toAbsolutePath();
  }

  static WritePipeline spooled(SampleWriter writer, Path dir, long maxSpoolBytes) throws IOException {
    return new WritePipeline(writer, DiskSpool.open(dir, maxSpoolBytes, 4096), 1_000, 7, Duration.ofMillis(1),
        Duration.ofMillis(5), Duration.ofMillis(500));
  }

  static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition not met within 5 s").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  static long segmentFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".seg")).count();
    }
  }

  static List<Long> range(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> (long) i).toList();
  }

  @Test
  void whileTheDatabaseIsDownBatchesAreSpooledAndLaterReplayedInOrderWithNothingLost() throws Exception {
    FlakyWriter writer = new FlakyWriter(4);
    Path dir = spoolDir();
    try (WritePipeline p = spooled(writer, dir, 1 << 20)) {
      List<CompletableFuture<Void>> futures = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        futures.add(p.offer(samples(i * 10, 10)));
      }
      // Offers complete once durable (on disk or in the database), not only when written.
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
      await(() -> p.writtenCount() == 100);
      assertThat(writer.written).extracting(Sample::timestampMillis).containsExactlyElementsOf(range(0, 100));
      assertThat(p.spooledCount()).isPositive();
      assertThat(p.replayedCount()).isEqualTo(p.spooledCount());
      assertThat(p.writeFailureCount()).isEqualTo(4);
      assertThat(p.spoolBytes()).isZero();
      assertThat(p.isBackingOff()).isFalse();
      assertThat(segmentFiles(dir)).isZero();
      // Back to direct writes: nothing more is spooled.
      long spooledBefore = p.spooledCount();
      p.offer(samples(100, 5)).get(5, TimeUnit.SECONDS);
      assertThat(p.spooledCount()).isEqualTo(spooledBefore);
      assertThat(p.writtenCount()).isEqualTo(105);
    }
  }

  @Test
  void aFullSpoolRefusesNewSamplesWithACountedReason() throws Exception {
    long oneRecord = SpoolRecords.frame(samples(0, 5)).remaining();
    try (WritePipeline p = spooled(new FlakyWriter(Integer.MAX_VALUE), spoolDir(), oneRecord)) {
      p.offer(samples(0, 5)).get(5, TimeUnit.SECONDS);
      CompletableFuture<Void> refused = p.offer(samples(5, 5));
      assertThatThrownBy(() -> refused.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
          .cause().isInstanceOf(WritePipeline.RefusedException.class).hasMessageContaining("spool_full");
      assertThat(p.refusedCount(RefusalReason.SPOOL_FULL)).isEqualTo(5);
      assertThat(p.spooledCount()).isEqualTo(5);
      assertThat(p.spoolBytes()).isEqualTo(oneRecord);
    }
  }

  @Test
  void samplesSpooledBeforeARestartAreReplayedByTheNextPipelineBeforeNewOnes() throws Exception {
    Path dir = spoolDir();
    try (WritePipeline down = spooled(new FlakyWriter(Integer.MAX_VALUE), dir, 1 << 20)) {
      for (int i = 0; i < 3; i++) {
        down.offer(samples(i * 10, 10)).get(5, TimeUnit.SECONDS);
      }
      assertThat(down.spoolRecords()).isPositive();
    }
    FlakyWriter writer = new FlakyWriter(0);
    // Hold the first replay until the new offer is queued, so it certainly arrives while the spool
    // still holds data (otherwise a fast replay would empty the spool first and the test would race).
    CountDownLatch offered = new CountDownLatch(1);
    SampleWriter gated = batch -> {
      try {
        offered.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      writer.write(batch);
    };
    try (WritePipeline up = spooled(gated, dir, 1 << 20)) {
      CompletableFuture<Void> fresh = up.offer(samples(30, 10));
      offered.countDown();
      fresh.get(5, TimeUnit.SECONDS);
      await(() -> up.writtenCount() == 40);
      assertThat(writer.written).extracting(Sample::timestampMillis).containsExactlyElementsOf(range(0, 40));
      assertThat(up.replayedCount()).isEqualTo(40); // the new offer went behind the spooled ones
      assertThat(up.refusedCount(RefusalReason.UNWRITTEN_AT_SHUTDOWN)).isZero();
    }
    assertThat(segmentFiles(dir)).isZero();
  }

  @Test
  void closingWhileTheDatabaseIsDownSpoolsWhatIsQueuedInsteadOfLosingIt() throws Exception {
    Path dir = spoolDir();
    CountDownLatch release = new CountDownLatch(1);
    SampleWriter slowThenDown = batch -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new StoreException("database down (injected)");
    };
    WritePipeline p = new WritePipeline(slowThenDown, DiskSpool.open(dir, 1 << 20, 4096), 1_000, 7,
        Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(100));
    List<CompletableFuture<Void>> futures = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      futures.add(p.offer(samples(i * 5, 5)));
    }
    Thread closer = Thread.ofPlatform().start(p::close);
    Thread.sleep(150); // past the shutdown deadline while the writer still hangs
    release.countDown();
    closer.join(5_000);
    assertThat(futures).allSatisfy(f -> assertThat(f).isCompleted().isNotCompletedExceptionally());
    assertThat(p.refusedCount(RefusalReason.UNWRITTEN_AT_SHUTDOWN)).isZero();
    assertThat(p.spooledCount()).isEqualTo(25);
    List<Sample> replayed = Collections.synchronizedList(new ArrayList<>());
    try (WritePipeline again = spooled(replayed::addAll, dir, 1 << 20)) {
      await(() -> again.writtenCount() == 25);
    }
    assertThat(replayed).extracting(Sample::timestampMillis).containsExactlyElementsOf(range(0, 25));
  }

  @Test
  void aSpoolDirectoryThatCannotBeCreatedFailsWithAMessageNamingIt() throws IOException {
    Path file = spoolDir();
    Files.createDirectories(file.getParent());
    Files.writeString(file, "not a directory");
    CollectorSettings settings = CollectorSettings.defaults().withSpool(file.resolve("spool"));
    assertThatThrownBy(() -> new WritePipeline(new FlakyWriter(0), settings))
        .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining(file.resolve("spool").toString());
  }
}
