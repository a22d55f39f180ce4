package io.slamon.collector;

import io.slamon.collector.PipelineQueue.Pending;
import io.slamon.collector.WritePipeline.RefusedException;
import io.slamon.store.Sample;
import io.slamon.store.SampleWriter;
import io.slamon.store.StoreException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker with a {@link DiskSpool}: writes directly while the spool is empty; a batch the
 * writer refuses with {@link StoreException} is appended to the spool and fsynced instead (durable
 * on disk counts as taken), and so is every later batch until the spool has been replayed, so
 * samples reach the store in offer order. The spool is replayed oldest record first, one record
 * per turn between batches, with capped exponential backoff after each failure. Records left at
 * shutdown or by a crash are replayed on the next start.
 */
final class SpoolWriteLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(WritePipeline.class);

  private final SampleWriter writer;
  private final DiskSpool spool;
  private final PipelineQueue queue;
  private final PipelineStats stats;
  private final WriteLoopParts parts;

  SpoolWriteLoop(WriteLoopParts parts, DiskSpool spool) {
    this.parts = parts;
    this.writer = parts.writer();
    this.spool = spool;
    this.queue = parts.queue();
    this.stats = parts.stats();
  }

  @Override
  public void run() {
    try {
      loop();
    } finally {
      try {
        spool.close();
      } catch (IOException e) {
        LOG.warn("closing the disk spool {}: {}", spool.directory(), e.toString());
      }
    }
  }

  private void loop() {
    long backoffNanos = parts.initialBackoff().toNanos();
    long replayAt = System.nanoTime(); // a spool left by an earlier run is replayed at once
    while (true) {
      boolean replayWaiting = !spool.isEmpty() && !queue.closing();
      List<Pending> batch =
          queue.takeBatch(replayWaiting ? Math.max(0, replayAt - System.nanoTime()) : Long.MAX_VALUE, parts.maxBatch());
      if (batch == null) {
        break;
      }
      if (!batch.isEmpty() && handle(batch)) {
        replayAt = System.nanoTime() + backoffNanos;
        backoffNanos = parts.nextBackoff(backoffNanos);
      }
      // Replay waits for the next start once closing: the records are safe on disk already.
      if (!spool.isEmpty() && !queue.closing() && System.nanoTime() - replayAt >= 0) {
        if (replayOne()) {
          backoffNanos = parts.initialBackoff().toNanos();
        } else {
          replayAt = System.nanoTime() + backoffNanos;
          backoffNanos = parts.nextBackoff(backoffNanos);
        }
      }
    }
    spoolLeftovers();
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
    long taken = batch.stream().mapToLong(p -> p.samples().size()).sum();
    if (!storeFailed && queue.depth() == taken) {
      parts.idle(); // nothing else waiting: bring the rollups' open minutes up to date first
    }
    queue.leave(taken);
    for (int i = 0; i < n; i++) {
      Pending p = batch.get(i);
      if (outcomes[i] instanceof RefusedException r) {
        stats.refuse(r.reason(), p.samples().size(), p.written());
      } else if (toSpool[i]) {
        p.written().complete(null); // durable on disk
      } else {
        stats.finish(p, outcomes[i]);
      }
    }
    return storeFailed;
  }

  /** Null when the samples are fsynced to the spool, else the refusal. */
  private RefusedException spoolOffer(List<Sample> samples) {
    List<List<Sample>> chunks = parts.chunks(samples);
    boolean wasEmpty = spool.isEmpty();
    try {
      if (!spool.append(chunks)) {
        return new RefusedException(RefusalReason.SPOOL_FULL, samples.size());
      }
    } catch (IOException | RuntimeException e) {
      LOG.error("cannot append {} samples to the disk spool {}: {}", samples.size(), spool.directory(), e.toString());
      return new RefusedException(RefusalReason.SPOOL_ERROR, samples.size());
    }
    stats.spooled.add(samples.size());
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
      stats.replayed.add(record.size());
      stats.written.add(record.size());
    } else {
      stats.countRefused(RefusalReason.REJECTED_BY_STORE, record.size());
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
          stats.replayed.sum());
    }
    return true;
  }

  /** One attempt per chunk of maxBatch; null on success, else the first failure. */
  private RuntimeException writeAllOnce(List<Sample> samples) {
    for (List<Sample> chunk : parts.chunks(samples)) {
      try {
        writer.write(chunk);
        stats.backingOff = false;
      } catch (StoreException e) {
        stats.writeFailures.increment();
        stats.backingOff = true;
        LOG.warn("writing {} samples failed: {}", chunk.size(), e.getMessage());
        return e;
      } catch (RuntimeException e) {
        return e;
      }
    }
    return null;
  }

  /** At the shutdown deadline: what is still queued goes to the spool instead of being lost. */
  private void spoolLeftovers() {
    for (Pending p : queue.drain()) {
      RefusedException r = spoolOffer(p.samples());
      queue.leave(p.samples().size());
      if (r != null) {
        stats.refuse(RefusalReason.UNWRITTEN_AT_SHUTDOWN, p.samples().size(), p.written());
      } else {
        p.written().complete(null);
      }
    }
  }
}
