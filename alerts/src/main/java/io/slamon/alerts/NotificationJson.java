package io.slamon.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link Notification} as the outbox stores it: the generic webhook JSON, which carries every
 * field, so what is stored is exactly what a generic receiver gets.
 */
final class NotificationJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private NotificationJson() {}

  static String write(Notification n) {
    return WebhookPayloads.generic(n).toString();
  }

  static Notification read(String json) {
    try {
      JsonNode o = JSON.readTree(json);
      return new Notification(o.get("eventId").asText(),
          Notification.Kind.valueOf(o.get("kind").asText().toUpperCase(Locale.ROOT)),
          Notification.Status.valueOf(o.get("status").asText().toUpperCase(Locale.ROOT)),
          o.get("title").asText(), strings(o.get("labels")), strings(o.get("annotations")),
          Instant.parse(o.get("startsAt").asText()), instant(o, "endsAt"), text(o, "incidentId"), text(o, "regime"),
          uri(o, "dashboardUrl"), uri(o, "runbookUrl"));
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable notification in the outbox: " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode o, String field) {
    JsonNode n = o.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  private static Instant instant(JsonNode o, String field) {
    String s = text(o, field);
    return s == null ? null : Instant.parse(s);
  }

  private static URI uri(JsonNode o, String field) {
    String s = text(o, field);
    return s == null ? null : URI.create(s);
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node != null) {
      node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }
}
