package io.slamon.simulator;

import io.slamon.simulator.internal.ScalePage;
import io.slamon.simulator.internal.ScaleServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The benchmark fleet: many dcgm-exporter-like {@code /metrics} endpoints with many series each
 * ({@link ScaleSpec}), cheap enough to serve 100 targets × 10 000 series per second from the
 * same machine that runs the scraper under test. Pages are rendered once and only their values
 * change each interval (see {@link ScalePage}). No faults, no events, no vLLM pages.
 */
public final class ScaleFleet implements AutoCloseable {
  private final ScaleSpec spec;
  private final List<HttpServer> servers;

  private ScaleFleet(ScaleSpec spec, List<HttpServer> servers) {
    this.spec = spec;
    this.servers = servers;
  }

  /**
   * Renders every page and starts one server per target on 127.0.0.1; returns once all listen.
   * Values change at {@code clock} multiples of the interval since this call.
   */
  public static ScaleFleet start(Vertx vertx, ScaleSpec spec, InstantSource clock) {
    long start = clock.millis();
    var futures = new ArrayList<Future<HttpServer>>();
    for (int t = 0; t < spec.targets(); t++) {
      var server = new ScaleServer(new ScalePage(spec.seed(), t, spec.seriesPerTarget()), clock, start,
          spec.interval().toMillis());
      futures.add(server.listen(vertx, spec.firstPort() == 0 ? 0 : spec.firstPort() + t));
    }
    try {
      Future.join(futures).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      futures.stream().filter(Future::succeeded).forEach(f -> f.result().close());
      String failed = futures.stream().filter(Future::failed).findFirst().map(f -> f.cause().toString()).orElse(e.toString());
      throw new IllegalStateException("scale simulator could not listen on all " + spec.targets() + " ports"
          + (spec.firstPort() == 0 ? "" : " from " + spec.firstPort()) + ": " + failed, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the scale simulator", e);
    }
    return new ScaleFleet(spec, futures.stream().map(Future::result).toList());
  }

  /** Scrape targets, {@code 127.0.0.1:port}, target 0 first. */
  public List<String> targets() {
    return servers.stream().map(s -> "127.0.0.1:" + s.actualPort()).toList();
  }

  public ScaleSpec spec() {
    return spec;
  }

  @Override
  public void close() {
    try {
      Future.join(servers.stream().map(HttpServer::close).toList())
          .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // best effort; the ports go with the Vert.x instance at the latest
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
