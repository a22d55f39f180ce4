package io.slamon.collector;

import io.slamon.store.Sample;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The write pipeline's bounded queue of offers and its shutdown state, behind one lock: the
 * event loop offers (never blocking), the worker takes whole offers in order. The sample count
 * includes the batch being written until the worker calls {@link #leave}.
 */
final class PipelineQueue {
  /** One offer: its samples and the future completed when they are written, spooled or refused. */
  record Pending(List<Sample> samples, CompletableFuture<Void> written) {}

  private final int maxQueued;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final Condition stopped = lock.newCondition();
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private final AtomicLong depth = new AtomicLong();
  private long queuedSamples; // guarded by lock
  private volatile boolean closing; // written under lock; read without it by the worker
  private long closeDeadlineNanos; // guarded by lock; valid when closing
  private boolean workerDone; // guarded by lock

  PipelineQueue(int maxQueued) {
    this.maxQueued = maxQueued;
  }

  /** Queues the offer, or says why not (the caller refuses it then). */
  RefusalReason offer(Pending p) {
    int n = p.samples().size();
    lock.lock();
    try {
      if (closing) {
        return RefusalReason.CLOSED;
      } else if (n > maxQueued) {
        return RefusalReason.BATCH_TOO_LARGE;
      } else if (queuedSamples + n > maxQueued) {
        return RefusalReason.QUEUE_FULL;
      }
      queue.addLast(p);
      queuedSamples += n;
      depth.set(queuedSamples);
      notEmpty.signal();
      return null;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Whole offers in order, at least one, until the batch would exceed maxBatch; null when closed
   * (queue empty or shutdown deadline passed); empty after waiting {@code waitNanos} for an offer.
   */
  List<Pending> takeBatch(long waitNanos, int maxBatch) {
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

  /** The worker is done with {@code samples} samples (written, spooled or refused). */
  void leave(long samples) {
    lock.lock();
    try {
      queuedSamples -= samples;
      depth.set(queuedSamples);
    } finally {
      lock.unlock();
    }
  }

  /** Takes every queued offer out (still counted in the depth until {@link #leave}). */
  List<Pending> drain() {
    lock.lock();
    try {
      List<Pending> left = new ArrayList<>(queue);
      queue.clear();
      return left;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits {@code nanos} before a retry, cut short by close; false when the shutdown deadline has
   * passed (or the worker was interrupted) and the retry should be given up.
   */
  boolean awaitRetry(long nanos) {
    lock.lock();
    try {
      long deadline = closing ? closeDeadlineNanos : Long.MAX_VALUE;
      if (closing && System.nanoTime() - deadline >= 0) {
        return false;
      }
      // Waiting on the condition (not sleeping) lets close() cut a long backoff short.
      stopped.awaitNanos(closing ? Math.min(nanos, deadline - System.nanoTime()) : nanos);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      lock.unlock();
    }
  }

  boolean closing() {
    return closing;
  }

  /** Stops accepting offers; the worker flushes until {@code timeout} from now. */
  void close(Duration timeout) {
    lock.lock();
    try {
      if (!closing) {
        closing = true;
        closeDeadlineNanos = System.nanoTime() + timeout.toNanos();
      }
      notEmpty.signalAll();
      stopped.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The worker has stopped: returns what is still queued and empties the queue. */
  List<Pending> workerDone() {
    lock.lock();
    try {
      workerDone = true;
      List<Pending> left = new ArrayList<>(queue);
      queue.clear();
      queuedSamples = 0;
      depth.set(0);
      stopped.signalAll();
      return left;
    } finally {
      lock.unlock();
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

  /** Samples queued or being written. */
  long depth() {
    return depth.get();
  }

  int maxQueued() {
    return maxQueued;
  }
}
