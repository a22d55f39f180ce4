package io.slamon.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each case: a small config directory with one kind of mistake, and the exact problem lines. */
class BadConfigTest {

  /** The valid tenant the cases extend: the same as the base directory's own acme tenant. */
  private static final String TENANT_HEAD = ConfigDirs.ACME;

  private static final String SERVICE =
      """
      apiVersion: openslo/v1
      kind: Service
      metadata:
        name: chat
        labels: {tenant: acme}
      """;

  private static Arguments bad(String name, Map<String, String> files, String... expected) {
    return Arguments.of(name, files, List.of(expected));
  }

  private static Map<String, String> tenant(String body) {
    return Map.of("tenants/acme.yaml", TENANT_HEAD + body);
  }

  private static Map<String, String> slo(String spec) {
    return Map.of(
        "slos/acme.yaml",
        SERVICE
            + """
            ---
            apiVersion: openslo/v1
            kind: SLO
            metadata:
              name: chat-availability
              labels: {tenant: acme}
            spec:
            """
            + spec.indent(2));
  }

  private static final String GOOD_INDICATOR =
      """
      service: chat
      indicator:
        spec:
          ratioMetric:
            good:
              metricSource:
                type: slamon
                spec: {kind: availability}
      timeWindow:
        - duration: 28d
          isRolling: true
      """;

  static Stream<Arguments> cases() {
    return Stream.of(
        bad(
            "a duration with a unit spelt out",
            tenant(
                """
                  assets:
                    - name: object-storage
                      rto: 4h
                      rpo: 1hour
                """),
            "tenants/acme.yaml:10: contract.assets[0].rpo: \"1hour\" is not a duration (use e.g."
                + " 30s, 5m, 1h30m, 2d, 500ms or ISO-8601 PT1H)"),
        bad(
            "a misspelt field is unknown, with a suggestion, and the real one is missing",
            tenant(
                """
                  assets:
                    - name: object-storage
                      rto: 4h
                      rpoo: 1h
                """),
            "tenants/acme.yaml:8: contract.assets[0].rpo: missing required field",
            "tenants/acme.yaml:10: contract.assets[0].rpoo: unknown field 'rpoo' (did you mean"
                + " 'rpo'?)"),
        bad(
            "an enum value outside the allowed set lists the allowed values",
            Map.of("tenants/acme.yaml", TENANT_HEAD.replace("tier: standard", "tier: gold")),
            "tenants/acme.yaml:4: tier: \"gold\" is not one of basic, standard, premium,"
                + " enterprise"),
        bad(
            "a missing required field",
            Map.of("tenants/acme.yaml", TENANT_HEAD.replace("tier: standard\n", "")),
            "tenants/acme.yaml:1: tier: missing required field"),
        bad(
            "a time zone that does not exist",
            tenant("  timeZone: Europe/Berln\n"),
            "tenants/acme.yaml:7: contract.timeZone: \"Europe/Berln\" is not an IANA time zone"
                + " (e.g. Europe/Berlin)"),
        bad(
            "a maintenance window starting at an impossible time",
            tenant(
                """
                  maintenanceWindows:
                    - name: weekly
                      days: [TUE]
                      start: "02:00"
                      duration: 2h
                    - name: monthly
                      days: [SUN, FRI, XYZ]
                      start: "25:00"
                      duration: 26h
                """),
            "tenants/acme.yaml:13: contract.maintenanceWindows[1].days: \"XYZ\" is not a day (use"
                + " MON, TUE, WED, THU, FRI, SAT, SUN)",
            "tenants/acme.yaml:14: contract.maintenanceWindows[1].start: \"25:00\" is not a time"
                + " of day in HH:mm (e.g. \"02:00\"; quote it in YAML)",
            "tenants/acme.yaml:15: contract.maintenanceWindows[1].duration: must not exceed 24h"),
        bad(
            "a number where text is expected and text where a number is expected",
            tenant(
                """
                  capacityReservations:
                    - name: month-end
                      gpus: four
                      gpuMemoryGiB: [80]
                      migProfile: 3g-40gb
                """),
            "tenants/acme.yaml:9: contract.capacityReservations[0].gpus: expected a whole number"
                + " but found \"four\"",
            "tenants/acme.yaml:10: contract.capacityReservations[0].gpuMemoryGiB: expected a"
                + " whole number but found a list",
            "tenants/acme.yaml:11: contract.capacityReservations[0].migProfile: \"3g-40gb\" is"
                + " not a MIG profile like 1g.10gb or 3g.40gb"),
        bad(
            "two tenant files with the same id",
            Map.of("tenants/zeta.yaml", TENANT_HEAD),
            "tenants/zeta.yaml:3: id: duplicate tenant id 'acme' (also in tenants/acme.yaml)"),
        bad(
            "two tenants claiming the same namespace",
            Map.of(
                "tenants/acme.yaml",
                TENANT_HEAD + "attribution:\n  namespaces: [shared]\n",
                "tenants/beta.yaml",
                TENANT_HEAD.replace("id: acme", "id: beta")
                    + "attribution:\n  namespaces: [beta, shared]\n"),
            "tenants/beta.yaml:8: attribution.namespaces: namespace 'shared' is already"
                + " attributed to tenant 'acme'"),
        bad(
            "overlapping patch policy bands and an inverted band",
            tenant(
                """
                  patchPolicy:
                    - minCvss: 9.0
                      deadline: 48h
                    - minCvss: 7.0
                      maxCvss: 9.5
                      deadline: 7d
                    - minCvss: 5
                      maxCvss: 4
                      deadline: 30d
                    - minCvss: 11
                      deadline: 30d
                """),
            "tenants/acme.yaml:7: contract.patchPolicy: rules 0 and 1 overlap in CVSS range (make"
                + " maxCvss of one below minCvss of the other, e.g. 7.0-8.9 and 9.0-10)",
            "tenants/acme.yaml:14: contract.patchPolicy[2].maxCvss: 4 is below minCvss 5",
            "tenants/acme.yaml:16: contract.patchPolicy[3].minCvss: 11 is out of range (0 to"
                + " 10)"),
        bad(
            "invalid YAML reports the parser's line",
            Map.of("tenants/acme.yaml", TENANT_HEAD + "  assets: [unclosed\n  timeZone: x\n"),
            "tenants/acme.yaml:8: invalid YAML: expected ',' or ']', but got : (while parsing a flow"
                + " sequence started on line 7)"),
        bad(
            "a missing slamon.yaml and a tenants file that is empty",
            mapWithNull("slamon.yaml", "tenants/empty.yaml", ""),
            "slamon.yaml: is missing (every config directory needs one)",
            "tenants/empty.yaml: is empty"),
        bad(
            "an SLO referring to an unknown tenant, service, SLI and alert policy",
            Map.of(
                "slos/acme.yaml",
                """
                apiVersion: openslo/v1
                kind: SLO
                metadata:
                  name: chat-availability
                  labels: {tenant: acmee}
                spec:
                  service: chatt
                  indicatorRef: chat-good
                  budgetingMethod: Occurrences
                  timeWindow: [{duration: 1M, isRolling: false}]
                  objectives: [{target: 0.999}]
                  alertPolicies: [paging]
                """),
            "slos/acme.yaml:5: metadata.labels.tenant: unknown tenant 'acmee' (did you mean"
                + " 'acme'?)",
            "slos/acme.yaml:7: spec.service: unknown service 'chatt' (define it as kind: Service)",
            "slos/acme.yaml:8: spec.indicatorRef: unknown SLI 'chat-good'",
            "slos/acme.yaml:12: spec.alertPolicies[0]: unknown AlertPolicy 'paging'"),
        bad(
            "objective targets out of range",
            slo(
                GOOD_INDICATOR
                    + """
                    budgetingMethod: Occurrences
                    objectives:
                      - target: 99.9
                      - targetPercent: 120
                      - target: 0.99
                        targetPercent: 99
                    """),
            "slos/acme.yaml:26: spec.objectives[0].target: 99.9 is out of range (a fraction"
                + " greater than 0 and less than 1; use targetPercent for percent)",
            "slos/acme.yaml:27: spec.objectives[1].targetPercent: 120 is out of range (greater"
                + " than 0, less than 100)",
            "slos/acme.yaml:29: spec.objectives[2].targetPercent: give either target or"
                + " targetPercent, not both"),
        bad(
            "timeslice budgeting without its slice settings, and an unknown SLI kind parameter",
            slo(
                """
                service: chat
                indicator:
                  spec:
                    ratioMetric:
                      good:
                        metricSource:
                          type: slamon
                          spec: {kind: latency-under, threshold: 500}
                timeWindow:
                  - duration: 4x
                budgetingMethod: Timeslices
                objectives:
                  - target: 0.99
                """),
            "slos/acme.yaml:20: spec.indicator.spec.ratioMetric.good.metricSource.spec.metric:"
                + " missing required field",
            "slos/acme.yaml:20: spec.indicator.spec.ratioMetric.good.metricSource.spec.threshold:"
                + " \"500\" is not a duration (use e.g. 30s, 5m, 1h30m, 2d, 500ms or ISO-8601"
                + " PT1H)",
            "slos/acme.yaml:22: spec.timeWindow[0].duration: \"4x\" is not an OpenSLO window (a"
                + " positive number and one of m h d w M Q Y, e.g. 28d or 1M)",
            "slos/acme.yaml:25: spec.objectives[0].timeSliceTarget: missing required field",
            "slos/acme.yaml:25: spec.objectives[0].timeSliceWindow: missing required field"),
        bad(
            "an unknown OpenSLO kind and a wrong apiVersion",
            Map.of(
                "slos/acme.yaml",
                """
                apiVersion: openslo/v1alpha
                kind: Slo
                metadata: {name: x}
                """),
            "slos/acme.yaml:1: apiVersion: \"openslo/v1alpha\" is not supported (use openslo/v1)",
            "slos/acme.yaml:2: kind: \"Slo\" is not one of SLO, SLI, Service, AlertPolicy,"
                + " AlertCondition (did you mean 'SLO'?)"),
        bad(
            "scrape jobs with bad targets, globs, timeouts and an unknown tenant label",
            Map.of(
                "scrape/fleet.yaml",
                """
                scrape_configs:
                  - job_name: vllm
                    scrape_interval: 5s
                    scrape_timeout: 10s
                    metrics_path: metrics
                    static_configs:
                      - targets: [http://127.0.0.1:18001/metrics]
                        labels: {tenant: acme-logistik}
                    file_sd_configs:
                      - files: [sd/*/targets.json, sd/nodes.txt]
                    relabel_configs:
                      - action: keep
                        regex: "(unclosed"
                  - job_name: vllm
                    static_configs:
                      - targets: [127.0.0.1:18002]
                """),
            "scrape/fleet.yaml:4: scrape_configs[0].scrape_timeout: must not be greater than"
                + " scrape_interval (5s)",
            "scrape/fleet.yaml:5: scrape_configs[0].metrics_path: \"metrics\" must start with /",
            "scrape/fleet.yaml:7: scrape_configs[0].static_configs[0].targets:"
                + " \"http://127.0.0.1:18001/metrics\" is not host:port (no scheme or path, e.g."
                + " 127.0.0.1:9400)",
            "scrape/fleet.yaml:8: scrape_configs[0].static_configs[0].labels.tenant: unknown"
                + " tenant 'acme-logistik'",
            "scrape/fleet.yaml:10: scrape_configs[0].file_sd_configs[0].files:"
                + " \"sd/*/targets.json\" must end in .json, .yml or .yaml and may use * only in"
                + " the last path element",
            "scrape/fleet.yaml:10: scrape_configs[0].file_sd_configs[0].files: \"sd/nodes.txt\""
                + " must end in .json, .yml or .yaml and may use * only in the last path element",
            "scrape/fleet.yaml:13: scrape_configs[0].relabel_configs[0].regex: \"(unclosed\" is"
                + " not a valid regular expression: Unclosed group",
            "scrape/fleet.yaml:14: scrape_configs[1].job_name: duplicate job_name 'vllm' (also in"
                + " scrape/fleet.yaml)"),
        bad(
            "global settings with wrong types, a duplicate key and a short token",
            Map.of(
                "slamon.yaml",
                """
                provider:
                  name: Test Provider
                  country: Germany
                http:
                  port: 80800
                  port: 8080
                storage:
                  user: slamon
                  retention: {raw: 30d, rollups: 7d}
                collector:
                  eventSources:
                    - {name: sim, token: short}
                """),
            "slamon.yaml:3: provider.country: \"Germany\" is not an ISO 3166-1 alpha-2 code such"
                + " as DE",
            "slamon.yaml:6: http.port: duplicate key 'port'",
            "slamon.yaml:8: storage.user: only applies with url (the embedded database needs no"
                + " credentials)",
            "slamon.yaml:9: storage.retention.rollups: must not be shorter than raw (30d)",
            "slamon.yaml:12: collector.eventSources[0].token: must be at least 16 characters"),
        bad(
            "regulatory settings that contradict each other",
            tenant(
                """
                regulatory:
                  dsgvo:
                    role: controller
                    controllerNotificationDeadline: 24h
                  nis2: {entity: critical}
                  dora: yes please
                """),
            "tenants/acme.yaml:10: regulatory.dsgvo.controllerNotificationDeadline: only applies"
                + " when role is processor (the provider notifies the controller)",
            "tenants/acme.yaml:11: regulatory.nis2.entity: \"critical\" is not one of essential,"
                + " important",
            "tenants/acme.yaml:12: regulatory.dora: expected true or false but found \"yes"
                + " please\""),
        bad(
            "contacts and critical windows with wrong values",
            tenant(
                """
                  capacityReservations:
                    - name: close
                      gpus: 2
                      gpuMemoryGiB: 160
                      criticalWindows:
                        - name: month-end
                          schedule: monthEnd
                          start: "08:00"
                        - name: campaign
                          schedule: weekly
                        - name: other
                          schedule: yearly
                contacts:
                  - role: ceo
                    name: Jane
                    email: jane-at-example.com
                """),
            "tenants/acme.yaml:14: contract.capacityReservations[0].criticalWindows[0].start: only"
                + " applies to schedule weekly",
            "tenants/acme.yaml:15: contract.capacityReservations[0].criticalWindows[1].days:"
                + " missing required field",
            "tenants/acme.yaml:15: contract.capacityReservations[0].criticalWindows[1].duration:"
                + " missing required field",
            "tenants/acme.yaml:15: contract.capacityReservations[0].criticalWindows[1].start:"
                + " missing required field",
            "tenants/acme.yaml:18: contract.capacityReservations[0].criticalWindows[2].schedule:"
                + " \"yearly\" is not one of monthEnd, weekly",
            "tenants/acme.yaml:20: contacts[0].role: \"ceo\" is not one of oncall, security, dpo,"
                + " service-manager",
            "tenants/acme.yaml:22: contacts[0].email: \"jane-at-example.com\" is not an e-mail"
                + " address"),
        bad(
            "incident targets where restore comes before acknowledge, and an unknown severity",
            tenant(
                """
                  incidentTargets:
                    P1: {acknowledge: 4h, restore: 15m}
                    P5: {acknowledge: 1d, restore: 5d}
                """),
            "tenants/acme.yaml:8: contract.incidentTargets.P1.restore: must not be shorter than"
                + " acknowledge",
            "tenants/acme.yaml:9: contract.incidentTargets.P5: unknown field 'P5' (did you mean"
                + " 'P1'?)"),
        bad(
            "a target counting business hours without a calendar",
            tenant(
                """
                  incidentTargets:
                    P3: {acknowledge: 4h, restore: 2d, businessHours: true}
                """),
            "tenants/acme.yaml:8: contract.incidentTargets.P3: counts business hours, but"
                + " incidentTargets.businessHours defines no calendar"),
        bad(
            "a business-hours calendar ending before it starts, in an unknown state, with a bad date",
            tenant(
                """
                  incidentTargets:
                    businessHours: {days: [MON, FRI], start: "18:00", end: "08:00", holidays: DE-XX, closedDays: ["2026-13-01"]}
                """),
            "tenants/acme.yaml:8: contract.incidentTargets.businessHours.closedDays: \"2026-13-01\" is not a date like"
                + " 2026-12-24",
            "tenants/acme.yaml:8: contract.incidentTargets.businessHours.end: must be after start 18:00",
            "tenants/acme.yaml:8: contract.incidentTargets.businessHours.holidays: unknown holiday region \"DE-XX\"; use DE"
                + " (nationwide) or a state: DE-BB, DE-BE, DE-BW, DE-BY, DE-HB, DE-HE, DE-HH, DE-MV, DE-NI, DE-NW, DE-RP,"
                + " DE-SH, DE-SL, DE-SN, DE-ST, DE-TH"),
        bad(
            "a tenant id that is not a DNS label and a wrong kind",
            Map.of(
                "tenants/acme.yaml",
                TENANT_HEAD.replace("id: acme", "id: ACME_Corp").replace("kind: Tenant", "kind: SLO")),
            "tenants/acme.yaml:2: kind: \"SLO\" is not allowed here (expected Tenant)",
            "tenants/acme.yaml:3: id: \"ACME_Corp\" is not a lowercase DNS label (a-z, 0-9, '-')"),
        bad(
            "two documents in a tenant file",
            Map.of("tenants/acme.yaml", TENANT_HEAD + "---\n" + TENANT_HEAD),
            "tenants/acme.yaml:8: expected one YAML document, found 2"),
        bad(
            "duplicate OpenSLO names, a service of another tenant and a dangling conditionRef",
            Map.of(
                "tenants/beta.yaml",
                TENANT_HEAD.replace("id: acme", "id: beta"),
                "slos/acme.yaml",
                SERVICE
                    + """
                    ---
                    apiVersion: openslo/v1
                    kind: Service
                    metadata: {name: chat}
                    ---
                    apiVersion: openslo/v1
                    kind: AlertPolicy
                    metadata: {name: paging}
                    spec:
                      conditions:
                        - conditionRef: fast-burn
                    ---
                    apiVersion: openslo/v1
                    kind: SLO
                    metadata: {name: beta-chat, labels: {tenant: beta}}
                    spec:
                      service: chat
                      indicator:
                        spec:
                          thresholdMetric:
                            metricSource: {type: prometheus, spec: {query: up}}
                      budgetingMethod: Occurrences
                      timeWindow: [{duration: 1M, isRolling: true, calendar: {startTime: "2025-01-01 00:00:00", timeZone: UTC}}]
                      objectives: [{target: 0.99, timeSliceWindow: 1m}]
                    """),
            "slos/acme.yaml:9: metadata.name: duplicate Service name 'chat'",
            "slos/acme.yaml:16: spec.conditions[0].conditionRef: unknown AlertCondition"
                + " 'fast-burn'",
            "slos/acme.yaml:28: spec.timeWindow[0].calendar: a rolling window has no calendar (set"
                + " isRolling: false)",
            "slos/acme.yaml:28: spec.timeWindow[0].duration: rolling windows need a fixed length"
                + " (m, h, d, w), not 1M",
            "slos/acme.yaml:29: spec.objectives[0].timeSliceWindow: only applies to"
                + " budgetingMethod Timeslices or RatioTimeslices"),
        bad(
            "an SLO on another tenant's service, and a threshold SLI without op and value",
            Map.of(
                "tenants/beta.yaml",
                TENANT_HEAD.replace("id: acme", "id: beta"),
                "slos/acme.yaml",
                SERVICE
                    + """
                    ---
                    apiVersion: openslo/v1
                    kind: SLO
                    metadata: {name: beta-chat, labels: {tenant: beta}}
                    spec:
                      service: chat
                      indicator:
                        spec:
                          thresholdMetric:
                            metricSource: {type: prometheus, spec: {query: up}}
                      budgetingMethod: Occurrences
                      timeWindow: [{duration: 28d, isRolling: true}]
                      objectives: [{target: 0.99}]
                    """),
            "slos/acme.yaml:11: spec.service: service 'chat' belongs to tenant 'acme', not 'beta'",
            "slos/acme.yaml:18: spec.objectives: a thresholdMetric SLI needs op and value in every"
                + " objective"),
        bad(
            "metric sources slamon cannot evaluate",
            slo(
                """
                service: chat
                indicator:
                  spec:
                    ratioMetric:
                      good:
                        metricSource: {type: datadog, spec: {query: x}}
                      bad:
                        metricSource: {metricSourceRef: my-prometheus}
                      total:
                        metricSource:
                          type: slamon
                          spec: {kind: gpu-capacity, reservation: close, window: 5m}
                budgetingMethod: Occurrences
                timeWindow: [{duration: 28d, isRolling: true}]
                objectives: [{target: 0.99}]
                """),
            "slos/acme.yaml:18: spec.indicator.spec.ratioMetric.good.metricSource.type:"
                + " \"datadog\" is not supported (use slamon or prometheus)",
            "slos/acme.yaml:20: spec.indicator.spec.ratioMetric.bad.metricSource.metricSourceRef:"
                + " DataSource references are not supported; give type and spec",
            "slos/acme.yaml:24: spec.indicator.spec.ratioMetric.total.metricSource.spec.window:"
                + " unknown field 'window'"),
        bad(
            "component availability of an unknown component, with a regex selector and without a component",
            slo(
                """
                service: chat
                indicator:
                  spec:
                    ratioMetric:
                      good:
                        metricSource:
                          type: slamon
                          spec: {kind: component-availability, component: gpu-node, selector: 'up{job=~"dcgm.*"}'}
                      total:
                        metricSource:
                          type: slamon
                          spec: {kind: component-availability, selector: 'up{job="x"'}
                budgetingMethod: Timeslices
                timeWindow: [{duration: 28d, isRolling: true}]
                objectives: [{target: 0.999, timeSliceTarget: 1, timeSliceWindow: 1m}]
                """),
            "slos/acme.yaml:20: spec.indicator.spec.ratioMetric.good.metricSource.spec.component:"
                + " \"gpu-node\" is not one of gpu-nodes, control-plane, object-storage, network",
            "slos/acme.yaml:20: spec.indicator.spec.ratioMetric.good.metricSource.spec.selector:"
                + " \"up{job=~\"dcgm.*\"}\" uses =~: only equality matchers (label=\"value\") are supported",
            "slos/acme.yaml:24: spec.indicator.spec.ratioMetric.total.metricSource.spec.component: missing required field",
            "slos/acme.yaml:24: spec.indicator.spec.ratioMetric.total.metricSource.spec.selector:"
                + " \"up{job=\"x\"\" is not a series selector: the label matchers must end with }"),
        bad(
            "storage with a non-PostgreSQL URL, a port out of range and duplicate event sources",
            Map.of(
                "slamon.yaml",
                """
                provider: {name: P}
                storage:
                  url: mysql://db:3306/slamon
                http: {port: 70000, bind: 127.0.0.1}
                collector:
                  eventSources:
                    - {name: sim, token: demo-simulator-token}
                    - {name: sim, token: demo-simulator-token}
                evaluation: {interval: 500ms}
                """),
            "slamon.yaml:3: storage.url: \"mysql://db:3306/slamon\" is not a PostgreSQL JDBC URL"
                + " (jdbc:postgresql://host:5432/db)",
            "slamon.yaml:4: http.port: 70000 is out of range (0 to 65535)",
            "slamon.yaml:6: collector.eventSources: duplicate event source name 'sim'",
            "slamon.yaml:6: collector.eventSources: event source 'sim' reuses another source's"
                + " token",
            "slamon.yaml:9: evaluation.interval: must be at least 1s"),
        bad(
            "a relabel rule setting an unknown tenant and a rule without its target label",
            Map.of(
                "scrape/jobs.yaml",
                """
                global: {scrape_interval: 15s, scrape_timeout: 20s}
                scrape_configs:
                  - job_name: gpu
                    static_configs: [{targets: ["gpu-1.fra.example.com:9400"]}]
                    relabel_configs:
                      - {source_labels: [__address__], regex: "gpu-1.*", target_label: tenant, replacement: acne}
                      - {source_labels: [__address__], action: replace}
                  - job_name: empty
                """),
            "scrape/jobs.yaml:6: scrape_configs[0].relabel_configs[0].replacement: unknown tenant"
                + " 'acne' (did you mean 'acme'?)",
            "scrape/jobs.yaml:7: scrape_configs[0].relabel_configs[1].target_label: missing"
                + " required field",
            "scrape/jobs.yaml:8: scrape_configs[1]: has no targets: add static_configs or"
                + " file_sd_configs"));
  }

  private static Map<String, String> mapWithNull(String deleted, String key, String value) {
    Map<String, String> m = new HashMap<>();
    m.put(deleted, null);
    m.put(key, value);
    return m;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badConfigIsReportedWithFileLineFieldAndMessage(
      String name, Map<String, String> files, List<String> expected) {
    ConfigResult result = ConfigDirs.load(files);

    assertThat(result.ok()).isFalse();
    assertThat(result.config()).isNull();
    assertThat(result.problems()).extracting(ConfigProblem::toString).containsExactlyElementsOf(expected);
  }
}
