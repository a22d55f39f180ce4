package io.slamon.simulator;

import io.slamon.simulator.internal.ControlApi;
import io.slamon.simulator.internal.FleetState;
import io.slamon.simulator.internal.MetricsServers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A running simulated fleet: one dcgm-exporter port per GPU node, one vLLM port per server, a
 * fault-control port, and any number of event pushers. Simulated time follows the injected clock.
 */
public final class Fleet implements AutoCloseable {
  private static final long START_TIMEOUT_SECONDS = 30;

  private final Vertx vertx;
  private final FleetState state;
  private final InstantSource clock;
  private final List<HttpServer> gpuServers;
  private final List<HttpServer> vllmServers;
  private final HttpServer control;
  private final List<EventPusher> pushers = new CopyOnWriteArrayList<>();

  private Fleet(
      Vertx vertx,
      FleetState state,
      InstantSource clock,
      List<HttpServer> gpuServers,
      List<HttpServer> vllmServers,
      HttpServer control) {
    this.vertx = vertx;
    this.state = state;
    this.clock = clock;
    this.gpuServers = gpuServers;
    this.vllmServers = vllmServers;
    this.control = control;
  }

  /**
   * Starts every server on 127.0.0.1 and returns once all listen. Port 0 (in the spec or as {@code
   * controlPort}) takes an ephemeral port. If any port is taken, the servers already started are
   * closed again and an {@link IllegalStateException} names the cause.
   */
  public static Fleet start(Vertx vertx, FleetSpec spec, InstantSource clock, int controlPort) {
    FleetSpec.requirePort(controlPort, "controlPort");
    var state = new FleetState(spec, clock.instant());
    var gpuFutures = new ArrayList<Future<HttpServer>>();
    for (int i = 0; i < spec.gpuNodes().size(); i++) {
      gpuFutures.add(MetricsServers.dcgm(vertx, state, clock, i, spec.gpuNodes().get(i).port()));
    }
    var vllmFutures = new ArrayList<Future<HttpServer>>();
    for (int i = 0; i < spec.vllmServers().size(); i++) {
      vllmFutures.add(
          MetricsServers.vllm(vertx, state, clock, i, spec.vllmServers().get(i).port()));
    }
    Future<HttpServer> controlFuture = new ControlApi(state, clock).listen(vertx, controlPort);
    var all = new ArrayList<Future<?>>(gpuFutures);
    all.addAll(vllmFutures);
    all.add(controlFuture);
    try {
      Future.join(all).toCompletionStage().toCompletableFuture()
          .get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      closeStarted(all);
      List<Integer> ports = new ArrayList<>();
      spec.gpuNodes().forEach(n -> ports.add(n.port()));
      spec.vllmServers().forEach(v -> ports.add(v.port()));
      List<String> failed = new ArrayList<>();
      for (int i = 0; i < ports.size(); i++) {
        if (all.get(i).failed()) {
          failed.add("127.0.0.1:" + ports.get(i));
        }
      }
      throw new IllegalStateException("simulator could not listen on all ports"
          + (failed.isEmpty() ? "" : " (" + String.join(", ", failed) + " in use: is another slamon demo or simulator running?)")
          + ": " + cause(all, e), e);
    } catch (InterruptedException e) {
      closeStarted(all);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the simulator", e);
    }
    return new Fleet(
        vertx,
        state,
        clock,
        gpuFutures.stream().map(Future::result).toList(),
        vllmFutures.stream().map(Future::result).toList(),
        controlFuture.result());
  }

  /** dcgm-exporter scrape targets, {@code 127.0.0.1:port}, in spec order. */
  public List<String> gpuTargets() {
    return gpuServers.stream().map(s -> "127.0.0.1:" + s.actualPort()).toList();
  }

  /** vLLM scrape targets, {@code 127.0.0.1:port}, in spec order. */
  public List<String> vllmTargets() {
    return vllmServers.stream().map(s -> "127.0.0.1:" + s.actualPort()).toList();
  }

  public int controlPort() {
    return control.actualPort();
  }

  public FleetSpec spec() {
    return state.spec();
  }

  /** Injects a fault from now on; returns its id. Unknown targets throw IllegalArgumentException. */
  public String inject(Fault fault) {
    return state.inject(fault, clock.instant()).id();
  }

  /** Clears an active fault; unknown ids throw {@link java.util.NoSuchElementException}. */
  public void clear(String faultId) {
    state.clear(faultId, clock.instant());
  }

  public List<ActiveFault> activeFaults() {
    return state.activeFaults(clock.instant());
  }

  /**
   * Starts pushing events to {@code eventsUrl} every {@code every}. Events produced since the fleet
   * started are pushed first. Close the pusher (or the fleet) to stop.
   */
  public EventPusher startPushing(String eventsUrl, String token, Duration every) {
    var pusher = new EventPusher(vertx, state, clock, eventsUrl, token, every);
    pushers.add(pusher);
    return pusher;
  }

  FleetState state() {
    return state;
  }

  /** Stops pushers and servers (not the Vert.x instance, which the caller owns). */
  @Override
  public void close() {
    pushers.forEach(EventPusher::close);
    var closing = new ArrayList<Future<?>>();
    gpuServers.forEach(s -> closing.add(s.close()));
    vllmServers.forEach(s -> closing.add(s.close()));
    closing.add(control.close());
    try {
      Future.join(closing).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // Closing is best effort; the ports are released with the Vert.x instance at the latest.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeStarted(List<Future<?>> all) {
    for (Future<?> f : all) {
      if (f.succeeded() && f.result() instanceof HttpServer server) {
        server.close();
      }
    }
  }

  private static String cause(List<Future<?>> all, Exception e) {
    for (Future<?> f : all) {
      if (f.failed()) {
        return f.cause().toString();
      }
    }
    return e.toString();
  }
}
