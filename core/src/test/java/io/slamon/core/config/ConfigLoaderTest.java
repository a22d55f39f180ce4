package io.slamon.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

  @Test
  void aMinimalDirectoryLoadsWithDefaults() {
    ConfigResult result = ConfigDirs.load(Map.of());

    assertThat(result.report()).isEmpty();
    SlamonConfig config = result.config();
    assertThat(config.http()).isEqualTo(Http.DEFAULT);
    assertThat(config.storage().retention()).isEqualTo(Retention.DEFAULT);
    assertThat(config.storage().dataDirectory()).isEqualTo(Path.of("data"));
    assertThat(config.tenant("acme")).isPresent();
    assertThat(config.tenant("acme").orElseThrow().file()).isEqualTo("tenants/acme.yaml");
    assertThat(config.tenant("nobody")).isEmpty();
    assertThat(config.scrapeConfigs()).isEmpty();
  }

  @Test
  void aDirectoryThatDoesNotExistIsOneProblem() {
    ConfigResult result = ConfigLoader.load(Path.of("target", "no-such-dir"));

    assertThat(result.problems())
        .extracting(ConfigProblem::toString)
        .containsExactly("target/no-such-dir: is not a directory");
  }

  @Test
  void problemsOfAllFilesAreCollectedAndSortedByFileAndLine() {
    ConfigResult result =
        ConfigDirs.load(
            Map.of(
                "slamon.yaml",
                "provider:\n  name: P\nhttp:\n  prot: 80\n",
                "tenants/acme.yaml",
                ConfigDirs.ACME + "displayname: ACME\n",
                "slos/broken.yaml",
                "apiVersion: openslo/v1\nkind: Service\nmetadata: {name: Chat}\n",
                "scrape/jobs.yaml",
                "scrape_configs: []\n"));

    assertThat(result.report())
        .isEqualTo(
            """
            scrape/jobs.yaml:1: scrape_configs: must not be empty
            slamon.yaml:4: http.prot: unknown field 'prot' (did you mean 'port'?)
            slos/broken.yaml:3: metadata.name: "Chat" is not a lowercase DNS label (a-z, 0-9, '-')
            tenants/acme.yaml:7: displayname: unknown field 'displayname' (did you mean 'displayName'?)
            """);
  }

  @Test
  void unquotedYesAndNoAreExplainedAsBooleans() {
    ConfigResult result =
        ConfigDirs.load(Map.of("slamon.yaml", "provider:\n  name: P\n  country: NO\n"));

    assertThat(result.problems())
        .extracting(ConfigProblem::toString)
        .containsExactly(
            "slamon.yaml:3: provider.country: expected a string but found a boolean (quote it:"
                + " \"NO\")");
  }

  @Test
  void multiDocumentSloFilesMayHaveEmptyDocumentsAndAliases() {
    ConfigResult result =
        ConfigDirs.load(
            Map.of(
                "slos/a.yaml",
                """
                ---
                apiVersion: openslo/v1
                kind: Service
                metadata: {name: chat, labels: {tenant: acme}}
                ---
                ---
                apiVersion: openslo/v1
                kind: SLO
                metadata: {name: chat-latency, labels: &t {tenant: acme}}
                spec:
                  service: chat
                  indicator:
                    spec:
                      thresholdMetric:
                        metricSource:
                          type: prometheus
                          spec: {query: 'histogram_quantile(0.95, rate(x[5m]))'}
                  budgetingMethod: Timeslices
                  timeWindow: [{duration: 1M, isRolling: false, calendar: {startTime: '2025-01-01 00:00:00', timeZone: Europe/Berlin}}]
                  objectives:
                    - {op: lt, value: 0.5, targetPercent: 99, timeSliceTarget: 0.95, timeSliceWindow: 1m}
                """));

    assertThat(result.report()).isEmpty();
    var slo = result.config().slo("chat-latency").orElseThrow();
    assertThat(slo.objectives().get(0).target()).isEqualTo(0.99);
    assertThat(slo.indicator().name()).isEqualTo("chat-latency-indicator");
    assertThat(slo.indicator().thresholdMetric().spec()).containsKey("query");
    assertThat(slo.timeWindow().get(0).calendarPeriod()).hasToString("P1M");
    assertThat(slo.timeWindow().get(0).calendarStart().getZone()).hasToString("Europe/Berlin");
  }

  @Test
  void aBusinessHoursCalendarAppliesOnlyToTheTargetsThatSaySo() {
    ConfigResult ok =
        ConfigDirs.load(
            Map.of(
                "tenants/acme.yaml",
                ConfigDirs.ACME
                    + "  incidentTargets:\n"
                    + "    P3: {acknowledge: 4h, restore: 2d, businessHours: true}\n"
                    + "    businessHours: {days: [MON, TUE, WED, THU, FRI], start: \"08:00\", end: \"18:00\","
                    + " holidays: DE-BY, closedDays: [2026-12-24, \"2026-12-31\"]}\n"));
    assertThat(ok.report()).isEmpty();
    IncidentTargets targets = ok.config().tenant("acme").orElseThrow().contract().incidentTargets();
    assertThat(targets.of(io.slamon.core.Severity.P3).businessHours()).isTrue();
    assertThat(targets.of(io.slamon.core.Severity.P1).businessHours()).isFalse();
    assertThat(targets.businessHours().holidays()).isEqualTo("DE-BY");
    assertThat(targets.businessHours().start()).isEqualTo(java.time.LocalTime.of(8, 0));
    assertThat(targets.businessHours().days()).hasSize(5).doesNotContain(java.time.DayOfWeek.SATURDAY);
    assertThat(targets.businessHours().extraClosedDays())
        .containsExactly(java.time.LocalDate.of(2026, 12, 24), java.time.LocalDate.of(2026, 12, 31));
  }

  @Test
  void aliasesOfMappingsResolveAndAliasesOfScalarsAreReported() {
    ConfigResult ok =
        ConfigDirs.load(
            Map.of(
                "tenants/acme.yaml",
                ConfigDirs.ACME
                    + "  incidentTargets:\n"
                    + "    P1: &fast {acknowledge: 5m, restore: 1h}\n"
                    + "    P2: *fast\n"));
    assertThat(ok.report()).isEmpty();
    IncidentTargets targets = ok.config().tenant("acme").orElseThrow().contract().incidentTargets();
    assertThat(targets.of(io.slamon.core.Severity.P2).restore()).isEqualTo(java.time.Duration.ofHours(1));

    ConfigResult bad =
        ConfigDirs.load(
            Map.of("tenants/acme.yaml", ConfigDirs.ACME + "displayName: &n ACME\nattribution: {models: [*n]}\n"));
    assertThat(bad.problems())
        .extracting(ConfigProblem::toString)
        .containsExactly(
            "tenants/acme.yaml:8: attribution.models[0]: alias *n cannot be resolved (only anchors"
                + " on mappings and lists are supported; write the value out)",
            "tenants/acme.yaml:8: attribution.models[0]: expected a string but found null");
  }

  @Test
  void aProblemWithoutLineOrFieldRendersWithoutThem() {
    assertThat(new ConfigProblem("slamon.yaml", 0, "", "is missing")).hasToString("slamon.yaml: is missing");
    assertThat(new ConfigProblem("tenants/acme.yaml", 14, "contract.rpo", "\"1hour\" is not a duration"))
        .hasToString("tenants/acme.yaml:14: contract.rpo: \"1hour\" is not a duration");
  }
}
