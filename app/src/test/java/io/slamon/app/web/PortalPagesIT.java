package io.slamon.app.web;

import static io.slamon.app.web.PortalFixture.A;
import static io.slamon.app.web.PortalFixture.A_TOKEN;
import static io.slamon.app.web.PortalFixture.B;
import static io.slamon.app.web.PortalFixture.ONCALL_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The server-rendered pages over real HTTP: sign-in, tenant isolation, escaping, CSRF, languages. */
class PortalPagesIT extends PortalTestBase {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  /** A browser-like client: its own cookie jar, no automatic redirects (so statuses are visible). */
  private static final class Browser {
    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    String language = "en";

    HttpResponse<String> get(String path) throws Exception {
      return http.send(HttpRequest.newBuilder(URI.create(f.base + path)).header("Accept-Language", language)
          .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String... formPairs) throws Exception {
      StringBuilder form = new StringBuilder();
      for (int i = 0; i < formPairs.length; i += 2) {
        form.append(form.isEmpty() ? "" : "&").append(formPairs[i]).append('=')
            .append(URLEncoder.encode(formPairs[i + 1], StandardCharsets.UTF_8));
      }
      return http.send(HttpRequest.newBuilder(URI.create(f.base + path)).header("Content-Type", "application/x-www-form-urlencoded")
          .header("Accept-Language", language).POST(HttpRequest.BodyPublishers.ofString(form.toString()))
          .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    String csrf(String page) {
      Matcher m = CSRF.matcher(page);
      assertThat(m.find()).as("page has a CSRF field").isTrue();
      return m.group(1);
    }

    HttpResponse<String> signIn(String token) throws Exception {
      String csrf = csrf(get("/login").body());
      return post("/login", "csrf", csrf, "token", token);
    }
  }

  @Test
  void a_tenant_signs_in_with_its_token_and_sees_its_own_slos_only() throws Exception {
    Browser b = new Browser();
    assertThat(b.get("/portal").headers().firstValue("Location")).hasValue("/login");
    HttpResponse<String> login = b.signIn(A_TOKEN);
    assertThat(login.statusCode()).isEqualTo(303);
    String cookie = login.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("slamon-session=")).findFirst().orElseThrow();
    // attribute names are case-insensitive (RFC 6265); Vert.x writes "HTTPOnly"
    assertThat(cookie).containsIgnoringCase("; HttpOnly").contains("SameSite=Strict").doesNotContainIgnoringCase("secure");
    assertThat(b.get("/portal").headers().firstValue("Location")).hasValue("/portal/" + A);

    HttpResponse<String> page = b.get("/portal/" + A);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src 'none'"));
    assertThat(page.body())
        .contains("Service levels of ACME Logistik GmbH", "Chat availability (99.9 %)", "99.95 %", "<svg class=\"chart\"", "<meter")
        .contains("Agreed maintenance window weekly-patch", "2026-10 (de, v1)")
        .doesNotContain("hanse-bank", "Hanse");
  }

  @Test
  void a_tenant_cannot_reach_another_tenants_pages_or_the_oncall_console() throws Exception {
    Browser b = new Browser();
    b.signIn(A_TOKEN);
    HttpResponse<String> other = b.get("/portal/" + B);
    HttpResponse<String> missing = b.get("/portal/no-such-tenant");
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(other.body()).doesNotContain("Hanse").isEqualTo(missing.body().replace("no-such-tenant", B));
    assertThat(b.get("/portal/" + A + "/incidents/" + f.incidentB).statusCode()).isEqualTo(404);
    assertThat(b.get("/portal/" + B + "/incidents/" + f.incidentB).statusCode()).isEqualTo(404);
    assertThat(b.get("/oncall").statusCode()).isEqualTo(403);
    assertThat(b.get("/oncall/incidents/" + f.incidentA).statusCode()).isEqualTo(403);
    String csrf = b.csrf(b.get("/portal/" + A).body());
    assertThat(b.post("/oncall/incidents/" + f.incidentA + "/ack", "csrf", csrf).statusCode()).isEqualTo(403);
    assertThat(f.state(f.incidentA)).isEqualTo("open");
  }

  @Test
  void an_incident_title_with_markup_is_shown_as_text() throws Exception {
    Browser b = new Browser();
    b.signIn(A_TOKEN);
    String list = b.get("/portal/" + A).body();
    String detail = b.get("/portal/" + A + "/incidents/" + f.incidentA).body();
    for (String page : new String[] {list, detail}) {
      assertThat(page).doesNotContain("<script>").doesNotContain("alert('xss')</script>")
          .contains("&lt;script&gt;alert('xss')&lt;/script&gt; latency &amp; \"quotes\"");
    }
  }

  @Test
  void actions_need_the_sessions_csrf_token() throws Exception {
    Browser b = new Browser();
    assertThat(b.signIn(ONCALL_TOKEN).headers().firstValue("Location")).hasValue("/oncall");
    String before = f.state(f.incidentA);
    assertThat(b.post("/oncall/incidents/" + f.incidentA + "/ack").statusCode()).isEqualTo(403);
    assertThat(b.post("/oncall/incidents/" + f.incidentA + "/ack", "csrf", "forged").statusCode()).isEqualTo(403);
    // a token from another session does not work either
    Browser other = new Browser();
    other.signIn(ONCALL_TOKEN);
    String foreign = other.csrf(other.get("/oncall").body());
    assertThat(b.post("/oncall/incidents/" + f.incidentA + "/ack", "csrf", foreign).statusCode()).isEqualTo(403);
    assertThat(f.state(f.incidentA)).isEqualTo(before);
    // sign-in itself needs the login form's token
    assertThat(new Browser().post("/login", "token", A_TOKEN).statusCode()).isEqualTo(403);
  }

  @Test
  void the_oncall_console_lists_live_incidents_most_severe_first_and_acknowledges() throws Exception {
    Browser b = new Browser();
    b.signIn(ONCALL_TOKEN);
    String console = b.get("/oncall").body();
    assertThat(console).contains("On-call console");
    assertThat(console.indexOf(f.incidentB)).isLessThan(console.indexOf(f.incidentA)); // P1 before P2
    String page = b.get("/oncall/incidents/" + f.incidentA).body();
    if (f.state(f.incidentA).equals("open")) {
      HttpResponse<String> ack = b.post("/oncall/incidents/" + f.incidentA + "/ack", "csrf", b.csrf(page));
      assertThat(ack.statusCode()).isEqualTo(303);
      assertThat(f.state(f.incidentA)).isEqualTo("acknowledged");
      assertThat(b.get(ack.headers().firstValue("Location").orElseThrow()).body())
          .contains(f.incidentA + " is now acknowledged.", "token:demo-oncall");
    }
  }

  @Test
  void the_oncall_console_records_a_notification_and_the_tenant_sees_it_but_cannot_post_it() throws Exception {
    String id = f.openIncident(B, "hanse-bank console notify");
    Browser b = new Browser();
    b.signIn(ONCALL_TOKEN);
    String page = b.get("/oncall/incidents/" + id).body();
    assertThat(page).contains("name=\"deadline\"", "/awareness\"");
    assertThat(b.post("/oncall/incidents/" + id + "/classify", "csrf", b.csrf(page), "regime", "NIS2",
        "awareAt", "2026-11-24T08:00:00Z", "source", "SOC").statusCode()).isEqualTo(303);
    HttpResponse<String> notified = b.post("/oncall/incidents/" + id + "/notify", "csrf", b.csrf(page), "deadline", "nis2/early-warning",
        "to", "BSI", "sentAt", "2026-11-24T09:00:00Z");
    assertThat(notified.statusCode()).isEqualTo(303);
    assertThat(b.get("/oncall/incidents/" + id).body()).contains("phase 1", "on time", "BSI");

    Browser tenantB = new Browser();
    tenantB.signIn(PortalFixture.B_TOKEN);
    assertThat(tenantB.get("/portal/" + B + "/incidents/" + id).body()).contains("BSI", "phase 1");
    String csrf = tenantB.csrf(tenantB.get("/portal/" + B).body());
    assertThat(tenantB.post("/oncall/incidents/" + id + "/notify", "csrf", csrf, "deadline", "nis2/early-warning", "to", "X")
        .statusCode()).isEqualTo(403);
    assertThat(tenantB.post("/oncall/incidents/" + id + "/awareness", "csrf", csrf, "awareAt", "2026-11-24T07:00:00Z", "source", "X")
        .statusCode()).isEqualTo(403);
    Browser tenantA = new Browser();
    tenantA.signIn(A_TOKEN);
    assertThat(tenantA.get("/portal/" + A + "/incidents/" + id).statusCode()).isEqualTo(404);
    assertThat(f.db.incidentStore().find(id).orElseThrow().state()).isEqualTo("open");
  }

  @Test
  void a_tenant_downloads_its_report_from_the_portal_but_not_another_tenants() throws Exception {
    Browser b = new Browser();
    b.signIn(A_TOKEN);
    String page = b.get("/portal/" + A).body();
    String link = "/portal/" + A + "/reports/" + f.reportA + ".pdf";
    assertThat(page).contains("href=\"" + link + "\"", f.reportA + ".json").doesNotContain(f.reportB);
    HttpResponse<String> pdf = b.get(link);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains(f.reportA + ".pdf"));
    assertThat(pdf.body()).startsWith("%PDF");
    assertThat(b.get("/portal/" + A + "/reports/" + f.reportB + ".pdf").statusCode()).isEqualTo(404);
    assertThat(b.get("/portal/" + B + "/reports/" + f.reportB + ".pdf").statusCode()).isEqualTo(404);
  }

  @Test
  void the_oncall_token_sees_every_tenant_in_the_portal() throws Exception {
    Browser b = new Browser();
    b.signIn(ONCALL_TOKEN);
    assertThat(b.get("/portal").body()).contains("ACME Logistik GmbH", "/portal/" + B);
    assertThat(b.get("/portal/" + B).body()).contains("hanse-bank chat down");
    assertThat(b.get("/portal/" + B + "/incidents/" + f.incidentB).statusCode()).isEqualTo(200);
  }

  @Test
  void pages_follow_accept_language_and_the_language_switch() throws Exception {
    Browser b = new Browser();
    b.language = "de-DE,de;q=0.9,en;q=0.5";
    assertThat(b.get("/login").body()).contains("<html lang=\"de\">", "Zugangstoken");
    b.signIn(A_TOKEN);
    assertThat(b.get("/portal/" + A).body()).contains("Service-Level von ACME Logistik GmbH", "99,95 %");
    assertThat(b.get("/portal/" + A + "?lang=en").body()).contains("<html lang=\"en\">", "Service levels of");
    assertThat(b.get("/portal/" + A).body()).contains("Service levels of"); // the choice sticks to the session
  }

  @Test
  void signing_out_ends_the_session() throws Exception {
    Browser b = new Browser();
    b.signIn(A_TOKEN);
    String csrf = b.csrf(b.get("/portal/" + A).body());
    assertThat(b.post("/logout", "csrf", csrf).statusCode()).isEqualTo(303);
    assertThat(b.get("/portal/" + A).headers().firstValue("Location")).hasValue("/login");
  }

  @Test
  void a_wrong_token_shows_an_error_and_no_session() throws Exception {
    Browser b = new Browser();
    HttpResponse<String> r = b.signIn("wrong-token-0123456789");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("This token is not valid.");
    assertThat(b.get("/portal").statusCode()).isEqualTo(303);
  }

  @Test
  void with_secure_cookies_configured_the_session_cookie_is_secure() throws Exception {
    try (PortalFixture secure = new PortalFixture(true)) {
      HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
      HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(secure.base + "/login")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(login.headers().allValues("set-cookie")).anyMatch(c -> c.startsWith("slamon-session=") && c.contains("; Secure")
          && c.toLowerCase(java.util.Locale.ROOT).contains("; httponly") && c.contains("SameSite=Strict"));
    }
  }
}
