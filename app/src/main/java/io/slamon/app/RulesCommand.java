package io.slamon.app;

import io.slamon.alerts.AlertmanagerTemplate;
import io.slamon.alerts.PrometheusRules;
import io.slamon.alerts.RuleSlo;
import io.slamon.core.config.SlamonConfig;
import io.slamon.core.config.Tenant;
import io.slamon.core.openslo.Slo;
import io.slamon.slo.BurnRateMonitor;
import io.slamon.slo.BurnRatePolicy;
import io.slamon.slo.SloDefinition;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slamon rules}: Prometheus rules and an Alertmanager template from the configuration. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = {
      "Generate Prometheus recording and alerting rules (Sloth-style names, multiwindow multi-burn-rate"
          + " page and ticket alerts, no-data alert) for every SLO slamon evaluates, and an Alertmanager"
          + " routing template with one route per tenant. Without --out the rules go to stdout.",
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:rules written", "1:the output could not be written", "2:the configuration has errors"})
final class RulesCommand implements Callable<Integer> {
  static final String RULE_FILE = "slamon-rules.yml";
  static final String ALERTMANAGER_FILE = "alertmanager.yml";

  @Spec CommandSpec spec;

  @Option(names = "--config", paramLabel = "DIR", required = true, description = "configuration directory")
  Path config;

  @Option(names = "--out", paramLabel = "DIR", description = "write " + RULE_FILE + " and " + ALERTMANAGER_FILE + " into DIR")
  Path out;

  @Option(names = "--alertmanager", description = "print the Alertmanager template to stdout instead of the rules")
  boolean alertmanager;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    SlamonConfig c = ConfigCommand.loadOrReport(config, err);
    if (c == null) {
      return 2;
    }
    List<RuleSlo> slos = ruleSlos(c, err);
    String rules = new PrometheusRules(BurnRatePolicy.defaults()).ruleFile(slos);
    String am = AlertmanagerTemplate.render(c.tenants().stream().map(Tenant::id).toList());
    if (out == null) {
      spec.commandLine().getOut().print(alertmanager ? am : rules);
      spec.commandLine().getOut().flush();
      return 0;
    }
    try {
      Files.createDirectories(out);
      Files.writeString(out.resolve(RULE_FILE), rules);
      Files.writeString(out.resolve(ALERTMANAGER_FILE), am);
    } catch (IOException e) {
      err.println("cannot write to " + out + ": " + e.getMessage());
      return 1;
    }
    err.println("wrote " + out.resolve(RULE_FILE) + " (" + slos.size() + " SLOs) and " + out.resolve(ALERTMANAGER_FILE));
    return 0;
  }

  /**
   * The SLOs slamon evaluates, with the engine's threshold, time slice and parameters (every SLI kind
   * has a PromQL mapping); SLOs the engine does not evaluate are named on {@code err}.
   */
  static List<RuleSlo> ruleSlos(SlamonConfig c, PrintWriter err) {
    Map<String, SloDefinition> evaluated = ConfigMapping.sloDefinitions(c).stream()
        .collect(Collectors.toMap(SloDefinition::name, Function.identity()));
    List<RuleSlo> result = new ArrayList<>();
    for (Slo slo : c.slos()) {
      SloDefinition d = evaluated.get(slo.name());
      if (d == null || !PrometheusRules.supported(slo.indicator().source())) {
        err.println("skipped " + slo.name() + ": slamon does not evaluate it (SLI kind "
            + slo.indicator().source().kind().configName() + ", source " + slo.indicator().source().type() + ")");
        continue;
      }
      result.add(new RuleSlo(d.tenant(), d.name(), slo.service(), d.objective(), BurnRateMonitor.period(d.window()),
          slo.indicator().source(), d.threshold(), d.timeSliceWindow(), d.params()));
    }
    return result;
  }
}
