package io.slamon.alerts;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A webhook receiver as a customer would write one: a real HTTP server on 127.0.0.1 that verifies
 * every signature ({@link WebhookVerifier}), refuses bad ones with 401, and processes each event id
 * once (later requests with the same id are acknowledged but not processed again).
 */
final class TestReceiver implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final WebhookVerifier verifier;
  /** Status codes to answer next, one per request; when empty the receiver accepts (200). */
  final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();
  /** Requests per event id as they came over the wire (retries and resends included). */
  final Map<String, Integer> wire = new ConcurrentHashMap<>();
  /** Event ids processed (accepted the first time), in order. */
  final List<String> processed = new CopyOnWriteArrayList<>();
  /** Bodies of processed events. */
  final List<String> bodies = new CopyOnWriteArrayList<>();
  final List<String> refusals = new CopyOnWriteArrayList<>();
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  TestReceiver(String secret, InstantSource clock) throws IOException {
    this.verifier = secret == null ? null : new WebhookVerifier(secret, clock);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(executor);
    server.createContext("/hook", this::receive);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  private void receive(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String eventId = exchange.getRequestHeaders().getFirst(WebhookSigner.EVENT_ID_HEADER);
    int status = 200;
    if (verifier != null) {
      try {
        verifier.verify(exchange.getRequestHeaders().getFirst(WebhookSigner.SIGNATURE_HEADER), body);
      } catch (WebhookVerifier.VerificationException e) {
        refusals.add(e.getMessage());
        status = 401;
      }
    }
    if (status == 200) {
      wire.merge(eventId, 1, Integer::sum);
      Integer scripted = script.poll();
      status = scripted == null ? 200 : scripted;
      if (status == 200 && seen.add(eventId)) {
        processed.add(eventId);
        bodies.add(new String(body, StandardCharsets.UTF_8));
      }
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
