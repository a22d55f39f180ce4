package io.slamon.simulator.internal;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Function;

/** Starts the per-node and per-server {@code /metrics} HTTP servers, one port each. */
public final class MetricsServers {
  static final String DCGM_CONTENT_TYPE = "text/plain; charset=utf-8";
  static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private MetricsServers() {}

  public static Future<HttpServer> dcgm(
      Vertx vertx, FleetState state, InstantSource clock, int node, int port) {
    return serve(
        vertx, port, DCGM_CONTENT_TYPE, r -> Optional.of(state.dcgmMetrics(node, clock.instant())));
  }

  public static Future<HttpServer> vllm(
      Vertx vertx, FleetState state, InstantSource clock, int server, int port) {
    return serve(vertx, port, PROMETHEUS_CONTENT_TYPE, r -> state.vllmMetrics(server, clock.instant()));
  }

  /**
   * dcgm-exporter (Go net/http) and vLLM (uvicorn) speak HTTP/1.1 only, so the simulator ignores
   * h2c upgrade requests, as they do. (Vert.x 5.0.5 also stalled answering java.net.http's h2c
   * upgrade on GET.)
   */
  static HttpServerOptions http1Only() {
    return new HttpServerOptions().setHttp2ClearTextEnabled(false);
  }

  private static Future<HttpServer> serve(
      Vertx vertx,
      int port,
      String contentType,
      Function<HttpServerRequest, Optional<String>> body) {
    return vertx
        .createHttpServer(http1Only())
        .requestHandler(
            request -> {
              if (!"/metrics".equals(request.path())) {
                request.response().setStatusCode(404).end("not found: only /metrics is served\n");
                return;
              }
              Optional<String> text = body.apply(request);
              if (text.isEmpty()) {
                // endpoint-down fault: the scrape fails like an unhealthy upstream would.
                request.response().setStatusCode(503).end("Service Unavailable\n");
                return;
              }
              request.response().putHeader("content-type", contentType).end(text.get());
            })
        .listen(port, "127.0.0.1");
  }
}
