package io.slamon.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slamon.alerts.Notification.Kind;
import io.slamon.alerts.Notification.Status;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookPayloadsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static final Notification FIRING = new Notification(
      "evt-7f3a",
      Kind.ESCALATION,
      Status.FIRING,
      "DSGVO Art. 33 notification due in 6 h",
      Map.of("tenant", "hanse-bank", "severity", "page", "alertname", "RegulatoryDeadline"),
      Map.of("description", "Incident INC-42 is classified as a personal-data breach."),
      Instant.parse("2026-03-02T08:15:00Z"),
      null,
      "INC-42",
      "dsgvo",
      URI.create("https://slamon.example/d/tenant?var-tenant=hanse-bank"),
      URI.create("https://runbooks.example/dsgvo-art-33"));

  static final Notification RESOLVED = new Notification(
      "evt-9", Kind.ALERT, Status.RESOLVED, "TTFT p95 < 500 ms <breached> & recovered",
      Map.of("alertname", "SloBurnRate"), Map.of(),
      Instant.parse("2026-03-02T08:00:00Z"), Instant.parse("2026-03-02T08:30:00Z"),
      null, null, null, null);

  @Test
  void theGenericPayloadCarriesEveryFieldWithLabelsSortedAndIsByteStable() throws Exception {
    String expected = """
        {"schemaVersion":"1","eventId":"evt-7f3a","kind":"escalation","status":"firing",\
        "title":"DSGVO Art. 33 notification due in 6 h",\
        "labels":{"alertname":"RegulatoryDeadline","severity":"page","tenant":"hanse-bank"},\
        "annotations":{"description":"Incident INC-42 is classified as a personal-data breach."},\
        "startsAt":"2026-03-02T08:15:00Z","incidentId":"INC-42","regime":"dsgvo",\
        "dashboardUrl":"https://slamon.example/d/tenant?var-tenant=hanse-bank",\
        "runbookUrl":"https://runbooks.example/dsgvo-art-33"}""";
    // Exact bytes, not just equal JSON: these bytes are what gets signed.
    assertThat(new String(WebhookPayloads.bytes(WebhookPayloads.generic(FIRING)), StandardCharsets.UTF_8)).isEqualTo(expected);
  }

  @Test
  void theGenericPayloadOmitsAbsentFieldsAndCarriesEndsAtWhenResolved() throws Exception {
    assertThat(WebhookPayloads.generic(RESOLVED)).isEqualTo(JSON.readTree("""
        {"schemaVersion":"1","eventId":"evt-9","kind":"alert","status":"resolved",
         "title":"TTFT p95 < 500 ms <breached> & recovered",
         "labels":{"alertname":"SloBurnRate"},"annotations":{},
         "startsAt":"2026-03-02T08:00:00Z","endsAt":"2026-03-02T08:30:00Z"}"""));
  }

  @Test
  void slackGetsFallbackTextHeaderDescriptionFactsButtonsAndContext() throws Exception {
    JsonNode expected = JSON.readTree("""
        {"text":"[FIRING] DSGVO Art. 33 notification due in 6 h",
         "blocks":[
          {"type":"header","text":{"type":"plain_text","text":"[FIRING] DSGVO Art. 33 notification due in 6 h"}},
          {"type":"section","text":{"type":"mrkdwn","text":"Incident INC-42 is classified as a personal-data breach."}},
          {"type":"section","fields":[
            {"type":"mrkdwn","text":"*Status*\\nfiring"},
            {"type":"mrkdwn","text":"*Incident*\\nINC-42"},
            {"type":"mrkdwn","text":"*Regime*\\ndsgvo"},
            {"type":"mrkdwn","text":"*Started*\\n2026-03-02T08:15:00Z"},
            {"type":"mrkdwn","text":"*alertname*\\nRegulatoryDeadline"},
            {"type":"mrkdwn","text":"*severity*\\npage"},
            {"type":"mrkdwn","text":"*tenant*\\nhanse-bank"}]},
          {"type":"actions","elements":[
            {"type":"button","text":{"type":"plain_text","text":"Dashboard"},"url":"https://slamon.example/d/tenant?var-tenant=hanse-bank"},
            {"type":"button","text":{"type":"plain_text","text":"Runbook"},"url":"https://runbooks.example/dsgvo-art-33"}]},
          {"type":"context","elements":[{"type":"mrkdwn","text":"slamon escalation · event evt-7f3a"}]}]}""");
    assertThat(WebhookPayloads.slack(FIRING)).isEqualTo(expected);
  }

  @Test
  void slackEscapesItsControlCharactersInMrkdwnAndLeavesOutEmptyBlocks() throws Exception {
    JsonNode slack = WebhookPayloads.slack(RESOLVED);
    assertThat(slack.get("text").asText()).isEqualTo("[RESOLVED] TTFT p95 &lt; 500 ms &lt;breached&gt; &amp; recovered");
    // No description section and no actions block: there is nothing to put in them.
    assertThat(slack.get("blocks")).extracting(b -> b.get("type").asText()).containsExactly("header", "section", "context");
    assertThat(slack.at("/blocks/1/fields")).extracting(f -> f.get("text").asText())
        .containsExactly("*Status*\nresolved", "*Started*\n2026-03-02T08:00:00Z", "*Ended*\n2026-03-02T08:30:00Z", "*alertname*\nSloBurnRate");
  }

  @Test
  void slackKeepsWithinItsBlockLimits() {
    var labels = new java.util.HashMap<String, String>();
    for (int i = 0; i < 20; i++) {
      labels.put("l" + i, "v");
    }
    labels.put("alertname", "x");
    var n = new Notification("e", Kind.ALERT, Status.FIRING, "t".repeat(400), labels, Map.of(),
        Instant.EPOCH, null, null, null, null, null);
    JsonNode blocks = WebhookPayloads.slack(n).get("blocks");
    assertThat(blocks.get(0).at("/text/text").asText()).hasSize(150).endsWith("…");
    assertThat(blocks.get(1).get("fields")).hasSize(10);
  }

  @Test
  void teamsGetsAMessageWithOneAdaptiveCardAttachment() throws Exception {
    JsonNode expected = JSON.readTree("""
        {"type":"message","attachments":[{
          "contentType":"application/vnd.microsoft.card.adaptive","contentUrl":null,
          "content":{
            "$schema":"http://adaptivecards.io/schemas/adaptive-card.json","type":"AdaptiveCard","version":"1.4",
            "body":[
              {"type":"TextBlock","text":"[FIRING] DSGVO Art. 33 notification due in 6 h","size":"Large","weight":"Bolder","color":"Attention","wrap":true},
              {"type":"TextBlock","text":"Incident INC-42 is classified as a personal-data breach.","wrap":true},
              {"type":"FactSet","facts":[
                {"title":"Status","value":"firing"},
                {"title":"Incident","value":"INC-42"},
                {"title":"Regime","value":"dsgvo"},
                {"title":"Started","value":"2026-03-02T08:15:00Z"},
                {"title":"alertname","value":"RegulatoryDeadline"},
                {"title":"severity","value":"page"},
                {"title":"tenant","value":"hanse-bank"}]}],
            "actions":[
              {"type":"Action.OpenUrl","title":"Dashboard","url":"https://slamon.example/d/tenant?var-tenant=hanse-bank"},
              {"type":"Action.OpenUrl","title":"Runbook","url":"https://runbooks.example/dsgvo-art-33"}]}}]}""");
    assertThat(WebhookPayloads.teams(FIRING)).isEqualTo(expected);
  }

  @Test
  void aResolvedTeamsCardIsGreenShowsWhenItEndedAndHasNoEmptyActions() {
    JsonNode card = WebhookPayloads.teams(RESOLVED).at("/attachments/0/content");
    assertThat(card.at("/body/0/color").asText()).isEqualTo("Good");
    assertThat(card.at("/body/1/facts").findValuesAsText("title")).containsExactly("Status", "Started", "Ended", "alertname");
    assertThat(card.has("actions")).isFalse();
  }
}
