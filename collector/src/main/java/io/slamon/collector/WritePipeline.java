package io.slamon.collector;

import io.slamon.store.Sample;
import io.slamon.store.SampleWriter;
import io.slamon.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
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
 * of growing the heap.
 *
 * <p>With a {@link DiskSpool} (settings {@code spoolDirectory}), a batch the writer refuses with
 * {@link StoreException} is appended to the spool and fsynced instead of being retried in
 * memory, and its offers complete then: durable on disk counts as taken. While the spool holds
 * records, new batches are appended behind them (so samples reach the store in offer order), and
 * the worker replays the spool oldest record first, one record per turn, with the same capped
 * backoff after each failure. Records left at shutdown or by a crash are replayed on the next
 * start; the store stores a repeated (series, timestamp) sample once, so re-delivery is harmless.
 */
public final class WritePipeline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WritePipeline.class);

  private record Pending(List<Sample> samples, CompletableFuture<Void> written) {}

  private final SampleWriter writer;
  private final DiskSpool spool; // null: no spool, retry in memory
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
  private volatile boolean closing; // written under lock; read without it by the worker
  private long closeDeadlineNanos; // guarded by lock; valid when closing
  private boolean workerDone;

  private final AtomicLong depth = new AtomicLong();
  private final LongAdder written = new LongAdder();
  private final LongAdder writeFailures = new LongAdder();
  private final LongAdder spooled = new LongAdder();
  private final LongAdder replayed = new LongAdder();
  private final Map<RefusalReason, LongAdder> refused = new EnumMap<>(RefusalReason.class);
  private volatile boolean backingOff;
  private long lastRefusalLog;
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
    this.writer = writer;
    this.spool = spool;
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
      LOG.warn("refused {} samples: {} (queue {}/{} samples, spool {}/{} bytes, total refused for this reason: {})",
          count, reason.tag(), depth.get(), maxQueued, spoolBytes(), spool == null ? 0 : spool.maxBytes(),
          refused.get(reason).sum());
    }
    done.completeExceptionally(new RefusedException(reason, count));
  }

  private void run() {
    if (spool == null) {
      runInMemory();
    } else {
      try {
        runSpooled();
      } finally {
        closeSpool();
      }
    }
    failRemaining();
  }

  private void runInMemory() {
    while (true) {
      List<Pending> batch = takeBatch(Long.MAX_VALUE);
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
  }

  /**
   * Writes directly while the spool is empty; on {@link StoreException} spools the batch and
   * every later one until the spool has been replayed, one record per turn between batches.
   */
  private void runSpooled() {
    long backoffNanos = initialBackoff.toNanos();
    long replayAt = System.nanoTime(); // a spool left by an earlier run is replayed at once
    while (true) {
      boolean replayWaiting = !spool.isEmpty() && !closing;
      List<Pending> batch = takeBatch(replayWaiting ? Math.max(0, replayAt - System.nanoTime()) : Long.MAX_VALUE);
      if (batch == null) {
        break;
      }
      if (!batch.isEmpty() && handle(batch)) {
        replayAt = System.nanoTime() + backoffNanos;
        backoffNanos = nextBackoff(backoffNanos);
      }
      // Replay waits for the next start once closing: the records are safe on disk already.
      if (!spool.isEmpty() && !closing && System.nanoTime() - replayAt >= 0) {
        if (replayOne()) {
          backoffNanos = initialBackoff.toNanos();
        } else {
          replayAt = System.nanoTime() + backoffNanos;
          backoffNanos = nextBackoff(backoffNanos);
        }
      }
    }
    spoolLeftovers();
  }

  private long nextBackoff(long backoffNanos) {
    return Math.min(maxBackoff.toNanos(), Math.max(1, backoffNanos * 2));
  }

  /** Writes or spools one batch and completes its offers; true when the store failed. */
  private boolean handle(List<Pending> batch) {
    int n = batch.size();
    RuntimeException[] outcomes = new RuntimeException[n];
    boolean[] toSpool = new boolean[n];
    boolean storeFailed = false;
    if (!spool.isEmpty()) {
      Arrays.fill(toSpool, true); // behind the records already spooled, to keep the order
    } else {
      List<Sample> samples = new ArrayList<>();
      batch.forEach(p -> samples.addAll(p.samples()));
      RuntimeException failure = writeAllOnce(samples);
      if (failure instanceof StoreException) {
        storeFailed = true;
        Arrays.fill(toSpool, true);
      } else if (failure != null && n > 1) {
        // As in memory mode: a rejected offer must not take the others of its batch down.
        for (int i = 0; i < n; i++) {
          RuntimeException f = storeFailed ? null : writeAllOnce(batch.get(i).samples());
          if (storeFailed || f instanceof StoreException) {
            storeFailed = true;
            toSpool[i] = true;
          } else {
            outcomes[i] = f;
          }
        }
      } else {
        Arrays.fill(outcomes, failure);
      }
    }
    for (int i = 0; i < n; i++) {
      if (toSpool[i]) {
        outcomes[i] = spoolOffer(batch.get(i).samples());
      }
    }
    leaveQueue(batch.stream().mapToLong(p -> p.samples().size()).sum());
    for (int i = 0; i < n; i++) {
      Pending p = batch.get(i);
      if (outcomes[i] instanceof RefusedException r) {
        refuse(r.reason(), p.samples().size(), p.written());
      } else if (toSpool[i]) {
        p.written().complete(null); // durable on disk
      } else {
        finish(p, outcomes[i]);
      }
    }
    return storeFailed;
  }

  /** Null when the samples are fsynced to the spool, else the refusal. */
  private RefusedException spoolOffer(List<Sample> samples) {
    List<List<Sample>> chunks = new ArrayList<>();
    for (int from = 0; from < samples.size(); from += maxBatch) {
      chunks.add(samples.subList(from, Math.min(samples.size(), from + maxBatch)));
    }
    boolean wasEmpty = spool.isEmpty();
    try {
      if (!spool.append(chunks)) {
        return new RefusedException(RefusalReason.SPOOL_FULL, samples.size());
      }
    } catch (IOException | RuntimeException e) {
      LOG.error("cannot append {} samples to the disk spool {}: {}", samples.size(), spool.directory(), e.toString());
      return new RefusedException(RefusalReason.SPOOL_ERROR, samples.size());
    }
    spooled.add(samples.size());
    if (wasEmpty) {
      LOG.warn("database unavailable: spooling samples to {} until it is back", spool.directory());
    }
    return null;
  }

  /** Writes the oldest spooled record; false when the store failed (back off), true otherwise. */
  private boolean replayOne() {
    List<Sample> record;
    try {
      record = spool.peek();
    } catch (IOException e) {
      LOG.error("cannot read the disk spool {}: {}", spool.directory(), e.toString());
      return false;
    }
    if (record == null) {
      return true;
    }
    RuntimeException failure = writeAllOnce(record);
    if (failure instanceof StoreException) {
      return false;
    }
    if (failure == null) {
      replayed.add(record.size());
      written.add(record.size());
    } else {
      refused.get(RefusalReason.REJECTED_BY_STORE).add(record.size());
      LOG.error("sample writer rejected {} spooled samples; they are dropped: {}", record.size(),
          failure.getMessage());
    }
    try {
      spool.commit();
    } catch (IOException e) {
      // The record is in the store; at worst its segment file stays and is replayed again.
      LOG.warn("cannot remove a replayed disk spool segment in {}: {}", spool.directory(), e.toString());
    }
    if (spool.isEmpty()) {
      LOG.info("disk spool replayed; writing to the database directly again ({} samples replayed so far)",
          replayed.sum());
    }
    return true;
  }

  /** One attempt per chunk of maxBatch; null on success, else the first failure. */
  private RuntimeException writeAllOnce(List<Sample> samples) {
    for (int from = 0; from < samples.size(); from += maxBatch) {
      List<Sample> chunk = samples.subList(from, Math.min(samples.size(), from + maxBatch));
      try {
        writer.write(chunk);
        backingOff = false;
      } catch (StoreException e) {
        writeFailures.increment();
        backingOff = true;
        LOG.warn("writing {} samples failed: {}", chunk.size(), e.getMessage());
        return e;
      } catch (RuntimeException e) {
        return e;
      }
    }
    return null;
  }

  private void leaveQueue(long samples) {
    lock.lock();
    try {
      queuedSamples -= samples;
      depth.set(queuedSamples);
    } finally {
      lock.unlock();
    }
  }

  /** At the shutdown deadline: what is still queued goes to the spool instead of being lost. */
  private void spoolLeftovers() {
    List<Pending> left;
    lock.lock();
    try {
      left = new ArrayList<>(queue);
      queue.clear();
    } finally {
      lock.unlock();
    }
    for (Pending p : left) {
      RefusedException r = spoolOffer(p.samples());
      leaveQueue(p.samples().size());
      if (r != null) {
        refuse(RefusalReason.UNWRITTEN_AT_SHUTDOWN, p.samples().size(), p.written());
      } else {
        p.written().complete(null);
      }
    }
  }

  private void closeSpool() {
    try {
      spool.close();
    } catch (IOException e) {
      LOG.warn("closing the disk spool {}: {}", spool.directory(), e.toString());
    }
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

  /**
   * Whole offers in order, at least one, until the batch would exceed maxBatch; null when closed
   * (queue empty or shutdown deadline passed); empty after waiting {@code waitNanos} for an offer.
   */
  private List<Pending> takeBatch(long waitNanos) {
    lock.lock();
    try {
      long deadline = System.nanoTime() + waitNanos;
      while (queue.isEmpty() || (closing && System.nanoTime() - closeDeadlineNanos >= 0)) {
        if (closing) {
          return null;
        }
        if (waitNanos == Long.MAX_VALUE) {
          notEmpty.awaitUninterruptibly();
        } else {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return List.of();
          }
          try {
            notEmpty.awaitNanos(left);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
          }
        }
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
    return spooled.sum();
  }

  /** Samples written to the store from the disk spool since start (also in {@link #writtenCount()}). */
  public long replayedCount() {
    return replayed.sum();
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
      LOG.error("{} samples could not be written before shutdown and are lost{}", lost,
          spool == null ? " (no disk spool configured)" : "");
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
