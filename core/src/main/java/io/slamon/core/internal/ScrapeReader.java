package io.slamon.core.internal;

import io.slamon.core.config.FileSdConfig;
import io.slamon.core.config.RelabelConfig;
import io.slamon.core.config.ScrapeConfig;
import io.slamon.core.config.StaticConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads one {@code scrape/*.yaml} file: a Prometheus {@code scrape_configs} subset. */
public final class ScrapeReader {
  public static final Pattern HOST_PORT =
      Pattern.compile("(\\[[0-9a-fA-F:.]+]|[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?):\\d{1,5}");
  static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern JOB_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
  private static final Pattern SD_FILE = Pattern.compile("([^*]*/)?[^/]*\\.(json|ya?ml)");

  private ScrapeReader() {}

  private record Globals(Duration interval, Duration timeout) {}

  public static List<ScrapeConfig> read(Fields f) {
    Globals g =
        f.object(
            "global",
            h -> {
              Duration i = h.duration("scrape_interval", ScrapeConfig.DEFAULT_INTERVAL, false);
              Duration t = h.duration("scrape_timeout", ScrapeConfig.DEFAULT_TIMEOUT, false);
              return h.build(() -> new Globals(i, t));
            });
    Globals globals =
        g != null ? g : new Globals(ScrapeConfig.DEFAULT_INTERVAL, ScrapeConfig.DEFAULT_TIMEOUT);
    List<ScrapeConfig> jobs = f.list("scrape_configs", j -> job(j, globals), true);
    f.finish();
    return jobs;
  }

  private static ScrapeConfig job(Fields f, Globals globals) {
    String name = f.matching("job_name", JOB_NAME, "a job name (letters, digits, _ . -)", true);
    Duration interval = f.duration("scrape_interval", globals.interval(), false);
    // Prometheus: the timeout defaults to the global timeout, capped at the job's interval.
    Duration dfltTimeout =
        interval != null && globals.timeout().compareTo(interval) > 0
            ? interval
            : globals.timeout();
    Duration timeout = f.duration("scrape_timeout", dfltTimeout, false);
    if (interval != null && timeout != null && timeout.compareTo(interval) > 0) {
      f.error(
          "scrape_timeout",
          "must not be greater than scrape_interval (" + f.string("scrape_interval") + ")");
    }
    String path = f.string("metrics_path", "/metrics");
    if (path != null && !path.startsWith("/")) {
      f.error("metrics_path", "\"" + path + "\" must start with /");
    }
    String scheme = f.string("scheme", "http");
    if (scheme != null && !scheme.equals("http") && !scheme.equals("https")) {
      f.error("scheme", "\"" + scheme + "\" is not one of http, https");
    }
    boolean honor = f.bool("honor_labels", false);
    List<StaticConfig> statics = f.list("static_configs", ScrapeReader::staticConfig, false);
    List<FileSdConfig> fileSd = f.list("file_sd_configs", ScrapeReader::fileSd, false);
    List<RelabelConfig> relabel = f.list("relabel_configs", ScrapeReader::relabel, false);
    List<RelabelConfig> metricRelabel =
        f.list("metric_relabel_configs", ScrapeReader::relabel, false);
    if (f.clean() && statics.isEmpty() && fileSd.isEmpty()) {
      f.error("has no targets: add static_configs or file_sd_configs");
    }
    String file = f.problems().file();
    return f.build(
        () ->
            new ScrapeConfig(
                name,
                interval,
                timeout,
                path,
                scheme,
                honor,
                statics,
                fileSd,
                relabel,
                metricRelabel,
                file));
  }

  private static StaticConfig staticConfig(Fields f) {
    List<String> targets = f.strings("targets");
    if (!f.has("targets")) {
      f.missing("targets");
    }
    for (String t : targets) {
      if (!HOST_PORT.matcher(t).matches()) {
        f.error(
            "targets", "\"" + t + "\" is not host:port (no scheme or path, e.g. 127.0.0.1:9400)");
      }
    }
    Map<String, String> labels = f.stringMap("labels");
    for (String l : labels.keySet()) {
      if (!LABEL_NAME.matcher(l).matches() || l.startsWith("__")) {
        f.error("labels", "\"" + l + "\" is not a valid label name");
      }
    }
    return f.build(() -> new StaticConfig(targets, labels));
  }

  private static FileSdConfig fileSd(Fields f) {
    List<String> files = f.strings("files");
    if (!f.has("files")) {
      f.missing("files");
    }
    List<String> resolved = new ArrayList<>();
    for (String file : files) {
      if (!SD_FILE.matcher(file).matches()) {
        f.error(
            "files",
            "\""
                + file
                + "\" must end in .json, .yml or .yaml and may use * only in the last path"
                + " element");
      } else {
        resolved.add(file);
      }
    }
    Duration refresh = f.duration("refresh_interval", FileSdConfig.DEFAULT_REFRESH, false);
    return f.build(() -> new FileSdConfig(resolved, refresh));
  }

  private static RelabelConfig relabel(Fields f) {
    List<String> sources = f.strings("source_labels");
    for (String s : sources) {
      if (!LABEL_NAME.matcher(s).matches()) {
        f.error("source_labels", "\"" + s + "\" is not a valid label name");
      }
    }
    String separator = f.string("separator", ";");
    String regexText = f.string("regex", RelabelConfig.DEFAULT_REGEX);
    Pattern regex = null;
    if (regexText != null) {
      try {
        regex = RelabelConfig.anchored(regexText);
      } catch (PatternSyntaxException e) {
        f.error("regex", "\"" + regexText + "\" is not a valid regular expression: "
            + e.getDescription());
      }
    }
    String target = f.string("target_label");
    String replacement = f.string("replacement", "$1");
    RelabelConfig.Action action =
        f.enumValue("action", RelabelConfig.Action.class, RelabelConfig.Action.REPLACE, false);
    if (target != null && !target.contains("$") && !LABEL_NAME.matcher(target).matches()) {
      f.error("target_label", "\"" + target + "\" is not a valid label name");
    }
    if (action == RelabelConfig.Action.REPLACE && target == null && f.clean()) {
      f.missing("target_label");
    }
    if ((action == RelabelConfig.Action.KEEP || action == RelabelConfig.Action.DROP)
        && sources.isEmpty()
        && f.clean()) {
      f.missing("source_labels");
    }
    Pattern compiled = regex;
    return f.build(
        () -> new RelabelConfig(sources, separator, compiled, target, replacement, action));
  }
}
