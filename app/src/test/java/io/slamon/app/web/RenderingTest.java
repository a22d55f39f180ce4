package io.slamon.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.core.config.ApiToken;
import io.slamon.store.IncidentRecord;
import io.slamon.store.SloStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderingTest {
  private static final Instant T = Instant.parse("2026-10-25T00:30:00Z");

  @Test
  void the_language_is_the_first_supported_one_the_browser_accepts_else_english() {
    assertThat(Messages.negotiate(List.of("fr-FR", "de-AT", "en"))).isEqualTo("de");
    assertThat(Messages.negotiate(List.of("en-GB", "de"))).isEqualTo("en");
    assertThat(Messages.negotiate(List.of("fr", "it"))).isEqualTo("en");
    assertThat(Messages.negotiate(List.of())).isEqualTo("en");
  }

  @Test
  void numbers_and_times_follow_the_language_and_the_tenants_zone() {
    Messages de = Messages.of("de");
    Messages en = Messages.of("en");
    assertThat(de.percent(0.99912)).isEqualTo("99,912 %");
    assertThat(en.percent(0.99912)).isEqualTo("99.912 %");
    assertThat(en.percent(Double.NaN)).isEqualTo("–");
    // 00:30 UTC on the night the clocks go back is 02:30 CEST (+02:00) in Berlin
    assertThat(en.dateTime(T, ZoneId.of("Europe/Berlin"))).contains("2:30").endsWith("+02:00");
    assertThat(de.dateTime(T, ZoneId.of("Europe/Berlin"))).contains("02:30").endsWith("+02:00");
    assertThat(en.duration(Duration.ofHours(27).plusMinutes(5))).isEqualTo("1 d 3 h");
    assertThat(en.duration(Duration.ofMinutes(95))).isEqualTo("1 h 35 min");
    assertThat(de.t("deadline.OVERDUE", "2 h")).isEqualTo("ÜBERFÄLLIG seit 2 h");
  }

  @Test
  void every_english_message_has_a_german_one() throws Exception {
    var en = new java.util.Properties();
    var de = new java.util.Properties();
    try (var a = getClass().getResourceAsStream("messages.properties");
        var b = new java.io.InputStreamReader(getClass().getResourceAsStream("messages_de.properties"), java.nio.charset.StandardCharsets.UTF_8)) {
      en.load(a);
      de.load(b);
    }
    assertThat(de.keySet()).isEqualTo(en.keySet());
  }

  @Test
  void markup_in_data_is_escaped_for_content_and_attributes() {
    assertThat(Html.text("<b>&'\"")).isEqualTo("&lt;b&gt;&amp;'\"");
    assertThat(Html.attr("\" onmouseover=\"x")).doesNotContain("\"");
    assertThat(Html.path("INC-1/../x y")).isEqualTo("INC-1%2F..%2Fx%20y");
  }

  @Test
  void the_chart_has_a_title_a_line_the_objective_and_says_when_it_is_empty() {
    Messages m = Messages.of("en");
    Instant from = Instant.parse("2026-11-01T00:00:00Z");
    Instant to = Instant.parse("2026-12-01T00:00:00Z");
    String empty = Svg.attainment(List.of(), 0.999, from, to, "A <title>", m);
    assertThat(empty).contains("<title", "A &lt;title&gt;", "No evaluations in this period yet.").doesNotContain("polyline");
    List<SloStatus> points = List.of(
        new SloStatus("t", "s", from.plus(Duration.ofDays(1)), null, null, 0, 0, 0.999, 0.9995, 0.5),
        new SloStatus("t", "s", from.plus(Duration.ofDays(2)), null, null, 0, 0, 0.999, 0.998, -1));
    String chart = Svg.attainment(points, 0.999, from, to, "chart", m);
    assertThat(chart).contains("<polyline", "stroke-dasharray", "<circle", "role=\"img\"");
  }

  @Test
  void a_tenant_principal_reads_only_its_tenant_and_never_acts() {
    Principal tenant = new Principal(new ApiToken("a", ApiToken.Role.TENANT, "acme", ApiToken.hash("x".repeat(16))));
    Principal provider = new Principal(new ApiToken("p", ApiToken.Role.PROVIDER, null, ApiToken.hash("y".repeat(16))));
    Principal oncall = new Principal(new ApiToken("o", ApiToken.Role.ONCALL, null, ApiToken.hash("z".repeat(16))));
    IncidentRecord providerScope = new IncidentRecord("INC-1", null, "fp", "P1", "open", "t", T, T);
    IncidentRecord acme = new IncidentRecord("INC-2", "acme", "fp", "P1", "open", "t", T, T);
    IncidentRecord acmeEu = new IncidentRecord("INC-3", "acme-eu", "fp", "P1", "open", "t", T, T);
    assertThat(tenant.canRead("acme")).isTrue();
    assertThat(tenant.canRead("acme-eu")).isFalse();
    assertThat(tenant.canSee(acme)).isTrue();
    assertThat(tenant.canSee(acmeEu)).isFalse();
    assertThat(tenant.canSee(providerScope)).isFalse();
    assertThat(tenant.canAct()).isFalse();
    assertThat(provider.canSee(providerScope)).isTrue();
    assertThat(provider.canAct()).isFalse();
    assertThat(oncall.canAct()).isTrue();
    assertThat(oncall.actor()).isEqualTo("token:o");
  }
}
