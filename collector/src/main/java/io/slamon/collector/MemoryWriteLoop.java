package io.slamon.collector;

import io.slamon.collector.PipelineQueue.Pending;
import io.slamon.collector.WritePipeline.RefusedException;
import io.slamon.store.Sample;
import io.slamon.store.SampleWriter;
import io.slamon.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker without a disk spool: takes batches of whole offers and writes them, retrying a
 * batch the writer refuses with {@link StoreException} with capped exponential backoff (so
 * nothing is lost and order is kept) until the shutdown deadline.
 */
final class MemoryWriteLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(WritePipeline.class);

  private final SampleWriter writer;
  private final PipelineQueue queue;
  private final PipelineStats stats;
  private final WriteLoopParts parts;

  MemoryWriteLoop(WriteLoopParts parts) {
    this.parts = parts;
    this.writer = parts.writer();
    this.queue = parts.queue();
    this.stats = parts.stats();
  }

  @Override
  public void run() {
    while (true) {
      List<Pending> batch = queue.takeBatch(Long.MAX_VALUE, parts.maxBatch());
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
      if (queue.depth() == samples.size()) {
        parts.idle(); // nothing else waiting: bring the rollups' open minutes up to date first
      }
      // Leave the queue before completing the offers, so whoever waits on an offer sees the
      // queue depth without it.
      queue.leave(samples.size());
      for (int i = 0; i < batch.size(); i++) {
        stats.finish(batch.get(i), outcomes.get(i));
      }
    }
  }

  /** Writes in chunks of maxBatch; null on success, else why the rest could not be written. */
  private RuntimeException writeAll(List<Sample> samples) {
    for (List<Sample> chunk : parts.chunks(samples)) {
      RuntimeException failure = writeWithRetry(chunk);
      if (failure != null) {
        return failure;
      }
    }
    return null;
  }

  /** Null on success; the exception when the batch must be given up. */
  private RuntimeException writeWithRetry(List<Sample> chunk) {
    long backoffNanos = parts.initialBackoff().toNanos();
    while (true) {
      try {
        writer.write(chunk);
        stats.backingOff = false;
        return null;
      } catch (StoreException e) {
        stats.writeFailures.increment();
        stats.backingOff = true;
        LOG.warn("writing {} samples failed, retrying in {} ms: {}", chunk.size(),
            TimeUnit.NANOSECONDS.toMillis(backoffNanos), e.getMessage());
      } catch (RuntimeException e) {
        return e;
      }
      if (!queue.awaitRetry(backoffNanos)) {
        return new RefusedException(RefusalReason.UNWRITTEN_AT_SHUTDOWN, chunk.size());
      }
      backoffNanos = parts.nextBackoff(backoffNanos);
    }
  }
}
