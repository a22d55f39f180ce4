package io.slamon.app.web;

import static io.slamon.app.web.PortalFixture.A;
import static io.slamon.app.web.PortalFixture.A_TOKEN;
import static io.slamon.app.web.PortalFixture.B;
import static io.slamon.app.web.PortalFixture.ONCALL_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HTTP API with two tenants and an on-call token, against a real server and database. */
class PortalApiIT extends PortalTestBase {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(f.base + path)).timeout(Duration.ofSeconds(20));
    if (token != null) {
      r.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String token, String json) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(f.base + path)).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      r.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void requests_without_a_valid_bearer_token_get_401() throws Exception {
    var none = get("/api/v1/tenants/" + A + "/slo-status", null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(get("/api/v1/incidents", "not-a-token-at-all-123").statusCode()).isEqualTo(401);
    assertThat(post("/api/v1/incidents/" + f.incidentA + "/acknowledge", null, "{}").statusCode()).isEqualTo(401);
    assertThat(f.state(f.incidentA)).isEqualTo("open");
  }

  @Test
  void a_tenant_token_reads_its_own_slo_status() throws Exception {
    var r = get("/api/v1/tenants/" + A + "/slo-status", A_TOKEN);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject body = new JsonObject(r.body());
    assertThat(body.getString("tenant")).isEqualTo(A);
    JsonObject slo = body.getJsonArray("slos").getJsonObject(0);
    assertThat(slo.getString("slo")).isEqualTo("acme-logistik-chat-availability");
    assertThat(slo.getDouble("attainment")).isEqualTo(0.9995);
    assertThat(slo.getBoolean("met")).isTrue();
    assertThat(r.body()).doesNotContain(B);
  }

  @Test
  void another_tenants_resources_look_exactly_like_missing_ones() throws Exception {
    var other = get("/api/v1/tenants/" + B + "/slo-status", A_TOKEN);
    var missing = get("/api/v1/tenants/no-such-tenant/slo-status", A_TOKEN);
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(other.body()).doesNotContain("9000", "0.9");
    assertThat(get("/api/v1/tenants/" + B + "/incidents", A_TOKEN).statusCode()).isEqualTo(404);
    assertThat(get("/api/v1/tenants/" + B + "/reports", A_TOKEN).statusCode()).isEqualTo(404);
    var incident = get("/api/v1/incidents/" + f.incidentB, A_TOKEN);
    assertThat(incident.statusCode()).isEqualTo(404);
    assertThat(incident.body()).doesNotContain("hanse-bank chat down");
    assertThat(get("/api/v1/incidents/INC-2026-999999", A_TOKEN).statusCode()).isEqualTo(404);
  }

  @Test
  void a_tenant_token_lists_only_its_own_incidents_with_their_clocks() throws Exception {
    var r = get("/api/v1/incidents", A_TOKEN);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonArray list = new JsonObject(r.body()).getJsonArray("incidents");
    assertThat(list).hasSize(1);
    assertThat(list.getJsonObject(0).getString("id")).isEqualTo(f.incidentA);
    assertThat(list.getJsonObject(0).getString("title")).isEqualTo(PortalFixture.EVIL_TITLE);
    assertThat(list.getJsonObject(0).getJsonArray("clocks")).isEmpty();
    assertThat(get("/api/v1/tenants/" + A + "/incidents", A_TOKEN).body()).contains(f.incidentA).doesNotContain(f.incidentB);
  }

  @Test
  void a_tenant_token_may_not_act_and_cannot_even_see_another_tenants_incident() throws Exception {
    String before = f.state(f.incidentB); // the on-call test may have acknowledged it already
    assertThat(post("/api/v1/incidents/" + f.incidentA + "/acknowledge", A_TOKEN, "{}").statusCode()).isEqualTo(403);
    assertThat(post("/api/v1/incidents/" + f.incidentB + "/acknowledge", A_TOKEN, "{}").statusCode()).isEqualTo(404);
    assertThat(post("/api/v1/incidents/" + f.incidentB + "/classify", A_TOKEN, "{\"regime\":\"NIS2\",\"source\":\"x\"}").statusCode())
        .isEqualTo(404);
    assertThat(f.state(f.incidentA)).isEqualTo("open");
    assertThat(f.state(f.incidentB)).isEqualTo(before);
  }

  @Test
  void the_oncall_token_reads_every_tenant_and_classifies_and_acknowledges() throws Exception {
    var all = new JsonObject(get("/api/v1/incidents", ONCALL_TOKEN).body()).getJsonArray("incidents");
    assertThat(all.stream().map(o -> ((JsonObject) o).getString("id"))).contains(f.incidentA, f.incidentB);
    assertThat(get("/api/v1/tenants/" + B + "/slo-status", ONCALL_TOKEN).statusCode()).isEqualTo(200);

    Instant aware = Instant.parse("2026-11-24T08:00:00Z");
    var classified = post("/api/v1/incidents/" + f.incidentB + "/classify", ONCALL_TOKEN,
        new JsonObject().put("regime", "nis2").put("awareAt", aware.toString()).put("source", "SOC ticket 4711").encode());
    assertThat(classified.statusCode()).isEqualTo(200);
    JsonArray clocks = new JsonObject(classified.body()).getJsonArray("clocks");
    JsonObject early = clocks.stream().map(o -> (JsonObject) o).filter(c -> c.getString("kind").equals("NIS2/early-warning")).findFirst().orElseThrow();
    assertThat(early.getString("due")).isEqualTo(aware.plus(Duration.ofHours(24)).toString());

    var acked = post("/api/v1/incidents/" + f.incidentB + "/acknowledge", ONCALL_TOKEN, "{\"reason\":\"on it\"}");
    assertThat(acked.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(acked.body()).getString("state")).isEqualTo("acknowledged");
    assertThat(f.state(f.incidentB)).isEqualTo("acknowledged");
    var again = post("/api/v1/incidents/" + f.incidentB + "/acknowledge", ONCALL_TOKEN, "{}");
    assertThat(again.statusCode()).isEqualTo(409);

    // B's tenant token now sees the clock and the audited timeline of its incident
    JsonObject seenByB = new JsonObject(get("/api/v1/incidents/" + f.incidentB, PortalFixture.B_TOKEN).body());
    assertThat(seenByB.getJsonArray("clocks")).isNotEmpty();
    assertThat(seenByB.getJsonArray("timeline").stream().map(o -> ((JsonObject) o).getString("actor")))
        .contains("token:demo-oncall");
  }

  @Test
  void bad_action_input_is_refused_with_a_clear_message_and_changes_nothing() throws Exception {
    var notJson = post("/api/v1/incidents/" + f.incidentA + "/classify", ONCALL_TOKEN, "regime=nis2");
    assertThat(notJson.statusCode()).isEqualTo(400);
    var badRegime = post("/api/v1/incidents/" + f.incidentA + "/classify", ONCALL_TOKEN, "{\"regime\":\"gdpr\",\"source\":\"x\"}");
    assertThat(badRegime.statusCode()).isEqualTo(422);
    assertThat(new JsonObject(badRegime.body()).getString("error")).contains("unknown regime 'gdpr'");
    var badTime = post("/api/v1/incidents/" + f.incidentA + "/classify", ONCALL_TOKEN,
        "{\"regime\":\"NIS2\",\"source\":\"x\",\"awareAt\":\"yesterday\"}");
    assertThat(badTime.statusCode()).isEqualTo(422);
    var noSource = post("/api/v1/incidents/" + f.incidentA + "/classify", ONCALL_TOKEN, "{\"regime\":\"NIS2\"}");
    assertThat(noSource.statusCode()).isEqualTo(422);
    assertThat(new JsonObject(get("/api/v1/incidents/" + f.incidentA, ONCALL_TOKEN).body()).getJsonArray("clocks")).isEmpty();
  }

  @Test
  void a_tenant_lists_and_downloads_its_own_reports_and_gets_404_for_another_tenants() throws Exception {
    var listed = get("/api/v1/reports", A_TOKEN);
    assertThat(listed.statusCode()).isEqualTo(200);
    JsonArray reports = new JsonObject(listed.body()).getJsonArray("reports");
    assertThat(reports).hasSize(1);
    JsonObject report = reports.getJsonObject(0);
    assertThat(report.getString("id")).isEqualTo(f.reportA);
    assertThat(report.getString("month")).isEqualTo("2026-10");
    assertThat(listed.body()).doesNotContain(B);
    assertThat(get("/api/v1/tenants/" + A + "/reports", A_TOKEN).body()).contains(f.reportA).doesNotContain(f.reportB);

    var pdf = HTTP.send(HttpRequest.newBuilder(URI.create(f.base + report.getString("pdf"))).header("Authorization", "Bearer " + A_TOKEN)
        .build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(new String(pdf.body(), java.nio.charset.StandardCharsets.UTF_8)).startsWith("%PDF").contains(A);
    var json = get(report.getString("json"), A_TOKEN);
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(json.body()).getString("tenant")).isEqualTo(A);
    assertThat(get("/api/v1/tenants/" + A + "/reports/" + f.reportA + ".json", A_TOKEN).body()).contains(A);

    for (String path : new String[] {"/api/v1/reports/" + f.reportB + ".pdf", "/api/v1/reports/" + f.reportB + ".json",
        "/api/v1/reports/" + f.reportB, "/api/v1/tenants/" + A + "/reports/" + f.reportB + ".pdf",
        "/api/v1/tenants/" + B + "/reports/" + f.reportB + ".pdf", "/api/v1/reports/RPT-nobody-2026-10-de-v1.pdf"}) {
      var r = get(path, A_TOKEN);
      assertThat(r.statusCode()).as(path).isEqualTo(404);
      assertThat(r.body()).as(path).doesNotContain("%PDF").doesNotContain("\"tenant\":\"" + B);
    }
  }

  @Test
  void the_provider_lists_every_tenants_reports_and_downloads_any() throws Exception {
    var all = get("/api/v1/reports", ONCALL_TOKEN).body();
    assertThat(all).contains(f.reportA, f.reportB);
    assertThat(get("/api/v1/reports/" + f.reportB + ".json", ONCALL_TOKEN).body()).contains(B);
  }

  @Test
  void the_oncall_token_records_a_notification_and_corrects_awareness_and_the_tenant_sees_both() throws Exception {
    String id = f.openIncident(B, "hanse-bank data exposure");
    Instant aware = Instant.parse("2026-11-24T08:00:00Z");
    assertThat(post("/api/v1/incidents/" + id + "/classify", ONCALL_TOKEN,
        new JsonObject().put("regime", "NIS2").put("awareAt", aware.toString()).put("source", "SOC ticket 4712").encode())
        .statusCode()).isEqualTo(200);

    var notified = post("/api/v1/incidents/" + id + "/notify", ONCALL_TOKEN, new JsonObject().put("deadline", "nis2/early-warning")
        .put("to", "BSI").put("sentAt", aware.plus(Duration.ofHours(2)).toString()).encode());
    assertThat(notified.statusCode()).isEqualTo(200);
    JsonObject n = new JsonObject(notified.body());
    assertThat(n.getInteger("phase")).isEqualTo(1);
    assertThat(n.getString("timeliness")).isEqualTo("ON_TIME");

    var corrected = post("/api/v1/incidents/" + id + "/awareness", ONCALL_TOKEN, new JsonObject()
        .put("awareAt", aware.minus(Duration.ofHours(1)).toString()).put("source", "earlier log line").put("reason", "found in logs").encode());
    assertThat(corrected.statusCode()).isEqualTo(200);
    assertThat(early(new JsonObject(corrected.body())).getString("due")).isEqualTo(aware.plus(Duration.ofHours(23)).toString());

    JsonObject seenByB = new JsonObject(get("/api/v1/incidents/" + id, PortalFixture.B_TOKEN).body());
    JsonObject recorded = seenByB.getJsonArray("notifications").getJsonObject(0);
    assertThat(recorded.getString("recipient")).isEqualTo("BSI");
    assertThat(recorded.getString("deadline")).isEqualTo("NIS2/early-warning");
    assertThat(early(seenByB).getString("legalDue")).isNotNull();
    assertThat(seenByB.getJsonArray("timeline").stream().map(o -> ((JsonObject) o).getString("action"))).contains("awareness");
  }

  @Test
  void a_tenant_token_can_neither_notify_nor_correct_awareness_and_another_tenants_incident_stays_invisible() throws Exception {
    String id = f.openIncident(B, "hanse-bank outage for notify test");
    Instant aware = Instant.parse("2026-11-24T08:00:00Z");
    post("/api/v1/incidents/" + id + "/classify", ONCALL_TOKEN,
        new JsonObject().put("regime", "NIS2").put("awareAt", aware.toString()).put("source", "x").encode());
    String notify = new JsonObject().put("deadline", "nis2/early-warning").put("to", "BSI").encode();
    String awareness = new JsonObject().put("awareAt", aware.minusSeconds(3600).toString()).put("source", "y").encode();

    var foreignNotify = post("/api/v1/incidents/" + id + "/notify", A_TOKEN, notify);
    assertThat(foreignNotify.statusCode()).isEqualTo(404);
    assertThat(foreignNotify.body()).doesNotContain("hanse-bank outage");
    assertThat(post("/api/v1/incidents/" + id + "/awareness", A_TOKEN, awareness).statusCode()).isEqualTo(404);
    assertThat(post("/api/v1/incidents/" + id + "/notify", PortalFixture.B_TOKEN, notify).statusCode()).isEqualTo(403);
    assertThat(post("/api/v1/incidents/" + id + "/awareness", PortalFixture.B_TOKEN, awareness).statusCode()).isEqualTo(403);

    JsonObject after = new JsonObject(get("/api/v1/incidents/" + id, ONCALL_TOKEN).body());
    assertThat(after.getJsonArray("notifications")).isEmpty();
    assertThat(early(after).getString("due")).isEqualTo(aware.plus(Duration.ofHours(24)).toString());
  }

  @Test
  void bad_notify_and_awareness_input_is_refused_with_a_clear_message_and_records_nothing() throws Exception {
    String id = f.openIncident(B, "hanse-bank notify input test");
    post("/api/v1/incidents/" + id + "/classify", ONCALL_TOKEN,
        new JsonObject().put("regime", "NIS2").put("awareAt", "2026-11-24T08:00:00Z").put("source", "x").encode());
    var badDeadline = post("/api/v1/incidents/" + id + "/notify", ONCALL_TOKEN, "{\"deadline\":\"nis2/tomorrow\",\"to\":\"BSI\"}");
    assertThat(badDeadline.statusCode()).isEqualTo(422);
    assertThat(new JsonObject(badDeadline.body()).getString("error")).contains("unknown deadline 'nis2/tomorrow'", "nis2/early-warning");
    var noRecipient = post("/api/v1/incidents/" + id + "/notify", ONCALL_TOKEN, "{\"deadline\":\"nis2/early-warning\"}");
    assertThat(noRecipient.statusCode()).isEqualTo(422);
    assertThat(new JsonObject(noRecipient.body()).getString("error")).contains("to whom");
    var noTime = post("/api/v1/incidents/" + id + "/awareness", ONCALL_TOKEN, "{\"source\":\"log\"}");
    assertThat(noTime.statusCode()).isEqualTo(422);
    assertThat(new JsonObject(noTime.body()).getString("error")).contains("awareAt");
    var future = post("/api/v1/incidents/" + id + "/awareness", ONCALL_TOKEN,
        new JsonObject().put("awareAt", Instant.now().plus(Duration.ofDays(2)).toString()).put("source", "log").encode());
    assertThat(future.statusCode()).isEqualTo(422);
    JsonObject after = new JsonObject(get("/api/v1/incidents/" + id, ONCALL_TOKEN).body());
    assertThat(after.getJsonArray("notifications")).isEmpty();
    assertThat(after.getJsonArray("timeline").stream().map(o -> ((JsonObject) o).getString("action"))).doesNotContain("awareness");
  }

  @Test
  void the_oncall_token_opens_an_incident_by_hand_which_is_audited_and_only_its_tenant_sees() throws Exception {
    var opened = post("/api/v1/incidents", ONCALL_TOKEN, new JsonObject().put("tenant", B).put("title", "customer reports leaked prompt log")
        .put("severity", "p2").put("component", "gateway").put("description", "ticket 4713").encode());
    assertThat(opened.statusCode()).isEqualTo(201);
    JsonObject incident = new JsonObject(opened.body());
    String id = incident.getString("id");
    assertThat(incident.getString("tenant")).isEqualTo(B);
    assertThat(incident.getString("severity")).isEqualTo("P2");
    assertThat(incident.getString("state")).isEqualTo("open");
    assertThat(f.state(id)).isEqualTo("open");

    JsonObject seenByB = new JsonObject(get("/api/v1/incidents/" + id, PortalFixture.B_TOKEN).body());
    JsonObject first = seenByB.getJsonArray("timeline").getJsonObject(0);
    assertThat(first.getString("action")).isEqualTo("opened");
    assertThat(first.getString("actor")).isEqualTo("token:demo-oncall");
    assertThat(first.getString("reason")).isEqualTo("ticket 4713");

    var seenByA = get("/api/v1/incidents/" + id, A_TOKEN);
    assertThat(seenByA.statusCode()).isEqualTo(404);
    assertThat(seenByA.body()).doesNotContain("leaked prompt log");
    assertThat(get("/api/v1/incidents", A_TOKEN).body()).doesNotContain(id);
  }

  @Test
  void tenant_tokens_cannot_open_incidents_and_bad_input_opens_nothing() throws Exception {
    int before = incidentCount();
    String own = new JsonObject().put("tenant", A).put("title", "A opens its own").put("severity", "P3").encode();
    assertThat(post("/api/v1/incidents", A_TOKEN, own).statusCode()).isEqualTo(403);
    assertThat(post("/api/v1/incidents", A_TOKEN, own.replace(A, B)).statusCode()).isEqualTo(403);

    var unknownTenant = post("/api/v1/incidents", ONCALL_TOKEN, own.replace(A, "no-such-tenant"));
    assertThat(unknownTenant.statusCode()).isEqualTo(422);
    assertThat(new JsonObject(unknownTenant.body()).getString("error")).contains("unknown tenant 'no-such-tenant'");
    var badSeverity = post("/api/v1/incidents", ONCALL_TOKEN, own.replace("P3", "P5"));
    assertThat(badSeverity.statusCode()).isEqualTo(422);
    assertThat(new JsonObject(badSeverity.body()).getString("error")).contains("P1, P2, P3 or P4");
    var noTitle = post("/api/v1/incidents", ONCALL_TOKEN, new JsonObject().put("tenant", A).put("severity", "P3").encode());
    assertThat(noTitle.statusCode()).isEqualTo(422);
    assertThat(new JsonObject(noTitle.body()).getString("error")).contains("title");
    var noSeverity = post("/api/v1/incidents", ONCALL_TOKEN, new JsonObject().put("tenant", A).put("title", "x").encode());
    assertThat(noSeverity.statusCode()).isEqualTo(422);
    assertThat(post("/api/v1/incidents", ONCALL_TOKEN, "title=x").statusCode()).isEqualTo(400);
    assertThat(post("/api/v1/incidents", ONCALL_TOKEN, "{\"tenant\":42,\"title\":\"x\",\"severity\":\"P3\"}").statusCode()).isEqualTo(422);
    assertThat(incidentCount()).isEqualTo(before);
  }

  @Test
  void the_oncall_token_merges_a_duplicate_which_is_cancelled_and_the_survivor_keeps_the_earlier_opening() throws Exception {
    String survivor = f.openIncident(B, "hanse-bank duplicate 1");
    String duplicate = f.openIncident(B, "hanse-bank duplicate 2");
    var merged = post("/api/v1/incidents/" + duplicate + "/merge", ONCALL_TOKEN,
        new JsonObject().put("into", survivor).put("reason", "same outage").encode());
    assertThat(merged.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(merged.body()).getString("id")).isEqualTo(survivor);
    assertThat(f.state(duplicate)).isEqualTo("cancelled");
    assertThat(f.state(survivor)).isEqualTo("open");
    JsonObject absorbed = new JsonObject(get("/api/v1/incidents/" + duplicate, ONCALL_TOKEN).body());
    assertThat(absorbed.getJsonArray("timeline").stream().map(o -> (JsonObject) o)
        .filter(e -> e.getString("action").equals("merge")).map(e -> e.getString("actor") + " " + e.getString("newValue")))
        .containsExactly("token:demo-oncall cancelled, merged into " + survivor);

    var again = post("/api/v1/incidents/" + duplicate + "/merge", ONCALL_TOKEN, new JsonObject().put("into", survivor).encode());
    assertThat(again.statusCode()).as("a cancelled incident cannot be merged again").isEqualTo(409);
    assertThat(post("/api/v1/incidents/" + survivor + "/merge", ONCALL_TOKEN, "{}").statusCode()).isEqualTo(422);
    assertThat(post("/api/v1/incidents/" + survivor + "/merge", ONCALL_TOKEN, "{\"into\":\"INC-1999-000001\"}").statusCode())
        .isEqualTo(404);
    String ofA = f.openIncident(A, "acme outage");
    var acrossTenants = post("/api/v1/incidents/" + ofA + "/merge", ONCALL_TOKEN, new JsonObject().put("into", survivor).encode());
    assertThat(acrossTenants.statusCode()).isEqualTo(422);
    assertThat(new JsonObject(acrossTenants.body()).getString("error")).contains("different tenants");
    assertThat(f.state(ofA)).isEqualTo("open");
  }

  @Test
  void a_tenant_token_cannot_merge_its_own_incidents_nor_touch_another_tenants() throws Exception {
    String a1 = f.openIncident(A, "acme merge 1");
    String a2 = f.openIncident(A, "acme merge 2");
    String b1 = f.openIncident(B, "hanse-bank merge target");
    assertThat(post("/api/v1/incidents/" + a2 + "/merge", A_TOKEN, new JsonObject().put("into", a1).encode()).statusCode()).isEqualTo(403);
    var foreign = post("/api/v1/incidents/" + b1 + "/merge", A_TOKEN, new JsonObject().put("into", a1).encode());
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.body()).doesNotContain("hanse-bank merge target");
    assertThat(List.of(f.state(a1), f.state(a2), f.state(b1))).containsOnly("open");
  }

  private static int incidentCount() throws Exception {
    return new JsonObject(get("/api/v1/incidents", ONCALL_TOKEN).body()).getJsonArray("incidents").size();
  }

  private static JsonObject early(JsonObject incident) {
    return incident.getJsonArray("clocks").stream().map(o -> (JsonObject) o)
        .filter(c -> c.getString("kind").equals("NIS2/early-warning")).findFirst().orElseThrow();
  }
}
