package io.slamon.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slamon.simulator.internal.FleetState;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodically POSTs the fleet's events, one JSON object per request, to an events URL with
 * {@code Authorization: Bearer <token>}. When the receiver is down or answers 5xx, 429, 408, 401
 * or 403 the events stay in a bounded backlog and are retried on the next tick, oldest first;
 * beyond {@link #BACKLOG_LIMIT} the oldest are dropped and counted. Any other 4xx means the
 * receiver rejects that event, so it is counted as rejected and not retried. Never throws from a
 * tick.
 */
public final class EventPusher implements AutoCloseable {
  public static final int BACKLOG_LIMIT = 10_000;
  /** Bounds the work done per tick so a large backlog cannot hog an event loop. */
  static final int MAX_PER_TICK = 500;

  private static final Logger LOG = LoggerFactory.getLogger(EventPusher.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Vertx vertx;
  private final FleetState state;
  private final InstantSource clock;
  private final String url;
  private final String token;
  private final WebClient client;
  private final ArrayDeque<SimEvent> backlog = new ArrayDeque<>();
  private final AtomicBoolean sending = new AtomicBoolean();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong failedAttempts = new AtomicLong();
  private final long timerId;
  private volatile boolean closed;

  EventPusher(
      Vertx vertx, FleetState state, InstantSource clock, String url, String token, Duration every) {
    this.vertx = vertx;
    this.state = state;
    this.clock = clock;
    this.url = requireUrl(url);
    this.token = Objects.requireNonNull(token, "token must not be null");
    if (every == null || every.toMillis() < 1) {
      throw new IllegalArgumentException("push interval must be at least 1 ms, got " + every);
    }
    this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(2_000));
    this.timerId = vertx.setPeriodic(every.toMillis(), id -> tick());
  }

  /** Events delivered (2xx) so far. */
  public long delivered() {
    return delivered.get();
  }

  /** Events the receiver refused with a 4xx other than 429. */
  public long rejected() {
    return rejected.get();
  }

  /** Events lost because the backlog was full. */
  public long dropped() {
    return dropped.get() + state.droppedEvents();
  }

  /** POSTs that failed (connection error, timeout, or a retryable status) and will be retried. */
  public long failedAttempts() {
    return failedAttempts.get();
  }

  /** Events waiting to be delivered. */
  public synchronized int backlog() {
    return backlog.size();
  }

  @Override
  public void close() {
    closed = true;
    vertx.cancelTimer(timerId);
    client.close();
  }

  private void tick() {
    if (closed || !sending.compareAndSet(false, true)) {
      return; // the previous tick is still sending; keep order by not overlapping
    }
    try {
      fillBacklog();
      sendNext(MAX_PER_TICK).onComplete(done -> sending.set(false));
    } catch (RuntimeException e) {
      LOG.warn("event push tick failed; retrying next tick", e);
      sending.set(false);
    }
  }

  private synchronized void fillBacklog() {
    List<SimEvent> fresh = state.drainEvents(clock.instant(), Integer.MAX_VALUE);
    for (SimEvent event : fresh) {
      if (backlog.size() >= BACKLOG_LIMIT) {
        backlog.removeFirst();
        dropped.incrementAndGet();
      }
      backlog.addLast(event);
    }
  }

  private synchronized SimEvent peek() {
    return backlog.peekFirst();
  }

  private synchronized void removeHead(SimEvent event) {
    if (backlog.peekFirst() == event) {
      backlog.removeFirst();
    }
  }

  private Future<Void> sendNext(int budget) {
    SimEvent event = peek();
    if (event == null || budget == 0 || closed) {
      return Future.succeededFuture();
    }
    Promise<Void> done = Promise.promise();
    client
        .postAbs(url)
        .putHeader("authorization", "Bearer " + token)
        .putHeader("content-type", "application/json")
        .timeout(5_000)
        .sendBuffer(Buffer.buffer(toJson(event)))
        .onComplete(
            result -> {
              if (result.failed()) {
                failedAttempts.incrementAndGet();
                LOG.debug("events receiver {} unreachable: {}", url, result.cause().toString());
                done.complete();
                return;
              }
              int status = result.result().statusCode();
              if (status / 100 == 2) {
                delivered.incrementAndGet();
                removeHead(event);
              } else if (retryable(status)) {
                failedAttempts.incrementAndGet();
                done.complete();
                return;
              } else {
                rejected.incrementAndGet();
                removeHead(event);
                LOG.warn(
                    "events receiver rejected {} {} with {}: {}",
                    event.type(),
                    event.id(),
                    status,
                    result.result().bodyAsString());
              }
              sendNext(budget - 1).onComplete(x -> done.complete());
            });
    return done.future();
  }

  /**
   * 5xx and 429/408 are transient. 401/403 mean a wrong token: retrying keeps the events until
   * the configuration is fixed, instead of discarding all of them as rejected.
   */
  static boolean retryable(int status) {
    return status >= 500 || status == 429 || status == 408 || status == 401 || status == 403;
  }

  /** The events API's JSON shape: id, type, tenant, time (ISO-8601 UTC), attributes. */
  public static String toJson(SimEvent event) {
    var map = new LinkedHashMap<String, Object>();
    map.put("id", event.id());
    map.put("type", event.type());
    map.put("tenant", event.tenant());
    map.put("time", event.time().toString());
    map.put("attributes", event.attributes());
    try {
      return JSON.writeValueAsString(map);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("event " + event.id() + " is not serialisable", e);
    }
  }

  private static String requireUrl(String url) {
    Objects.requireNonNull(url, "events URL must not be null");
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw new IllegalArgumentException("events URL must start with http:// or https://: " + url);
    }
    return url;
  }
}
