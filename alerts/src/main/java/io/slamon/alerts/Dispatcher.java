package io.slamon.alerts;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the {@link Outbox} holds. Each entry is claimed with {@code FOR UPDATE SKIP LOCKED} in a
 * transaction that stays open while the one attempt runs and commits the attempt with the entry's
 * new state: concurrent dispatchers never send the same entry, and a process that dies mid-delivery
 * leaves the entry pending, so it is sent again after the restart under the same idempotency key
 * (the receiver deduplicates). Failed attempts are rescheduled with exponential backoff and jitter
 * ({@link RetryPolicy#backoff}); a delivery still failing {@code failureAlertAfter} after it was
 * queued, or refused outright, raises a provider-scope {@code SlamonDeliveryFailing} alert.
 *
 * <p>Receivers are served independently: each receiver with due entries is drained by its own task
 * on a small pool ({@value #PARALLELISM} threads, each holding one database connection during an
 * attempt), and a receiver whose task is still running is not given a second one. So a receiver
 * that hangs until its timeout delays only its own entries.
 */
public final class Dispatcher implements AutoCloseable {
  /** Backoff between outbox attempts: 5 s doubling up to 5 min (the attempt count is unbounded). */
  public static final RetryPolicy DEFAULT_BACKOFF =
      new RetryPolicy(1, Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofHours(1));
  static final String FAILURE_ALERT = "SlamonDeliveryFailing";
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
  private static final int MAX_PER_PASS = 500;
  /** Receivers delivered to at the same time; bounded because each holds a pooled connection. */
  static final int PARALLELISM = 4;

  private final DataSource dataSource;
  private final Outbox outbox;
  private final Map<String, Channel> channels;
  private final RetryPolicy backoff;
  private final Duration failureAlertAfter;
  private final BiConsumer<Notification, String> raise;
  private final InstantSource clock;
  private final RandomGenerator random;
  private final Set<String> busy = ConcurrentHashMap.newKeySet();
  private final ThreadPoolExecutor pool;

  /**
   * @param channels by receiver name
   * @param raise queues a provider-scope alert for every receiver but the named failing one
   */
  public Dispatcher(DataSource dataSource, Map<String, Channel> channels, RetryPolicy backoff, Duration failureAlertAfter,
      BiConsumer<Notification, String> raise, InstantSource clock, RandomGenerator random) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.outbox = new Outbox(dataSource);
    this.channels = Map.copyOf(channels);
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    this.failureAlertAfter = Objects.requireNonNull(failureAlertAfter, "failureAlertAfter");
    this.raise = Objects.requireNonNull(raise, "raise");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.pool = new ThreadPoolExecutor(PARALLELISM, PARALLELISM, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        Thread.ofPlatform().daemon().name("slamon-dispatch-", 1).factory());
    pool.allowCoreThreadTimeOut(true); // idle between bursts: no threads kept
  }

  /**
   * Makes one attempt at every due entry (receivers in parallel, each receiver's entries in due
   * order), waits for them, then raises alerts for long-failing ones; returns the attempts made. A
   * receiver still being drained by an earlier {@link #dispatchInBackground()} is skipped.
   */
  public int runOnce() {
    List<Future<Integer>> drains = startDrains();
    int attempts = 0;
    Throwable failure = null;
    for (Future<Integer> f : drains) {
      try {
        attempts += f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return attempts;
      } catch (ExecutionException e) {
        failure = failure == null ? e.getCause() : failure;
      }
    }
    if (failure instanceof RuntimeException r) {
      throw r;
    } else if (failure instanceof Error err) {
      throw err;
    }
    raiseFailures();
    return attempts;
  }

  /**
   * Starts draining every receiver with due entries that is not being drained already and returns
   * at once (the runtime calls this every second); then raises alerts for long-failing entries.
   * Returns how many receivers it started.
   */
  public int dispatchInBackground() {
    int started = startDrains().size();
    raiseFailures();
    return started;
  }

  private List<Future<Integer>> startDrains() {
    List<Future<Integer>> drains = new ArrayList<>();
    for (String receiver : outbox.dueReceivers(clock.instant())) {
      if (busy.add(receiver)) {
        try {
          drains.add(pool.submit(() -> drain(receiver)));
        } catch (RejectedExecutionException e) {
          busy.remove(receiver); // closed
        }
      }
    }
    return drains;
  }

  private int drain(String receiver) {
    try {
      int attempts = 0;
      while (attempts < MAX_PER_PASS && deliverNext(receiver)) {
        attempts++;
      }
      return attempts;
    } catch (RuntimeException e) {
      LOG.warn("delivery to {} stopped: {}", receiver, e.toString()); // the entries stay pending
      throw e;
    } finally {
      busy.remove(receiver);
    }
  }

  /** Whether a task is draining {@code receiver} now. */
  boolean draining(String receiver) {
    return busy.contains(receiver);
  }

  /** Stops the pool; an attempt in flight is interrupted and its entry stays pending. */
  @Override
  public void close() {
    pool.shutdownNow();
  }

  private boolean deliverNext(String receiver) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        Instant now = clock.instant();
        Optional<Outbox.Entry> claimed = outbox.claimNext(c, receiver, now);
        if (claimed.isEmpty()) {
          c.rollback();
          return false;
        }
        Outbox.Entry e = claimed.get();
        Channel.Attempt a = attempt(e, now);
        int n = e.attempts() + 1;
        String state = a.succeeded() ? "delivered" : a.retryable() ? "pending" : "rejected";
        Instant next = e.nextAttemptAt();
        if ("pending".equals(state)) {
          Duration wait = backoff.backoff(n, random);
          if (a.retryAfter() != null && a.retryAfter().compareTo(wait) > 0) {
            wait = a.retryAfter();
          }
          next = clock.instant().plus(wait);
        }
        outbox.record(c, e.id(), n, a, state, next);
        c.commit();
        if (a.succeeded() && e.failureAlerted()) {
          raise.accept(failureAlert(e, clock.instant()), e.receiver()); // it went out after all: resolve the alert
        }
        if (!a.succeeded()) {
          LOG.warn("delivery of {} to {} failed (attempt {}, {}): {}", e.idempotencyKey(), e.receiver(), n, state, a.error());
        }
        return true;
      } catch (SQLException | RuntimeException ex) {
        c.rollback();
        throw ex;
      }
    } catch (SQLException ex) {
      throw new io.slamon.store.StoreException("outbox delivery failed: " + ex.getMessage(), ex);
    }
  }

  private Channel.Attempt attempt(Outbox.Entry e, Instant now) {
    Channel channel = channels.get(e.receiver());
    if (channel == null) {
      // Removed from the configuration while entries were queued: keep them, the receiver may come back.
      return new Channel.Attempt(now, Duration.ZERO, null, "receiver '" + e.receiver() + "' is not configured", true, null);
    }
    try {
      return channel.deliver(e.notification());
    } catch (RuntimeException ex) {
      return new Channel.Attempt(now, Duration.between(now, clock.instant()), null, ex.toString(), true, null);
    }
  }

  private void raiseFailures() {
    Instant now = clock.instant();
    for (Outbox.Entry e : outbox.failingUnalerted(now.minus(failureAlertAfter))) {
      outbox.markFailureAlerted(e.id());
      if (FAILURE_ALERT.equals(e.notification().label("alertname"))) {
        continue; // an alert about a failing alert is not chased by another one
      }
      LOG.error("delivery of {} to {} {}: {}", e.idempotencyKey(), e.receiver(), what(e), e.lastError());
      raise.accept(failureAlert(e, null), e.receiver());
    }
  }

  private static String what(Outbox.Entry e) {
    return "rejected".equals(e.state()) ? "was refused" : "has been failing since " + e.createdAt();
  }

  /**
   * The provider-scope alert about entry {@code e}: firing, or resolved at {@code resolvedAt}. Its
   * start is when the entry was queued, so firing and resolution share their identity.
   */
  private static Notification failureAlert(Outbox.Entry e, Instant resolvedAt) {
    boolean resolved = resolvedAt != null;
    return new Notification("delivery-failing-" + e.id() + (resolved ? "-resolved" : ""), Notification.Kind.ALERT,
        resolved ? Notification.Status.RESOLVED : Notification.Status.FIRING,
        "Delivery to receiver " + e.receiver() + (resolved ? " recovered" : " " + what(e)),
        Map.of("alertname", FAILURE_ALERT, "severity", "page", "component", "alerts", "receiver", e.receiver()),
        Map.of("description", "Notification " + e.idempotencyKey() + " (" + e.notification().title() + ")"
            + (resolved ? " was delivered to " + e.receiver() + " after all."
                : " could not be delivered to " + e.receiver() + " after " + e.attempts() + " attempt(s); last error: " + e.lastError())),
        e.createdAt(), resolvedAt, e.notification().incidentId(), null, null, null);
  }
}
