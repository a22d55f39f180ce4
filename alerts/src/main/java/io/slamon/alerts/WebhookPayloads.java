package io.slamon.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders a {@link Notification} into the JSON a receiver expects: slamon's own generic shape, a
 * Slack incoming-webhook message, or a Microsoft Teams message carrying an Adaptive Card. Pure
 * functions: the same notification always gives the same bytes, which is what gets signed.
 */
public final class WebhookPayloads {
  /** Version of the generic shape; raised only on incompatible changes. */
  public static final String SCHEMA_VERSION = "1";

  // Slack refuses header blocks over 150 characters and section fields over 2,000; Teams has no
  // such hard limit, but the same cut keeps cards readable.
  private static final int SLACK_HEADER_MAX = 150;
  private static final int SLACK_FIELD_MAX = 2000;
  private static final int SLACK_MAX_FIELDS = 10;

  private static final ObjectMapper JSON = new ObjectMapper();

  private WebhookPayloads() {}

  /** slamon's generic webhook JSON (documented in docs/alerts.md). Absent values are omitted. */
  public static ObjectNode generic(Notification n) {
    ObjectNode o = JSON.createObjectNode();
    o.put("schemaVersion", SCHEMA_VERSION);
    o.put("eventId", n.eventId());
    o.put("kind", n.kind().wireName());
    o.put("status", n.status().wireName());
    o.put("title", n.title());
    o.set("labels", JSON.valueToTree(n.labels()));
    o.set("annotations", JSON.valueToTree(n.annotations()));
    o.put("startsAt", n.startsAt().toString());
    putIfPresent(o, "endsAt", n.endsAt());
    putIfPresent(o, "incidentId", n.incidentId());
    putIfPresent(o, "regime", n.regime());
    putIfPresent(o, "dashboardUrl", n.dashboardUrl());
    putIfPresent(o, "runbookUrl", n.runbookUrl());
    return o;
  }

  /** A Slack incoming-webhook message: {@code text} as the notification fallback plus Block Kit {@code blocks}. */
  public static ObjectNode slack(Notification n) {
    ObjectNode o = JSON.createObjectNode();
    o.put("text", slackEscape(headline(n)));
    ArrayNode blocks = o.putArray("blocks");

    ObjectNode header = blocks.addObject().put("type", "header");
    header.putObject("text").put("type", "plain_text").put("text", truncate(headline(n), SLACK_HEADER_MAX));

    String description = n.annotations().get("description");
    if (description != null && !description.isBlank()) {
      ObjectNode section = blocks.addObject().put("type", "section");
      section.putObject("text").put("type", "mrkdwn").put("text", truncate(slackEscape(description), SLACK_FIELD_MAX));
    }

    ArrayNode fields = JSON.createArrayNode();
    for (Map.Entry<String, String> fact : facts(n).entrySet()) {
      if (fields.size() == SLACK_MAX_FIELDS) {
        break;
      }
      fields.addObject().put("type", "mrkdwn")
          .put("text", truncate("*" + slackEscape(fact.getKey()) + "*\n" + slackEscape(fact.getValue()), SLACK_FIELD_MAX));
    }
    blocks.addObject().put("type", "section").set("fields", fields);

    ArrayNode buttons = JSON.createArrayNode();
    link(n.dashboardUrl(), "Dashboard").forEach((label, url) -> {
      ObjectNode b = buttons.addObject().put("type", "button");
      b.putObject("text").put("type", "plain_text").put("text", label);
      b.put("url", url);
    });
    link(n.runbookUrl(), "Runbook").forEach((label, url) -> {
      ObjectNode b = buttons.addObject().put("type", "button");
      b.putObject("text").put("type", "plain_text").put("text", label);
      b.put("url", url);
    });
    if (!buttons.isEmpty()) {
      blocks.addObject().put("type", "actions").set("elements", buttons);
    }

    blocks.addObject().put("type", "context").putArray("elements").addObject()
        .put("type", "mrkdwn").put("text", "slamon " + n.kind().wireName() + " · event " + slackEscape(n.eventId()));
    return o;
  }

  /**
   * A Microsoft Teams message as Teams Workflows ("When a Teams webhook request is received") and
   * the older incoming-webhook connectors accept it: {@code type: message} with one attachment of
   * content type {@code application/vnd.microsoft.card.adaptive} holding an Adaptive Card 1.4.
   */
  public static ObjectNode teams(Notification n) {
    ObjectNode card = JSON.createObjectNode();
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
    card.put("type", "AdaptiveCard");
    card.put("version", "1.4");
    ArrayNode body = card.putArray("body");
    body.addObject().put("type", "TextBlock").put("text", headline(n)).put("size", "Large").put("weight", "Bolder")
        .put("color", n.status() == Notification.Status.FIRING ? "Attention" : "Good").put("wrap", true);
    String description = n.annotations().get("description");
    if (description != null && !description.isBlank()) {
      body.addObject().put("type", "TextBlock").put("text", description).put("wrap", true);
    }
    ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
    facts(n).forEach((title, value) -> facts.addObject().put("title", title).put("value", value));
    ArrayNode actions = JSON.createArrayNode();
    link(n.dashboardUrl(), "Dashboard").forEach((label, url) -> actions.addObject().put("type", "Action.OpenUrl").put("title", label).put("url", url));
    link(n.runbookUrl(), "Runbook").forEach((label, url) -> actions.addObject().put("type", "Action.OpenUrl").put("title", label).put("url", url));
    if (!actions.isEmpty()) {
      card.set("actions", actions);
    }

    ObjectNode message = JSON.createObjectNode();
    message.put("type", "message");
    ObjectNode attachment = message.putArray("attachments").addObject();
    attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
    attachment.putNull("contentUrl");
    attachment.set("content", card);
    return message;
  }

  /** The UTF-8 bytes to send (and to sign): compact JSON. */
  public static byte[] bytes(ObjectNode payload) {
    return payload.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** "[FIRING] title" — the status first, because it is what on-call reads in a notification preview. */
  static String headline(Notification n) {
    return "[" + n.status().name() + "] " + n.title();
  }

  /** The facts shown as name/value pairs, in a fixed order: status and context first, then the labels. */
  static Map<String, String> facts(Notification n) {
    var facts = new LinkedHashMap<String, String>();
    facts.put("Status", n.status().wireName());
    if (n.incidentId() != null) {
      facts.put("Incident", n.incidentId());
    }
    if (n.regime() != null) {
      facts.put("Regime", n.regime());
    }
    facts.put("Started", n.startsAt().toString());
    if (n.endsAt() != null) {
      facts.put("Ended", n.endsAt().toString());
    }
    n.labels().forEach((k, v) -> facts.putIfAbsent(k, v));
    return facts;
  }

  private static Map<String, String> link(URI url, String label) {
    return url == null ? Map.of() : Map.of(label, url.toString());
  }

  private static void putIfPresent(ObjectNode o, String field, Object value) {
    if (value != null) {
      o.put(field, value.toString());
    }
  }

  /** Slack treats &amp;, &lt; and &gt; as control characters in text; they must be sent as entities. */
  static String slackEscape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
