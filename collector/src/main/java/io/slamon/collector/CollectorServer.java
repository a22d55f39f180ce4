package io.slamon.collector;

import io.slamon.collector.events.EventsApi;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.slamon.collector.otlp.OtlpReceiver;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BooleanSupplier;

/**
 * The collector's one HTTP server: the events API, the OTLP/HTTP metrics receiver, {@code /health} (the process is up),
 * {@code /ready} (the database check passes) and {@code /metrics} (own metrics, Prometheus
 * text).
 */
public final class CollectorServer {
  private final Vertx vertx;
  private final String host;
  private final int port;
  private final EventsApi events;
  private final BooleanSupplier ready;
  private final CollectorMetrics metrics;
  private final OtlpReceiver otlp;
  private HttpServer server;

  /**
   * @param ready the readiness check; may block (it runs on a worker thread), false or an
   *     exception means not ready
   */
  public CollectorServer(Vertx vertx, String host, int port, EventsApi events, BooleanSupplier ready,
      CollectorMetrics metrics) {
    this(vertx, host, port, events, null, ready, metrics);
  }

  /** @param otlp the OTLP/HTTP metrics receiver, or null for none */
  public CollectorServer(Vertx vertx, String host, int port, EventsApi events, OtlpReceiver otlp,
      BooleanSupplier ready, CollectorMetrics metrics) {
    this.otlp = otlp;
    this.vertx = vertx;
    this.host = host;
    this.port = port;
    this.events = events;
    this.ready = ready;
    this.metrics = metrics;
  }

  /** Binds and returns the actual port (useful with port 0). */
  public Future<Integer> start() {
    Router router = Router.router(vertx);
    events.mount(router);
    if (otlp != null) {
      otlp.mount(router);
    }
    router.get("/health").handler(ctx -> json(ctx, 200, new JsonObject().put("status", "up")));
    router.get("/ready").handler(this::ready);
    router.get("/metrics").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        .end(metrics.scrape()));
    // OTLP exporters gzip their bodies by default; the body limits apply to the decompressed bytes.
    server = vertx.createHttpServer(new HttpServerOptions().setDecompressionSupported(true));
    return server.requestHandler(router).listen(port, host).map(HttpServer::actualPort);
  }

  private void ready(RoutingContext ctx) {
    vertx.executeBlocking(ready::getAsBoolean, false).onComplete(ar -> {
      if (ar.succeeded() && ar.result()) {
        json(ctx, 200, new JsonObject().put("status", "ready"));
      } else {
        String why = ar.succeeded() ? "database check failed" : "database check failed: " + ar.cause().getMessage();
        json(ctx, 503, new JsonObject().put("status", "not ready").put("reason", why));
      }
    });
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }

  public Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
