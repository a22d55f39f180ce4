package io.slamon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.core.Severity;
import io.slamon.core.config.ConfigLoader;
import io.slamon.core.config.ConfigResult;
import io.slamon.core.config.SlamonConfig;
import io.slamon.incident.SeverityPolicy;
import io.slamon.incident.Signal;
import io.slamon.slo.BurnRateEvaluation;
import io.slamon.slo.SloDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An SLO without data opens an incident only when one of its OpenSLO alert policies says alertWhenNoData. */
class NoDataSignalTest {
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private static final BurnRateEvaluation NO_DATA = new BurnRateEvaluation(List.of(), true);
  private static final BurnRateEvaluation DATA = new BurnRateEvaluation(List.of(), false);

  private static SlamonConfig load(Path dir) {
    ConfigResult r = ConfigLoader.load(dir);
    assertThat(r.problems()).isEmpty();
    return r.config();
  }

  private static SloDefinition slo(SlamonConfig config, String name) {
    return ConfigMapping.sloDefinitions(config).stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void withoutAlertWhenNoDataAMissingSliOpensNothing() {
    SlamonConfig config = load(Path.of("../examples/config"));
    assertThat(BuiltInKinds.noDataSignal(config, slo(config, "hanse-bank-chat-availability"), NO_DATA, NOW)).isEmpty();
  }

  @Test
  void aPolicyWithAlertWhenNoDataOpensAP3IncidentForTheSlosThatUseItOnlyWhileDataIsMissing(@TempDir Path dir) throws IOException {
    ConfigMappingTest.copyExample(dir);
    Path alerting = dir.resolve("slos/alerting.yaml");
    String yaml = Files.readString(alerting);
    String fastBurn = "  description: 2 % of a 30-day budget within one hour pages the on-call engineer.\n";
    assertThat(yaml).contains(fastBurn);
    Files.writeString(alerting, yaml.replace(fastBurn, fastBurn + "  alertWhenNoData: true\n"));
    SlamonConfig config = load(dir);

    // the availability SLO names page-on-fast-burn; the TTFT SLO only ticket-on-slow-burn
    SloDefinition availability = slo(config, "hanse-bank-chat-availability");
    assertThat(BuiltInKinds.noDataSignal(config, availability, NO_DATA, NOW)).hasValueSatisfying(s -> {
      assertThat(s.kind()).isEqualTo(Signal.Kind.NO_DATA);
      assertThat(s.tenant()).isEqualTo("hanse-bank");
      assertThat(s.subject()).isEqualTo("hanse-bank-chat-availability");
      assertThat(s.fingerprint()).isEqualTo("hanse-bank/no_data/hanse-bank-chat-availability/slo");
      assertThat(s.detail()).contains("no SLI data").contains("blind");
      assertThat(SeverityPolicy.severityFor(s)).isEqualTo(Severity.P3);
      assertThat(SeverityPolicy.titleFor(s)).isEqualTo("No data for SLO hanse-bank-chat-availability (hanse-bank)");
    });
    assertThat(BuiltInKinds.noDataSignal(config, availability, DATA, NOW)).as("data present").isEmpty();
    assertThat(BuiltInKinds.noDataSignal(config, slo(config, "hanse-bank-chat-ttft"), NO_DATA, NOW)).isEmpty();
  }
}
