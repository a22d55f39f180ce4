package io.slamon.collector.events;

import io.slamon.collector.BearerAuth;
import io.slamon.collector.CollectorMetrics;
import io.slamon.collector.EventSources;
import io.slamon.store.Event;
import io.slamon.store.EventStore;
import io.slamon.store.StoreException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/events}: one event object or a JSON array of them, authenticated by a
 * bearer token that names the source. Validation is {@link EventValidator}; storing runs on a
 * worker thread because {@link EventStore} blocks. See docs/events.md for the reference.
 */
public final class EventsApi {
  public static final String PATH = "/api/v1/events";
  /** Events per request; larger batches should be split (the body limit applies as well). */
  public static final int MAX_EVENTS_PER_REQUEST = 1000;
  private static final Logger LOG = LoggerFactory.getLogger(EventsApi.class);
  private static final String SOURCE = "slamon.source";

  private final Vertx vertx;
  private final EventStore store;
  private final EventSources sources;
  private final EventValidator validator;
  private final CollectorMetrics metrics;
  private final long maxBodyBytes;

  public EventsApi(Vertx vertx, EventStore store, EventSources sources, EventValidator validator,
      CollectorMetrics metrics, long maxBodyBytes) {
    this.vertx = vertx;
    this.store = store;
    this.sources = sources;
    this.validator = validator;
    this.metrics = metrics;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Adds the route to {@code router}. */
  public void mount(Router router) {
    router.post(PATH)
        // Vert.x Web requires the body handler first; the body limit bounds what an
        // unauthenticated client can make us buffer.
        .handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes))
        .handler(new BearerAuth(sources, "slamon events", SOURCE,
            (ctx, why) -> reject(ctx, new Rejection(401, why, null))))
        .handler(this::checkContentType)
        .handler(this::handle)
        .failureHandler(this::failure);
  }

  private void checkContentType(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (type != null && !type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
      reject(ctx, new Rejection(415, "Content-Type must be application/json, got " + type, null));
      return;
    }
    ctx.next();
  }

  private void failure(RoutingContext ctx) {
    if (ctx.statusCode() == 413) {
      reject(ctx, new Rejection(413, "request body larger than " + maxBodyBytes + " bytes; send fewer events per "
          + "request", null));
    } else {
      LOG.error("events request failed", ctx.failure());
      respond(ctx, 500, new JsonObject().put("error", "internal error").putNull("field"));
    }
  }

  private void handle(RoutingContext ctx) {
    String source = ctx.get(SOURCE);
    Buffer body = ctx.body().buffer();
    Object parsed;
    try {
      parsed = body == null || body.length() == 0 ? null : Json.decodeValue(body);
    } catch (DecodeException e) {
      reject(ctx, new Rejection(400, "body is not valid JSON: " + firstLine(e.getMessage()), null));
      return;
    }
    if (parsed instanceof JsonObject single) {
      EventValidator.Result r = validator.validate(single.getMap(), source);
      if (!r.valid()) {
        reject(ctx, r.rejection());
        return;
      }
      store(List.of(r.event())).onComplete(ar -> {
        if (ar.failed()) {
          storeFailed(ctx, ar.cause());
          return;
        }
        boolean stored = ar.result().get(0);
        metrics.eventAccepted(r.event().type(), !stored);
        respond(ctx, stored ? 201 : 200, accepted(r.event(), stored));
      });
    } else if (parsed instanceof JsonArray array) {
      handleArray(ctx, array, source);
    } else {
      reject(ctx, new Rejection(400, "body must be one event object or a JSON array of event objects", null));
    }
  }

  private void handleArray(RoutingContext ctx, JsonArray array, String source) {
    if (array.isEmpty()) {
      reject(ctx, new Rejection(400, "the event array is empty", null));
      return;
    }
    if (array.size() > MAX_EVENTS_PER_REQUEST) {
      reject(ctx, new Rejection(400, "at most " + MAX_EVENTS_PER_REQUEST + " events per request, got "
          + array.size(), null));
      return;
    }
    List<EventValidator.Result> results = new ArrayList<>();
    List<Event> valid = new ArrayList<>();
    for (Object item : array.getList()) {
      Map<String, ?> map = item instanceof JsonObject jo ? jo.getMap() : item instanceof Map<?, ?> m ? asMap(m) : null;
      EventValidator.Result r = map == null
          ? new EventValidator.Result(null, new Rejection(EventValidator.INVALID, "array element is not an event object",
              null))
          : validator.validate(map, source);
      results.add(r);
      if (r.valid()) {
        valid.add(r.event());
      }
    }
    store(valid).onComplete(ar -> {
      if (ar.failed()) {
        storeFailed(ctx, ar.cause());
        return;
      }
      JsonArray out = new JsonArray();
      int next = 0;
      int stored = 0;
      int duplicates = 0;
      int rejected = 0;
      for (int i = 0; i < results.size(); i++) {
        EventValidator.Result r = results.get(i);
        JsonObject item;
        if (r.valid()) {
          boolean isNew = ar.result().get(next++);
          metrics.eventAccepted(r.event().type(), !isNew);
          item = accepted(r.event(), isNew).put("status", isNew ? 201 : 200);
          if (isNew) {
            stored++;
          } else {
            duplicates++;
          }
        } else {
          metrics.eventRejected(r.rejection().status());
          rejected++;
          item = errorJson(r.rejection()).put("status", r.rejection().status());
        }
        out.add(item.put("index", i));
      }
      int status = rejected == 0 ? (stored > 0 ? 201 : 200) : (rejected == results.size() ? 422 : 207);
      respond(ctx, status, new JsonObject().put("stored", stored).put("duplicates", duplicates)
          .put("rejected", rejected).put("results", out));
    });
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> asMap(Map<?, ?> m) {
    return (Map<String, ?>) m;
  }

  /** Appends in order on a worker thread; true per event when newly stored, false for a duplicate id. */
  private Future<List<Boolean>> store(List<Event> events) {
    return vertx.executeBlocking(() -> {
      List<Boolean> stored = new ArrayList<>(events.size());
      for (Event e : events) {
        stored.add(store.append(e));
      }
      return stored;
    }, true);
  }

  private void storeFailed(RoutingContext ctx, Throwable cause) {
    if (cause instanceof StoreException) {
      LOG.warn("event store unavailable: {}", cause.getMessage());
      ctx.response().putHeader("Retry-After", "5");
      // Events are idempotent by id, so retrying the whole request is always safe.
      reject(ctx, new Rejection(503, "event store unavailable; retry the request later (ids make it safe)", null));
    } else {
      ctx.fail(cause);
    }
  }

  private static JsonObject accepted(Event e, boolean stored) {
    return new JsonObject().put("id", e.id()).put("stored", stored).put("duplicate", !stored);
  }

  private void reject(RoutingContext ctx, Rejection r) {
    metrics.eventRejected(r.status());
    respond(ctx, r.status(), errorJson(r));
  }

  private static JsonObject errorJson(Rejection r) {
    return new JsonObject().put("error", r.error()).put("field", r.field());
  }

  private static void respond(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
