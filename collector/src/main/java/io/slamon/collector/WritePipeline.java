package io.slamon.collector;

import io.slamon.collector.PipelineQueue.Pending;
import io.slamon.store.Sample;
import io.slamon.store.SampleWriter;
import io.slamon.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounded in-memory queue in front of a {@link SampleWriter}: callers (the event loop) offer
 * samples and never block; one worker thread drains the queue in order into batches and
 * writes them. Once the queue is full, new offers are refused with a counted and logged reason
 * instead of growing the heap.
 *
 * <p>The pieces: {@link PipelineQueue} (the bounded queue and shutdown state), {@link
 * PipelineStats} (counters and how outcomes are reported), and one of two workers: {@link
 * MemoryWriteLoop} retries a batch the writer refuses with {@link StoreException} in memory with
 * capped exponential backoff; with a {@link DiskSpool} (settings {@code spoolDirectory}), {@link
 * SpoolWriteLoop} appends such batches to the spool and replays them in order when the database is
 * back. The store stores a repeated (series, timestamp) sample once and does not count it again in
 * the rollups, so re-delivery is harmless.
 */
public final class WritePipeline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WritePipeline.class);

  private final DiskSpool spool; // null: no spool, retry in memory
  private final Duration shutdownTimeout;
  private final PipelineQueue queue;
  private final PipelineStats stats;
  private final Thread worker;

  /**
   * Opens the disk spool when {@code settings.spoolDirectory()} is set (replaying what an earlier
   * run left there first) and starts the worker.
   *
   * @throws UncheckedIOException when the spool directory cannot be created or read
   */
  public WritePipeline(SampleWriter writer, CollectorSettings settings) {
    this(writer, openSpool(settings), settings.maxQueuedSamples(), settings.maxBatchSamples(),
        settings.retryInitialBackoff(), settings.retryMaxBackoff(), settings.shutdownTimeout());
  }

  WritePipeline(SampleWriter writer, int maxQueued, int maxBatch, Duration initialBackoff, Duration maxBackoff,
      Duration shutdownTimeout) {
    this(writer, null, maxQueued, maxBatch, initialBackoff, maxBackoff, shutdownTimeout);
  }

  WritePipeline(SampleWriter writer, DiskSpool spool, int maxQueued, int maxBatch, Duration initialBackoff,
      Duration maxBackoff, Duration shutdownTimeout) {
    this.spool = spool;
    this.shutdownTimeout = shutdownTimeout;
    this.queue = new PipelineQueue(maxQueued);
    this.stats = new PipelineStats(() -> "queue " + queue.depth() + "/" + maxQueued + " samples, spool "
        + spoolBytes() + "/" + (spool == null ? 0 : spool.maxBytes()) + " bytes");
    WriteLoopParts parts = new WriteLoopParts(writer, queue, stats, maxBatch, initialBackoff, maxBackoff);
    Runnable loop = spool == null ? new MemoryWriteLoop(parts) : new SpoolWriteLoop(parts, spool);
    worker = Thread.ofPlatform().name("slamon-write-pipeline").daemon().unstarted(() -> {
      loop.run();
      failRemaining();
    });
    worker.start();
  }

  private static DiskSpool openSpool(CollectorSettings settings) {
    if (settings.spoolDirectory() == null) {
      return null;
    }
    try {
      return DiskSpool.open(settings.spoolDirectory(), settings.maxSpoolBytes(), DiskSpool.DEFAULT_SEGMENT_BYTES);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the disk spool in " + settings.spoolDirectory() + ": " + e, e);
    }
  }

  /**
   * Queues {@code samples} as one unit (all or nothing, so a scrape's {@code up} never lands
   * without its data). Never blocks. The future completes when every sample is written (or, with
   * a spool, durable on disk), or fails with {@link RefusedException} when they were refused or
   * could not be written.
   */
  public CompletableFuture<Void> offer(List<Sample> samples) {
    if (samples.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    RefusalReason reason = queue.offer(new Pending(List.copyOf(samples), done));
    if (reason != null) {
      stats.refuse(reason, samples.size(), done);
    }
    return done;
  }

  private void failRemaining() {
    for (Pending p : queue.workerDone()) {
      stats.countRefused(RefusalReason.UNWRITTEN_AT_SHUTDOWN, p.samples().size());
      p.written().completeExceptionally(new RefusedException(RefusalReason.UNWRITTEN_AT_SHUTDOWN, p.samples().size()));
    }
  }

  /** Samples queued or being written. */
  public long queueDepth() {
    return queue.depth();
  }

  public long writtenCount() {
    return stats.written.sum();
  }

  public long refusedCount(RefusalReason reason) {
    return stats.refused(reason);
  }

  /** Writer calls that threw {@link StoreException} (each retry counts). */
  public long writeFailureCount() {
    return stats.writeFailures.sum();
  }

  /** Bytes of the disk spool's segment files; 0 without a spool. */
  public long spoolBytes() {
    return spool == null ? 0 : spool.bytes();
  }

  /** Spooled records not yet replayed; 0 without a spool. */
  public long spoolRecords() {
    return spool == null ? 0 : spool.records();
  }

  /** Samples appended to the disk spool since start. */
  public long spooledCount() {
    return stats.spooled.sum();
  }

  /** Samples written to the store from the disk spool since start (also in {@link #writtenCount()}). */
  public long replayedCount() {
    return stats.replayed.sum();
  }

  /** Torn spool records (a crash during an append) truncated when the spool was opened. */
  public long tornSpoolRecordCount() {
    return spool == null ? 0 : spool.tornRecords();
  }

  /** Spool segments found damaged in the middle, kept as {@code *.corrupt}. */
  public long corruptSpoolSegmentCount() {
    return spool == null ? 0 : spool.corruptSegments();
  }

  /** True while the last write attempt failed and the worker is waiting to retry. */
  public boolean isBackingOff() {
    return stats.backingOff;
  }

  /**
   * Stops accepting, flushes what is queued for up to the shutdown timeout, then gives up on
   * the rest (spooled when there is a spool, else counted as {@link
   * RefusalReason#UNWRITTEN_AT_SHUTDOWN} and logged).
   */
  @Override
  public void close() {
    queue.close(shutdownTimeout);
    try {
      worker.join(shutdownTimeout.toMillis() + 1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long lost = refusedCount(RefusalReason.UNWRITTEN_AT_SHUTDOWN);
    if (lost > 0) {
      LOG.error("{} samples could not be written before shutdown and are lost{}", lost,
          spool == null ? " (no disk spool configured)" : "");
    }
  }

  boolean isWorkerDone() {
    return queue.isWorkerDone();
  }

  /** Samples were refused or given up; {@link #reason()} says why. */
  public static class RefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final RefusalReason reason;

    public RefusedException(RefusalReason reason, int count) {
      super(count + " samples refused: " + reason.tag(), null, false, false);
      this.reason = reason;
    }

    public RefusalReason reason() {
      return reason;
    }
  }
}
