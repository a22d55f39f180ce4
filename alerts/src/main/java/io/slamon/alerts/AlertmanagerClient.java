package io.slamon.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Talks to Alertmanager's HTTP API v2: {@code POST /api/v2/alerts} to fire and resolve,
 * {@code GET /api/v2/alerts} to read back what it holds. Blocking (java.net.http), so callers run it
 * off any event loop; the persistent outbox and retries sit above it.
 */
public final class AlertmanagerClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final HttpClient http;
  private final Duration timeout;

  public AlertmanagerClient(URI base, Duration timeout) {
    this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
    this.timeout = timeout;
    // HTTP/1.1: Alertmanager speaks it everywhere; no upgrade dance on every request.
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
  }

  /** An alert as Alertmanager reports it back: labels, annotations and its state. */
  public record ReceivedAlert(Map<String, String> labels, Map<String, String> annotations, String state, String fingerprint) {}

  /**
   * Sends the alerts in one request. Throws {@link DeliveryException} with Alertmanager's status
   * and answer when it refuses them, or the reason it could not be reached.
   */
  public void post(List<AlertmanagerAlert> alerts) {
    ArrayNode body = JSON.createArrayNode();
    for (AlertmanagerAlert a : alerts) {
      ObjectNode o = body.addObject();
      o.set("labels", JSON.valueToTree(a.labels().labels()));
      o.set("annotations", JSON.valueToTree(a.annotations()));
      o.put("startsAt", a.startsAt().toString());
      if (a.endsAt() != null) {
        o.put("endsAt", a.endsAt().toString());
      }
      if (a.generatorUrl() != null) {
        o.put("generatorURL", a.generatorUrl().toString());
      }
    }
    HttpRequest request = HttpRequest.newBuilder(base.resolve("api/v2/alerts"))
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
        .build();
    HttpResponse<String> response = send(request);
    if (response.statusCode() / 100 != 2) {
      throw new DeliveryException("Alertmanager at " + base + " refused " + alerts.size() + " alert(s): HTTP "
          + response.statusCode() + " " + response.body().strip(), response.statusCode());
    }
  }

  /** The alerts Alertmanager currently holds (active, silenced or inhibited; resolved ones are gone). */
  public List<ReceivedAlert> alerts() {
    HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("api/v2/alerts")).timeout(timeout).GET().build());
    if (response.statusCode() != 200) {
      throw new DeliveryException("Alertmanager at " + base + " answered HTTP " + response.statusCode() + " to GET /api/v2/alerts");
    }
    try {
      List<ReceivedAlert> result = new ArrayList<>();
      for (JsonNode a : JSON.readTree(response.body())) {
        result.add(new ReceivedAlert(strings(a.get("labels")), strings(a.get("annotations")),
            a.path("status").path("state").asText(), a.path("fingerprint").asText()));
      }
      return result;
    } catch (IOException e) {
      throw new DeliveryException("Alertmanager at " + base + " sent an unreadable alert list: " + e.getMessage(), e);
    }
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new DeliveryException("cannot reach Alertmanager at " + base + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryException("interrupted while talking to Alertmanager at " + base, e);
    }
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node != null) {
      node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }

  /** Delivery failed; the message says where and why. The caller keeps the alert for a retry. */
  public static final class DeliveryException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    DeliveryException(String message) {
      this(message, 0);
    }

    DeliveryException(String message, int status) {
      super(message);
      this.status = status;
    }

    DeliveryException(String message, Throwable cause) {
      super(message, cause);
      this.status = 0;
    }

    /** Alertmanager's HTTP status, or 0 when it did not answer. */
    public int status() {
      return status;
    }
  }
}
