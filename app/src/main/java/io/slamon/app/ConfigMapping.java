package io.slamon.app;

import io.slamon.collector.Collector;
import io.slamon.collector.CollectorSettings;
import io.slamon.collector.EventSources;
import io.slamon.collector.FileDiscovery;
import io.slamon.collector.FileSdWatcher;
import io.slamon.collector.IngestOptions;
import io.slamon.collector.admission.LabelPolicy;
import io.slamon.collector.admission.SecretValue;
import io.slamon.collector.tracing.CollectorTracing;
import io.slamon.collector.ScrapeTarget;
import io.slamon.collector.SeriesRelabeler;
import io.slamon.collector.TenantResolver;
import io.slamon.core.config.EventSource;
import io.slamon.core.config.FileSdConfig;
import io.slamon.core.config.RelabelConfig;
import io.slamon.core.config.ScrapeConfig;
import io.slamon.core.config.SlamonConfig;
import io.slamon.core.config.StaticConfig;
import io.slamon.core.config.Tenant;
import io.slamon.core.config.TenantAttribution;
import io.slamon.core.openslo.MetricSource;
import io.slamon.incident.RegulatoryClocks;
import io.slamon.core.openslo.Slo;
import io.slamon.core.openslo.TimeWindow;
import io.slamon.slo.SliKind;
import io.slamon.slo.SloDefinition;
import io.slamon.slo.SloWindow;
import io.slamon.store.Database;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps the validated configuration onto the inputs of the modules (collector targets, tenant
 * attribution, SLO definitions). Pure translation: every rule it relies on lives in the modules.
 */
final class ConfigMapping {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigMapping.class);

  private ConfigMapping() {}

  static Collector collector(SlamonConfig config, List<ScrapeTarget> targets, Database db, Vertx vertx, int httpPort,
      java.nio.file.Path spoolDirectory) {
    Set<String> tenantIds = config.tenants().stream().map(Tenant::id).collect(Collectors.toUnmodifiableSet());
    TenantAttribution attribution = TenantAttribution.of(config.tenants());
    // Attribution rules name targets as host:port, which is the instance label the collector sets.
    TenantResolver resolver = (target, labels) -> attribution.tenantFor(labels.getOrDefault("instance", target), labels);
    Map<String, String> sourceByToken = new LinkedHashMap<>();
    for (EventSource s : config.collector().eventSources()) {
      sourceByToken.put(s.token(), s.name());
    }
    // Samples that cannot be written while the database is away go to a checksummed disk spool
    // beside the data (replayed in order when it returns), not to the floor.
    CollectorSettings settings = CollectorSettings.defaults().withPort(httpPort).withSpool(spoolDirectory);
    return new Collector(vertx, targets, resolver, metricRelabeling(config), db.sampleStore(), db.eventStore(),
        new EventSources(sourceByToken), tenantIds::contains, settings, ingestOptions(config), db::check,
        java.time.InstantSource.system());
  }

  /**
   * OTLP sources, cardinality limits, label protection and tracing of {@code collector} in slamon.yaml. The
   * pseudonymisation key's {@code ${ENV_VAR}} / {@code file:path} is resolved here, at start.
   */
  static IngestOptions ingestOptions(SlamonConfig config) {
    io.slamon.core.config.CollectorSettings c = config.collector();
    Map<String, String> otlp = new LinkedHashMap<>();
    c.otlpSources().forEach(s -> otlp.put(s.token(), s.name()));
    LabelPolicy labels = c.labels().pseudonymise().isEmpty() && c.labels().drop().isEmpty() ? LabelPolicy.none()
        : new LabelPolicy(Set.copyOf(c.labels().drop()), Set.copyOf(c.labels().pseudonymise()),
            c.labels().pseudonymisationKey() == null ? null
                : SecretValue.resolve(c.labels().pseudonymisationKey(), System::getenv, config.configDir()));
    CollectorTracing tracing = c.tracing().enabled()
        ? CollectorTracing.otlp(c.tracing().otlpEndpoint(), c.tracing().serviceName()) : CollectorTracing.off();
    return IngestOptions.defaults().withOtlpSources(new EventSources(otlp)).withLabelPolicy(labels)
        .withCardinalityLimits(c.limits()).withTracing(tracing);
  }

  /**
   * The targets of every job — static ones and those in its {@code file_sd_configs} files (read
   * once here; {@link #targetDiscovery} keeps them current) — after the job's
   * {@code relabel_configs}, as Prometheus applies them: on the target labels plus
   * {@code __address__}, {@code __scheme__} and {@code __metrics_path__}; a rule that drops the
   * target removes it; labels starting with {@code __} are removed afterwards.
   */
  static List<ScrapeTarget> scrapeTargets(SlamonConfig config) {
    return scrapeTargets(config, (job, sd) -> {
      FileDiscovery.Result found = FileDiscovery.read(config.configDir(), sd.files());
      found.problems().forEach(p -> LOG.warn("file_sd of job {}: {}", job.jobName(), p));
      return found.groups();
    });
  }

  /**
   * The targets of every job, kept current: each {@code file_sd_configs} entry gets a
   * {@link FileSdWatcher} (re-reads changed files, every file at its {@code refresh_interval}, keeps
   * a broken file's last good targets), so each call returns the targets as the files are now.
   * For {@code Collector.discoverTargets}.
   */
  static Supplier<List<ScrapeTarget>> targetDiscovery(SlamonConfig config) {
    Map<FileSdConfig, FileSdWatcher> watchers = new IdentityHashMap<>();
    for (ScrapeConfig job : config.scrapeConfigs()) {
      for (FileSdConfig sd : job.fileSdConfigs()) {
        watchers.put(sd, new FileSdWatcher(config.configDir(), sd.files(), sd.refreshInterval(),
            java.time.InstantSource.system()));
      }
    }
    return () -> scrapeTargets(config, (job, sd) -> watchers.get(sd).groups());
  }

  /** True when some job discovers targets from files (only then is periodic discovery worth running). */
  static boolean usesFileSd(SlamonConfig config) {
    return config.scrapeConfigs().stream().anyMatch(j -> !j.fileSdConfigs().isEmpty());
  }

  private static List<ScrapeTarget> scrapeTargets(SlamonConfig config,
      BiFunction<ScrapeConfig, FileSdConfig, List<FileDiscovery.TargetGroup>> fileSd) {
    List<ScrapeTarget> targets = new ArrayList<>();
    for (ScrapeConfig job : config.scrapeConfigs()) {
      List<StaticConfig> groups = new ArrayList<>(job.staticConfigs());
      for (FileSdConfig sd : job.fileSdConfigs()) {
        fileSd.apply(job, sd).forEach(g -> groups.add(new StaticConfig(g.targets(), g.labels())));
      }
      for (StaticConfig group : groups) {
        for (String hostPort : group.targets()) {
          Map<String, String> labels = new LinkedHashMap<>(group.labels());
          labels.put("__address__", hostPort);
          labels.put("__scheme__", job.scheme());
          labels.put("__metrics_path__", job.metricsPath());
          Optional<Map<String, String>> relabelled = Optional.of(labels);
          for (RelabelConfig rule : job.relabelConfigs()) {
            relabelled = relabelled.flatMap(rule::apply);
          }
          relabelled.ifPresent(l -> targets.add(target(job, l)));
        }
      }
    }
    return targets;
  }

  /** Each job's {@code metric_relabel_configs}, applied in order to every scraped series of that job. */
  static SeriesRelabeler metricRelabeling(SlamonConfig config) {
    Map<String, List<RelabelConfig>> byJob = new LinkedHashMap<>();
    config.scrapeConfigs().forEach(j -> byJob.put(j.jobName(), j.metricRelabelConfigs()));
    if (byJob.values().stream().allMatch(List::isEmpty)) {
      return SeriesRelabeler.NONE;
    }
    return (target, labels) -> {
      Optional<Map<String, String>> result = Optional.of(labels);
      for (RelabelConfig rule : byJob.getOrDefault(target.job(), List.of())) {
        result = result.flatMap(rule::apply);
      }
      return result;
    };
  }

  private static ScrapeTarget target(ScrapeConfig job, Map<String, String> labels) {
    URI url = URI.create(labels.get("__scheme__") + "://" + labels.get("__address__") + labels.get("__metrics_path__"));
    Map<String, String> visible = new LinkedHashMap<>();
    labels.forEach((k, v) -> {
      if (!k.startsWith("__")) {
        visible.put(k, v);
      }
    });
    return new ScrapeTarget(job.jobName(), url, job.scrapeInterval(), job.scrapeTimeout(), visible, job.honorLabels());
  }

  /**
   * The regulatory clocks of a configuration: each tenant's time zone and AVV deadline; provider-scope
   * incidents (and a missing configuration) use Europe/Berlin and no AVV deadline.
   */
  static RegulatoryClocks regulatoryClocks(SlamonConfig config, Database db, java.time.InstantSource clock) {
    return RegulatoryClocks.over(db, tenantId -> clockSettings(config, tenantId), clock);
  }

  static RegulatoryClocks.TenantClockSettings clockSettings(SlamonConfig config, String tenantId) {
    Optional<Tenant> tenant = config == null || tenantId == null ? Optional.empty() : config.tenant(tenantId);
    return tenant
        .map(t -> new RegulatoryClocks.TenantClockSettings(t.contract().timeZone(),
            t.regulatory().dsgvo() == null ? null : t.regulatory().dsgvo().controllerNotificationDeadline(),
            t.contract().incidentTargets()))
        .orElse(new RegulatoryClocks.TenantClockSettings(ZoneId.of("Europe/Berlin"), null));
  }

  /** The token the demo's simulator pushes events with: the first configured event source. */
  static String firstEventToken(SlamonConfig config) {
    return config.collector().eventSources().stream().findFirst().map(EventSource::token)
        .orElseThrow(() -> new IllegalStateException("slamon.yaml configures no collector.eventSources; the demo needs one to push events"));
  }

  /**
   * The SLOs the engine evaluates today: tenant SLOs whose indicator is a slamon availability,
   * time-to-first-token or latency kind. Other kinds are listed by {@link #notYetEvaluated}.
   */
  static List<SloDefinition> sloDefinitions(SlamonConfig config) {
    List<SloDefinition> result = new ArrayList<>();
    for (Slo slo : config.slos()) {
      toDefinition(config, slo).ifPresent(result::add);
    }
    return result;
  }

  static List<String> notYetEvaluated(SlamonConfig config) {
    return config.slos().stream().filter(s -> toDefinition(config, s).isEmpty()).map(Slo::name).toList();
  }

  private static Optional<SloDefinition> toDefinition(SlamonConfig config, Slo slo) {
    Optional<String> tenant = slo.tenant();
    MetricSource source = slo.indicator().source();
    if (tenant.isEmpty() || !MetricSource.SLAMON.equals(source.type())) {
      return Optional.empty();
    }
    double threshold = BuiltInKinds.hasDurationThreshold(source.kind())
        ? source.durationParam("threshold").map(d -> d.toNanos() / 1e9).orElse(0.0) : 0.0;
    String metric = source.param("metric").orElse("");
    SliKind kind = switch (source.kind()) {
      case AVAILABILITY -> SliKind.AVAILABILITY;
      case TTFT_UNDER -> SliKind.TTFT_UNDER;
      case LATENCY_UNDER -> metric.equals("vllm:time_to_first_token_seconds") ? SliKind.TTFT_UNDER
          : metric.equals("vllm:e2e_request_latency_seconds") ? SliKind.LATENCY_UNDER : null;
      default -> BuiltInKinds.engineKind(source.kind());
    };
    if (kind == null) {
      return Optional.empty();
    }
    ZoneId zone = config.tenant(tenant.get()).map(t -> t.contract().timeZone()).orElse(ZoneId.of("Europe/Berlin"));
    SloDefinition definition = new SloDefinition(tenant.get(), slo.name(), kind, threshold, slo.objectives().getFirst().target(),
        window(slo.timeWindow(), zone));
    return BuiltInKinds.complete(definition, slo, source, config.tenant(tenant.get()).orElse(null));
  }

  private static SloWindow window(List<TimeWindow> windows, ZoneId tenantZone) {
    if (windows.isEmpty()) {
      return new SloWindow.Rolling(java.time.Duration.ofDays(28));
    }
    TimeWindow w = windows.getFirst();
    if (w.fixed() != null) {
      return new SloWindow.Rolling(w.fixed());
    }
    int months = (int) w.calendarPeriod().toTotalMonths();
    if (months == 1 || months == 3 || months == 12) {
      return new SloWindow.Calendar(months, w.zone(tenantZone));
    }
    // other calendar lengths (weeks, days, two months): judged as a rolling window of the same
    // length until the engine has general calendar periods
    int days = w.calendarPeriod().getDays() > 0 ? w.calendarPeriod().getDays() : 30 * Math.max(1, months);
    return new SloWindow.Rolling(java.time.Duration.ofDays(days));
  }
}
