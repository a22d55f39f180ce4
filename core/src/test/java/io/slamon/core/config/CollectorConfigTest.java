package io.slamon.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code collector.otlpSources}, {@code collector.limits} and {@code collector.labels} in slamon.yaml. */
class CollectorConfigTest {
  @Test
  void otlpSourcesLimitsAndLabelProtectionAreRead() {
    ConfigResult r = ConfigDirs.load(Map.of("slamon.yaml", """
        provider: {name: P}
        collector:
          otlpSources:
            - {name: gateway, token: otlp-gateway-token-0001}
          limits:
            maxSeriesPerTarget: 1000
            seriesIdleTimeout: 30m
          labels:
            drop: [client_ip]
            pseudonymise: [user_id]
            pseudonymisationKey: ${SLAMON_PSEUDONYM_KEY}
          tracing:
            otlpEndpoint: http://localhost:4318/v1/traces
        """));

    assertThat(r.problems()).isEmpty();
    assertThat(r.config().collector().tracing())
        .isEqualTo(new Tracing(java.net.URI.create("http://localhost:4318/v1/traces"), "slamon-collector"));
    CollectorSettings c = r.config().collector();
    assertThat(c.otlpSources()).singleElement().satisfies(s -> assertThat(s.name()).isEqualTo("gateway"));
    assertThat(c.limits()).isEqualTo(new CardinalityLimits(1000, 200_000, Duration.ofMinutes(30)));
    assertThat(c.labels().drop()).containsExactly("client_ip");
    assertThat(c.labels().pseudonymise()).containsExactly("user_id");
    assertThat(c.labels().pseudonymisationKey()).isEqualTo("${SLAMON_PSEUDONYM_KEY}");
    assertThat(c.labels().toString()).doesNotContain("SLAMON_PSEUDONYM_KEY");
  }

  @Test
  void withoutTheSectionsTheDefaultsApply() {
    CollectorSettings c = ConfigDirs.load(Map.of()).config().collector();
    assertThat(c.otlpSources()).isEmpty();
    assertThat(c.limits()).isEqualTo(CardinalityLimits.DEFAULT);
    assertThat(c.labels()).isEqualTo(LabelProtection.NONE);
    assertThat(c.tracing().enabled()).isFalse();
  }

  @Test
  void mistakesAreReportedWithFileAndLine() {
    ConfigResult r = ConfigDirs.load(Map.of("slamon.yaml", """
        provider: {name: P}
        collector:
          otlpSources:
            - {name: gw, token: short}
          limits:
            maxSeriesPerTarget: 0
          labels:
            drop: [user_id]
            pseudonymise: [user_id]
            pseudonymisationKey: tooshort
          tracing:
            otlpEndpoint: localhost:4318
        """));
    assertThat(r.problems()).extracting(ConfigProblem::toString).containsAll(List.of(
        "slamon.yaml:4: collector.otlpSources[0].token: must be at least 16 characters",
        "slamon.yaml:6: collector.limits.maxSeriesPerTarget: 0 is out of range (1 to 2147483647)",
        "slamon.yaml:9: collector.labels.pseudonymise: label 'user_id' is also dropped",
        "slamon.yaml:10: collector.labels.pseudonymisationKey: must be at least 16 characters (or ${ENV_VAR} /"
            + " file:path)",
        "slamon.yaml:12: collector.tracing.otlpEndpoint: \"localhost:4318\" is not an http(s) URL such as"
            + " http://localhost:4318/v1/traces"));
  }
}
