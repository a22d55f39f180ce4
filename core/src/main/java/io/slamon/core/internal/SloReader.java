package io.slamon.core.internal;

import io.slamon.core.Durations;
import io.slamon.core.openslo.AlertCondition;
import io.slamon.core.openslo.BudgetingMethod;
import io.slamon.core.openslo.Metadata;
import io.slamon.core.openslo.MetricSource;
import io.slamon.core.openslo.Objective;
import io.slamon.core.openslo.Operator;
import io.slamon.core.openslo.RatioMetric;
import io.slamon.core.openslo.Service;
import io.slamon.core.openslo.Sli;
import io.slamon.core.openslo.SliKind;
import io.slamon.core.openslo.TimeWindow;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads OpenSLO {@code openslo/v1} documents from {@code slos/*.yaml} into drafts. */
public final class SloReader {
  public static final String API_VERSION = "openslo/v1";
  static final List<String> KINDS = List.of("SLO", "SLI", "Service", "AlertPolicy", "AlertCondition");
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final Pattern WINDOW = Pattern.compile("(\\d+)([mhdwMQY])");
  private static final DateTimeFormatter START =
      DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss]");

  private SloReader() {}

  /** Reads one document into {@code drafts}. */
  public static void read(Fields f, OpenSloDrafts drafts) {
    String apiVersion = f.requiredString("apiVersion");
    if (apiVersion != null && !apiVersion.equals(API_VERSION)) {
      f.error("apiVersion", "\"" + apiVersion + "\" is not supported (use " + API_VERSION + ")");
    }
    String kind = f.requiredString("kind");
    if (kind == null) {
      f.finish();
      return;
    }
    if (!KINDS.contains(kind)) {
      f.error(
          "kind",
          "\"" + kind + "\" is not one of " + String.join(", ", KINDS) + Suggestions.hint(kind, KINDS));
      f.node("metadata");
      f.node("spec");
      f.finish();
      return;
    }
    Metadata md = f.requiredObject("metadata", SloReader::metadata);
    Ref name =
        md == null
            ? null
            : new Ref(md.name(), f.problems(), f.lineOf("metadata", "name"), "metadata.name");
    Ref tenant = md == null ? null : tenantRef(f, md);
    switch (kind) {
      case "Service" -> {
        String description = f.object("spec", g -> {
          String d = g.string("description");
          g.finish();
          return d;
        });
        Service s = f.build(() -> new Service(md, description));
        if (s != null) {
          drafts.services.add(new OpenSloDrafts.Named<>(s, name, tenant));
        }
      }
      case "SLI" -> {
        Sli sli = f.requiredObject("spec", g -> SliReader.sliSpec(g, md));
        Sli built = f.build(() -> sli);
        if (built != null) {
          drafts.slis.add(new OpenSloDrafts.Named<>(built, name, tenant));
        }
      }
      case "AlertCondition" -> {
        AlertCondition c = f.requiredObject("spec", g -> conditionSpec(g, md));
        AlertCondition built = f.build(() -> c);
        if (built != null) {
          drafts.conditions.add(new OpenSloDrafts.Named<>(built, name, tenant));
        }
      }
      case "AlertPolicy" -> {
        OpenSloDrafts.PolicyDraft p = f.requiredObject("spec", g -> policySpec(g, md, name, tenant));
        OpenSloDrafts.PolicyDraft built = f.build(() -> p);
        if (built != null) {
          drafts.policies.add(built);
        }
      }
      case "SLO" -> {
        OpenSloDrafts.SloDraft s = f.requiredObject("spec", g -> sloSpec(g, md, name, tenant));
        OpenSloDrafts.SloDraft built = f.build(() -> s);
        if (built != null) {
          drafts.slos.add(built);
        }
      }
      default -> throw new IllegalStateException(kind);
    }
  }

  private static Ref tenantRef(Fields f, Metadata md) {
    return md.tenant()
        .map(
            t ->
                new Ref(
                    t,
                    f.problems(),
                    f.lineOf("metadata", "labels", "tenant"),
                    "metadata.labels.tenant"))
        .orElse(null);
  }

  private static Metadata metadata(Fields f) {
    String name = f.matching("name", NAME, "a lowercase DNS label (a-z, 0-9, '-')", true);
    String displayName = f.string("displayName");
    Map<String, String> labels = f.stringMap("labels");
    f.stringMap("annotations");
    return f.build(() -> new Metadata(name, displayName, labels));
  }

  private static OpenSloDrafts.SloDraft sloSpec(
      Fields f, Metadata md, Ref name, Ref tenant) {
    String description = f.string("description");
    String service = f.requiredString("service");
    String indicatorRef = f.string("indicatorRef");
    Sli indicator = null;
    if (f.has("indicator")) {
      indicator =
          f.object(
              "indicator",
              g -> {
                Metadata imd = g.object("metadata", SloReader::metadata);
                Metadata effective =
                    imd != null
                        ? imd
                        : new Metadata(
                            (md == null ? "slo" : md.name()) + "-indicator", null, Map.of());
                Sli s = g.requiredObject("spec", h -> SliReader.sliSpec(h, effective));
                return g.build(() -> s);
              });
      if (indicatorRef != null) {
        f.error("indicatorRef", "give either indicator or indicatorRef, not both");
      }
    } else if (indicatorRef == null) {
      f.missing("indicatorRef");
    }
    BudgetingMethod method = f.enumValue("budgetingMethod", BudgetingMethod.class, null, true);
    List<TimeWindow> windows = f.list("timeWindow", SloReader::timeWindow, true);
    if (windows.size() > 1) {
      f.error("timeWindow", "exactly one time window is supported");
    }
    List<Objective> objectives = f.list("objectives", g -> objective(g, method), true);
    boolean threshold = objectives.stream().allMatch(o -> o.op() != null);
    List<Ref> policies = new ArrayList<>();
    List<String> policyNames = f.strings("alertPolicies");
    for (int i = 0; i < policyNames.size(); i++) {
      policies.add(
          new Ref(
              policyNames.get(i),
              f.problems(),
              f.lineOf("alertPolicies"),
              f.child("alertPolicies") + "[" + i + "]"));
    }
    Ref serviceRef = Ref.of(f, "service", service);
    Ref sliRef = Ref.of(f, "indicatorRef", indicatorRef);
    Ref objectivesRef = new Ref("objectives", f.problems(), f.lineOf("objectives"), f.child("objectives"));
    Sli inline = indicator;
    String file = f.problems().file();
    return f.build(
        () ->
            new OpenSloDrafts.SloDraft(
                md,
                name,
                tenant,
                description,
                serviceRef,
                sliRef,
                inline,
                method,
                windows,
                objectives,
                policies,
                threshold,
                objectivesRef,
                file));
  }

  private static TimeWindow timeWindow(Fields f) {
    String duration = f.requiredString("duration");
    Duration fixed = null;
    Period period = null;
    if (duration != null) {
      Matcher m = WINDOW.matcher(duration);
      if (!m.matches() || Integer.parseInt(m.group(1)) == 0) {
        f.error(
            "duration",
            "\"" + duration + "\" is not an OpenSLO window (a positive number and one of m h d w M Q"
                + " Y, e.g. 28d or 1M)");
      } else {
        int n = Integer.parseInt(m.group(1));
        switch (m.group(2)) {
          case "m" -> fixed = Duration.ofMinutes(n);
          case "h" -> fixed = Duration.ofHours(n);
          case "d" -> fixed = Duration.ofDays(n);
          case "w" -> fixed = Duration.ofDays(7L * n);
          case "M" -> period = Period.ofMonths(n);
          case "Q" -> period = Period.ofMonths(3 * n);
          default -> period = Period.ofYears(n);
        }
      }
    }
    boolean rolling = f.bool("isRolling", false);
    var start =
        f.object(
            "calendar",
            g -> {
              String text = g.requiredString("startTime");
              ZoneId zone = g.zone("timeZone", null);
              if (!g.has("timeZone")) {
                g.missing("timeZone");
              }
              LocalDateTime t = null;
              if (text != null) {
                try {
                  t = LocalDateTime.parse(text, START);
                } catch (DateTimeException e) {
                  g.error("startTime", "\"" + text + "\" is not a time like 2025-01-01 00:00:00");
                }
              }
              LocalDateTime local = t;
              return g.build(() -> local.atZone(zone));
            });
    if (rolling && f.has("calendar")) {
      f.error("calendar", "a rolling window has no calendar (set isRolling: false)");
    }
    if (rolling && period != null) {
      f.error("duration", "rolling windows need a fixed length (m, h, d, w), not " + duration);
    }
    Duration fx = fixed;
    Period p = period;
    return f.build(() -> new TimeWindow(duration, fx, p, rolling, start));
  }

  private static Objective objective(Fields f, BudgetingMethod method) {
    String displayName = f.string("displayName");
    Operator op = f.enumValue("op", Operator.class, null, false);
    Double value = f.number("value");
    if ((op == null) != (value == null) && f.clean()) {
      f.error(op == null ? "op" : "value", "op and value go together (threshold objectives)");
    }
    Double target = null;
    if (f.has("target") && f.has("targetPercent")) {
      f.error("targetPercent", "give either target or targetPercent, not both");
    } else if (f.has("targetPercent")) {
      Double pct = f.number("targetPercent");
      if (pct != null && !(pct > 0 && pct < 100)) {
        f.error("targetPercent", Fields.fmt(pct) + " is out of range (greater than 0, less than 100)");
      } else if (pct != null) {
        target = pct / 100.0;
      }
    } else if (f.has("target")) {
      Double t = f.number("target");
      if (t != null && !(t > 0 && t < 1)) {
        f.error(
            "target",
            Fields.fmt(t)
                + " is out of range (a fraction greater than 0 and less than 1; use targetPercent"
                + " for percent)");
      } else {
        target = t;
      }
    } else {
      f.missing("target");
    }
    Double sliceTarget = f.number("timeSliceTarget");
    if (sliceTarget != null && !(sliceTarget > 0 && sliceTarget <= 1)) {
      f.error("timeSliceTarget", Fields.fmt(sliceTarget) + " is out of range (greater than 0, at most 1)");
    }
    Duration sliceWindow = f.duration("timeSliceWindow", null, false);
    if (method == BudgetingMethod.TIMESLICES && f.clean()) {
      if (sliceTarget == null) {
        f.missing("timeSliceTarget");
      }
      if (sliceWindow == null) {
        f.missing("timeSliceWindow");
      }
    } else if (method == BudgetingMethod.RATIO_TIMESLICES && sliceWindow == null && f.clean()) {
      f.missing("timeSliceWindow");
    } else if (method == BudgetingMethod.OCCURRENCES) {
      for (String k : List.of("timeSliceTarget", "timeSliceWindow")) {
        if (f.has(k)) {
          f.error(k, "only applies to budgetingMethod Timeslices or RatioTimeslices");
        }
      }
    }
    Double tgt = target;
    return f.build(() -> new Objective(displayName, op, value, tgt, sliceTarget, sliceWindow));
  }

  private static AlertCondition conditionSpec(Fields f, Metadata md) {
    String severity = f.requiredString("severity");
    String description = f.string("description");
    record Cond(double threshold, Duration lookback, Duration after) {}
    Cond c =
        f.requiredObject(
            "condition",
            g -> {
              String kind = g.requiredString("kind");
              if (kind != null && !kind.equals("burnrate")) {
                g.error("kind", "\"" + kind + "\" is not supported (use burnrate)");
              }
              String op = g.string("op");
              if (op != null && !op.equals("gt") && !op.equals("gte")) {
                g.error("op", "\"" + op + "\" is not supported for burn rates (use gt or gte)");
              }
              Double threshold = g.requiredNumber("threshold");
              if (threshold != null && threshold <= 0) {
                g.error("threshold", "must be greater than 0");
              }
              Duration lookback = g.requiredDuration("lookbackWindow");
              Duration after = g.duration("alertAfter", Duration.ZERO, true);
              return g.build(() -> new Cond(threshold, lookback, after));
            });
    return f.build(
        () -> new AlertCondition(md, severity, description, c.threshold(), c.lookback(), c.after()));
  }

  private static OpenSloDrafts.PolicyDraft policySpec(
      Fields f, Metadata md, Ref name, Ref tenant) {
    String description = f.string("description");
    boolean noData = f.bool("alertWhenNoData", false);
    boolean breaching = f.bool("alertWhenBreaching", true);
    boolean resolved = f.bool("alertWhenResolved", false);
    List<Object> conditions =
        f.list(
            "conditions",
            g -> {
              if (g.has("conditionRef")) {
                Ref r = Ref.of(g, "conditionRef", g.string("conditionRef"));
                return g.build(() -> r);
              }
              g.requiredString("kind");
              String kind = g.string("kind");
              if (kind != null && !kind.equals("AlertCondition")) {
                g.error("kind", "\"" + kind + "\" is not allowed here (expected AlertCondition)");
              }
              Metadata cmd = g.requiredObject("metadata", SloReader::metadata);
              AlertCondition c = g.requiredObject("spec", h -> conditionSpec(h, cmd));
              return g.build(() -> c);
            },
            true);
    List<String> targets =
        f.list(
            "notificationTargets",
            g -> {
              String t = g.requiredString("targetRef");
              return g.build(() -> t);
            },
            false);
    return f.build(
        () ->
            new OpenSloDrafts.PolicyDraft(
                md, name, tenant, description, noData, breaching, resolved, conditions, targets));
  }
}
