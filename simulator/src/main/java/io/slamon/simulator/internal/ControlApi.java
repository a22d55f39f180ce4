package io.slamon.simulator.internal;

import io.slamon.simulator.ActiveFault;
import io.slamon.simulator.Fault;
import io.slamon.simulator.FaultType;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.time.InstantSource;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The fault-injection HTTP API: {@code POST /faults} (201 + id), {@code GET /faults}, {@code
 * DELETE /faults/{id}}. Bad requests get 400 with {@code {"error": "..."}}.
 */
public final class ControlApi {
  private static final Set<String> FIELDS = Set.of("type", "target", "durationSeconds");
  private static final long MAX_BODY_BYTES = 16 * 1024;

  private final FleetState state;
  private final InstantSource clock;

  public ControlApi(FleetState state, InstantSource clock) {
    this.state = state;
    this.clock = clock;
  }

  public Future<HttpServer> listen(Vertx vertx, int port) {
    Router router = Router.router(vertx);
    router.route("/faults*").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES));
    router.post("/faults").handler(this::inject);
    router.get("/faults").handler(this::list);
    router.delete("/faults/:id").handler(this::clear);
    return vertx.createHttpServer(MetricsServers.http1Only()).requestHandler(router).listen(port, "127.0.0.1");
  }

  private void inject(RoutingContext ctx) {
    Fault fault;
    try {
      fault = parse(ctx);
    } catch (IllegalArgumentException e) {
      error(ctx, 400, e.getMessage());
      return;
    }
    ActiveFault active;
    try {
      active = state.inject(fault, clock.instant());
    } catch (IllegalArgumentException e) {
      error(ctx, 400, e.getMessage());
      return;
    }
    ctx.response()
        .setStatusCode(201)
        .putHeader("content-type", "application/json")
        .putHeader("location", "/faults/" + active.id())
        .end(toJson(active).encode());
  }

  private void list(RoutingContext ctx) {
    var array = new JsonArray();
    state.activeFaults(clock.instant()).forEach(f -> array.add(toJson(f)));
    ctx.response().putHeader("content-type", "application/json").end(array.encode());
  }

  private void clear(RoutingContext ctx) {
    try {
      state.clear(ctx.pathParam("id"), clock.instant());
      ctx.response().setStatusCode(204).end();
    } catch (NoSuchElementException e) {
      error(ctx, 404, e.getMessage());
    }
  }

  static Fault parse(RoutingContext ctx) {
    String raw = ctx.body().asString();
    if (raw == null || raw.isBlank()) {
      throw new IllegalArgumentException(
          "request body must be JSON like {\"type\": \"gpu-xid\", \"target\": \"gpu-node-01/0\","
              + " \"durationSeconds\": 120}");
    }
    JsonObject json;
    try {
      json = new JsonObject(raw);
    } catch (DecodeException | ClassCastException e) {
      throw new IllegalArgumentException("request body is not a JSON object: " + e.getMessage());
    }
    for (String key : json.fieldNames()) {
      if (!FIELDS.contains(key)) {
        throw new IllegalArgumentException(
            "unknown field '" + key + "'; allowed: type, target, durationSeconds");
      }
    }
    Object type = json.getValue("type");
    if (!(type instanceof String typeName)) {
      throw new IllegalArgumentException(
          "field 'type' (string) is required; valid types: " + validTypes());
    }
    Object target = json.getValue("target");
    if (!(target instanceof String targetName) || targetName.isBlank()) {
      throw new IllegalArgumentException("field 'target' (non-empty string) is required");
    }
    Object seconds = json.getValue("durationSeconds");
    if (!(seconds instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw new IllegalArgumentException("field 'durationSeconds' (whole number) is required");
    }
    if (n.longValue() <= 0) {
      throw new IllegalArgumentException("durationSeconds must be > 0, got " + n);
    }
    return new Fault(FaultType.fromWireName(typeName), targetName, Duration.ofSeconds(n.longValue()));
  }

  private static String validTypes() {
    var names = new StringBuilder();
    for (FaultType t : FaultType.values()) {
      names.append(names.isEmpty() ? "" : ", ").append(t.wireName());
    }
    return names.toString();
  }

  static JsonObject toJson(ActiveFault f) {
    return new JsonObject()
        .put("id", f.id())
        .put("type", f.fault().type().wireName())
        .put("target", f.fault().target())
        .put("durationSeconds", f.fault().duration().toSeconds())
        .put("since", f.since().toString())
        .put("until", f.until().toString());
  }

  private static void error(RoutingContext ctx, int status, String message) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("content-type", "application/json")
        .end(new JsonObject().put("error", message).encode());
  }
}
