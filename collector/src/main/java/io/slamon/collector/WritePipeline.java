package io.slamon.collector;

import io.slamon.store.Sample;
import io.slamon.store.SampleWriter;
import io.slamon.store.StoreException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounded in-memory queue in front of a {@link SampleWriter}: callers (the event loop) offer
 * samples and never block; one worker thread drains the queue in order into batches and
 * writes them. When the writer throws {@link StoreException} the batch is kept and retried
 * with capped exponential backoff, so nothing is lost and order is kept; while it waits the
 * queue fills, and once full new offers are refused with a counted and logged reason instead
 * of growing the heap. A disk spool behind the queue is a later issue.
 */
public final class WritePipeline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WritePipeline.class);

  private record Pending(List<Sample> samples, CompletableFuture<Void> written) {}

  private final SampleWriter writer;
  private final int maxQueued;
  private final int maxBatch;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration shutdownTimeout;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final Condition stopped = lock.newCondition();
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private long queuedSamples; // guarded by lock; includes the batch being written
  private boolean closing;
  private long closeDeadlineNanos; // guarded by lock; valid when closing
  private boolean workerDone;

  private final AtomicLong depth = new AtomicLong();
  private final LongAdder written = new LongAdder();
  private final LongAdder writeFailures = new LongAdder();
  private final Map<RefusalReason, LongAdder> refused = new EnumMap<>(RefusalReason.class);
  private volatile boolean backingOff;
  private long lastRefusalLog;
  private final Thread worker;

  public WritePipeline(SampleWriter writer, CollectorSettings settings) {
    this(writer, settings.maxQueuedSamples(), settings.maxBatchSamples(), settings.retryInitialBackoff(),
        settings.retryMaxBackoff(), settings.shutdownTimeout());
  }

  WritePipeline(SampleWriter writer, int maxQueued, int maxBatch, Duration initialBackoff, Duration maxBackoff,
      Duration shutdownTimeout) {
    this.writer = writer;
    this.maxQueued = maxQueued;
    this.maxBatch = maxBatch;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.shutdownTimeout = shutdownTimeout;
    for (RefusalReason r : RefusalReason.values()) {
      refused.put(r, new LongAdder());
    }
    worker = Thread.ofPlatform().name("slamon-write-pipeline").daemon().unstarted(this::run);
    worker.start();
  }

  /**
   * Queues {@code samples} as one unit (all or nothing, so a scrape's {@code up} never lands
   * without its data). Never blocks. The future completes when every sample is written, or
   * fails with {@link RefusedException} when they were refused or could not be written.
   */
  public CompletableFuture<Void> offer(List<Sample> samples) {
    if (samples.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    RefusalReason reason = null;
    lock.lock();
    try {
      if (closing) {
        reason = RefusalReason.CLOSED;
      } else if (samples.size() > maxQueued) {
        reason = RefusalReason.BATCH_TOO_LARGE;
      } else if (queuedSamples + samples.size() > maxQueued) {
        reason = RefusalReason.QUEUE_FULL;
      } else {
        queue.addLast(new Pending(List.copyOf(samples), done));
        queuedSamples += samples.size();
        depth.set(queuedSamples);
        notEmpty.signal();
      }
    } finally {
      lock.unlock();
    }
    if (reason != null) {
      refuse(reason, samples.size(), done);
    }
    return done;
  }

  private void refuse(RefusalReason reason, int count, CompletableFuture<Void> done) {
    refused.get(reason).add(count);
    long now = System.nanoTime();
    // One log line per second at most: a full queue refuses every scrape.
    if (now - lastRefusalLog > 1_000_000_000L) {
      lastRefusalLog = now;
      LOG.warn("refused {} samples: {} (queue {}/{} samples, total refused for this reason: {})", count,
          reason.tag(), depth.get(), maxQueued, refused.get(reason).sum());
    }
    done.completeExceptionally(new RefusedException(reason, count));
  }

  private void run() {
    while (true) {
      List<Pending> batch = takeBatch();
      if (batch == null) {
        break;
      }
      List<Sample> samples = new ArrayList<>();
      batch.forEach(p -> samples.addAll(p.samples()));
      RuntimeException failure = writeAll(samples);
      List<RuntimeException> outcomes = new ArrayList<>(batch.size());
      if (failure != null && !(failure instanceof RefusedException) && batch.size() > 1) {
        // One offer with data the store refuses must not take the other scrapes down with it:
        // write each offer alone (the writer stores a repeated sample once, so re-writing is safe).
        for (Pending p : batch) {
          outcomes.add(writeAll(p.samples()));
        }
      } else {
        batch.forEach(p -> outcomes.add(failure));
      }
      // Leave the queue before completing the offers, so whoever waits on an offer sees the
      // queue depth without it.
      lock.lock();
      try {
        queuedSamples -= samples.size();
        depth.set(queuedSamples);
      } finally {
        lock.unlock();
      }
      for (int i = 0; i < batch.size(); i++) {
        finish(batch.get(i), outcomes.get(i));
      }
    }
    failRemaining();
  }

  private void finish(Pending p, RuntimeException failure) {
    int n = p.samples().size();
    if (failure == null) {
      written.add(n);
      p.written().complete(null);
      return;
    }
    if (failure instanceof RefusedException r) {
      refused.get(r.reason()).add(n);
    } else {
      refused.get(RefusalReason.REJECTED_BY_STORE).add(n);
      LOG.error("sample writer rejected {} samples; they are dropped: {}", n, failure.getMessage());
    }
    p.written().completeExceptionally(failure);
  }

  /** Writes in chunks of maxBatch; null on success, else why the rest could not be written. */
  private RuntimeException writeAll(List<Sample> samples) {
    for (int from = 0; from < samples.size(); from += maxBatch) {
      RuntimeException failure = writeWithRetry(samples.subList(from, Math.min(samples.size(), from + maxBatch)));
      if (failure != null) {
        return failure;
      }
    }
    return null;
  }

  /** Whole offers in order, at least one, until the batch would exceed maxBatch; null when closed. */
  private List<Pending> takeBatch() {
    lock.lock();
    try {
      while (queue.isEmpty() || (closing && System.nanoTime() - closeDeadlineNanos >= 0)) {
        if (closing) {
          return null;
        }
        notEmpty.awaitUninterruptibly();
      }
      List<Pending> batch = new ArrayList<>();
      int n = 0;
      while (!queue.isEmpty() && (batch.isEmpty() || n + queue.peekFirst().samples().size() <= maxBatch)) {
        Pending p = queue.pollFirst();
        n += p.samples().size();
        batch.add(p);
      }
      return batch;
    } finally {
      lock.unlock();
    }
  }

  /** Null on success; the exception when the batch must be given up. */
  private RuntimeException writeWithRetry(List<Sample> chunk) {
    long backoffNanos = initialBackoff.toNanos();
    while (true) {
      try {
        writer.write(chunk);
        backingOff = false;
        return null;
      } catch (StoreException e) {
        writeFailures.increment();
        backingOff = true;
        LOG.warn("writing {} samples failed, retrying in {} ms: {}", chunk.size(),
            TimeUnit.NANOSECONDS.toMillis(backoffNanos), e.getMessage());
      } catch (RuntimeException e) {
        return e;
      }
      lock.lock();
      try {
        long deadline = closing ? closeDeadlineNanos : Long.MAX_VALUE;
        if (closing && System.nanoTime() - deadline >= 0) {
          return new RefusedException(RefusalReason.UNWRITTEN_AT_SHUTDOWN, chunk.size());
        }
        // Waiting on the condition (not sleeping) lets close() cut a long backoff short.
        stopped.awaitNanos(closing ? Math.min(backoffNanos, deadline - System.nanoTime()) : backoffNanos);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new RefusedException(RefusalReason.UNWRITTEN_AT_SHUTDOWN, chunk.size());
      } finally {
        lock.unlock();
      }
      backoffNanos = Math.min(maxBackoff.toNanos(), Math.max(1, backoffNanos * 2));
    }
  }

  private void failRemaining() {
    lock.lock();
    try {
      workerDone = true;
      for (Pending p : queue) {
        refused.get(RefusalReason.UNWRITTEN_AT_SHUTDOWN).add(p.samples().size());
        p.written().completeExceptionally(new RefusedException(RefusalReason.UNWRITTEN_AT_SHUTDOWN, p.samples().size()));
      }
      queue.clear();
      queuedSamples = 0;
      depth.set(0);
      stopped.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Samples queued or being written. */
  public long queueDepth() {
    return depth.get();
  }

  public long writtenCount() {
    return written.sum();
  }

  public long refusedCount(RefusalReason reason) {
    return refused.get(reason).sum();
  }

  /** Writer calls that threw {@link StoreException} (each retry counts). */
  public long writeFailureCount() {
    return writeFailures.sum();
  }

  /** True while the last write attempt failed and the worker is waiting to retry. */
  public boolean isBackingOff() {
    return backingOff;
  }

  /**
   * Stops accepting, flushes what is queued for up to the shutdown timeout, then gives up on
   * the rest (counted as {@link RefusalReason#UNWRITTEN_AT_SHUTDOWN} and logged).
   */
  @Override
  public void close() {
    lock.lock();
    try {
      if (!closing) {
        closing = true;
        closeDeadlineNanos = System.nanoTime() + shutdownTimeout.toNanos();
      }
      notEmpty.signalAll();
      stopped.signalAll();
    } finally {
      lock.unlock();
    }
    try {
      worker.join(shutdownTimeout.toMillis() + 1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long lost = refusedCount(RefusalReason.UNWRITTEN_AT_SHUTDOWN);
    if (lost > 0) {
      LOG.error("{} samples could not be written before shutdown and are lost (no disk spool yet)", lost);
    }
  }

  boolean isWorkerDone() {
    lock.lock();
    try {
      return workerDone;
    } finally {
      lock.unlock();
    }
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
