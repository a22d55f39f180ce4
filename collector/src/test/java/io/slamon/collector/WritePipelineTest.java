package io.slamon.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slamon.store.Sample;
import io.slamon.store.SampleWriter;
import io.slamon.store.StoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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
}
