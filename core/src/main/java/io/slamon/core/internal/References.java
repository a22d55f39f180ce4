package io.slamon.core.internal;

import io.slamon.core.config.Tenant;
import io.slamon.core.openslo.AlertCondition;
import io.slamon.core.openslo.AlertPolicy;
import io.slamon.core.openslo.Service;
import io.slamon.core.openslo.Sli;
import io.slamon.core.openslo.Slo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that span files: duplicate tenant ids, two tenants claiming the same series, scrape jobs
 * with the same name, {@code tenant} labels naming no tenant, and OpenSLO references (service,
 * indicatorRef, alertPolicies, conditionRef, tenant label).
 */
public final class References {
  private final Map<String, String> tenantFiles = new HashMap<>();
  private final Set<String> rawTenantIds = new HashSet<>();
  private final Map<String, String> claims = new HashMap<>();
  private final Map<String, String> jobFiles = new HashMap<>();

  /** The resolved OpenSLO documents. */
  public record Resolved(
      List<Slo> slos,
      List<Sli> slis,
      List<Service> services,
      List<AlertPolicy> alertPolicies,
      List<AlertCondition> alertConditions) {}

  /** Remembers the id written in a tenant file even if the file is invalid, to avoid follow-up errors. */
  public void rawTenantId(Node doc) {
    if (doc instanceof Node.MapNode m
        && m.entries().get("id") != null
        && m.entries().get("id").value() instanceof Node.Scalar s
        && s.value() != null) {
      rawTenantIds.add(s.text());
    }
  }

  public void tenant(Tenant t, Node doc, FileProblems problems) {
    String previous = tenantFiles.putIfAbsent(t.id(), problems.file());
    if (previous != null) {
      problems.add(
          ConfigFiles.lineOf(doc, "id"), "id", "duplicate tenant id '" + t.id() + "' (also in " + previous + ")");
      return;
    }
    claim(t, "namespaces", "namespace", t.attribution().namespaces(), doc, problems);
    claim(t, "podPrefixes", "pod prefix", t.attribution().podPrefixes(), doc, problems);
    claim(t, "models", "model", t.attribution().models(), doc, problems);
    claim(t, "targets", "target", t.attribution().targets(), doc, problems);
  }

  private void claim(
      Tenant t, String key, String what, List<String> values, Node doc, FileProblems problems) {
    for (String v : values) {
      String owner = claims.putIfAbsent(key + "\u0000" + v, t.id());
      if (owner != null && !owner.equals(t.id())) {
        problems.add(
            ConfigFiles.lineOf(doc, "attribution", key),
            "attribution." + key,
            what + " '" + v + "' is already attributed to tenant '" + owner + "'");
      }
    }
  }

  private boolean knownTenant(String id) {
    return tenantFiles.containsKey(id) || rawTenantIds.contains(id);
  }

  private String tenantHint(String id) {
    return Suggestions.hint(id, tenantFiles.keySet());
  }

  /** Checks job names and {@code tenant} labels of one scrape file (walks the raw tree). */
  public void scrapeFile(Node doc, FileProblems problems) {
    for (Located job : items(doc, "scrape_configs", "scrape_configs")) {
      Node name = get(job.node(), "job_name");
      if (name instanceof Node.Scalar s && s.value() != null) {
        String previous = jobFiles.putIfAbsent(s.text(), problems.file());
        if (previous != null) {
          problems.add(
              s.line(),
              job.path() + ".job_name",
              "duplicate job_name '" + s.text() + "' (also in " + previous + ")");
        }
      }
      for (Located sc : items(job.node(), "static_configs", job.path() + ".static_configs")) {
        if (get(get(sc.node(), "labels"), "tenant") instanceof Node.Scalar t
            && t.value() != null
            && !knownTenant(t.text())) {
          problems.add(
              t.line(),
              sc.path() + ".labels.tenant",
              "unknown tenant '" + t.text() + "'" + tenantHint(t.text()));
        }
      }
      for (Located rc : items(job.node(), "relabel_configs", job.path() + ".relabel_configs")) {
        if (get(rc.node(), "target_label") instanceof Node.Scalar tl
            && "tenant".equals(tl.text())
            && get(rc.node(), "replacement") instanceof Node.Scalar r
            && !r.text().contains("$")
            && !knownTenant(r.text())) {
          problems.add(
              r.line(),
              rc.path() + ".replacement",
              "unknown tenant '" + r.text() + "'" + tenantHint(r.text()));
        }
      }
    }
  }

  private record Located(Node node, String path) {}

  private static List<Located> items(Node parent, String key, String path) {
    List<Located> out = new ArrayList<>();
    if (get(parent, key) instanceof Node.ListNode list) {
      for (int i = 0; i < list.items().size(); i++) {
        out.add(new Located(list.items().get(i), path + "[" + i + "]"));
      }
    }
    return out;
  }

  private static Node get(Node n, String key) {
    if (n instanceof Node.MapNode m && m.entries().get(key) != null) {
      return m.entries().get(key).value();
    }
    return null;
  }

  /** Resolves references between OpenSLO documents, reporting dangling ones. */
  public Resolved resolve(OpenSloDrafts d) {
    Map<String, OpenSloDrafts.Named<Service>> services = unique(d.services, "Service");
    Map<String, OpenSloDrafts.Named<Sli>> slis = unique(d.slis, "SLI");
    Map<String, OpenSloDrafts.Named<AlertCondition>> conditions =
        unique(d.conditions, "AlertCondition");
    for (var n : d.services) {
      checkTenant(n.tenant());
    }
    for (var n : d.slis) {
      checkTenant(n.tenant());
    }

    Map<String, AlertPolicy> policies = new LinkedHashMap<>();
    for (OpenSloDrafts.PolicyDraft p : d.policies) {
      checkTenant(p.tenant());
      List<AlertCondition> resolved = new ArrayList<>();
      for (Object c : p.conditions()) {
        if (c instanceof AlertCondition ac) {
          resolved.add(ac);
        } else if (c instanceof Ref r) {
          var target = conditions.get(r.name());
          if (target == null) {
            r.error(
                "unknown AlertCondition '" + r.name() + "'" + Suggestions.hint(r.name(), conditions.keySet()));
          } else {
            resolved.add(target.value());
          }
        }
      }
      if (policies.containsKey(p.metadata().name())) {
        p.name().error("duplicate AlertPolicy name '" + p.metadata().name() + "'");
      } else {
        policies.put(
            p.metadata().name(),
            new AlertPolicy(
                p.metadata(),
                p.description(),
                p.alertWhenNoData(),
                p.alertWhenBreaching(),
                p.alertWhenResolved(),
                resolved,
                p.notificationTargets()));
      }
    }

    List<Slo> slos = new ArrayList<>();
    Set<String> sloNames = new HashSet<>();
    for (OpenSloDrafts.SloDraft s : d.slos) {
      boolean ok = true;
      if (!sloNames.add(s.metadata().name())) {
        s.name().error("duplicate SLO name '" + s.metadata().name() + "'");
        ok = false;
      }
      ok &= checkTenant(s.tenant());
      var service = services.get(s.service().name());
      if (service == null) {
        s.service()
            .error(
                "unknown service '"
                    + s.service().name()
                    + "' (define it as kind: Service)"
                    + Suggestions.hint(s.service().name(), services.keySet()));
        ok = false;
      } else if (s.tenant() != null
          && service.tenant() != null
          && !service.tenant().name().equals(s.tenant().name())) {
        s.service()
            .error(
                "service '"
                    + service.value().name()
                    + "' belongs to tenant '"
                    + service.tenant().name()
                    + "', not '"
                    + s.tenant().name()
                    + "'");
        ok = false;
      }
      Sli indicator = s.indicator();
      if (s.indicatorRef() != null) {
        var sli = slis.get(s.indicatorRef().name());
        if (sli == null) {
          s.indicatorRef()
              .error(
                  "unknown SLI '"
                      + s.indicatorRef().name()
                      + "'"
                      + Suggestions.hint(s.indicatorRef().name(), slis.keySet()));
          ok = false;
        } else {
          indicator = sli.value();
        }
      }
      if (indicator != null && indicator.thresholdMetric() != null && !s.thresholdObjectives()) {
        s.objectivesRef().error("a thresholdMetric SLI needs op and value in every objective");
        ok = false;
      }
      for (Ref r : s.alertPolicies()) {
        if (!policies.containsKey(r.name())) {
          r.error(
              "unknown AlertPolicy '" + r.name() + "'" + Suggestions.hint(r.name(), policies.keySet()));
          ok = false;
        }
      }
      if (ok && indicator != null) {
        slos.add(
            new Slo(
                s.metadata(),
                s.description(),
                s.service().name(),
                s.indicatorRef() == null ? null : s.indicatorRef().name(),
                indicator,
                s.budgetingMethod(),
                s.timeWindow(),
                s.objectives(),
                s.alertPolicies().stream().map(Ref::name).toList(),
                s.file()));
      }
    }
    return new Resolved(
        slos,
        values(slis),
        values(services),
        List.copyOf(policies.values()),
        values(conditions));
  }

  private boolean checkTenant(Ref tenant) {
    if (tenant != null && !knownTenant(tenant.name())) {
      tenant.error("unknown tenant '" + tenant.name() + "'" + tenantHint(tenant.name()));
      return false;
    }
    return true;
  }

  private static <T> Map<String, OpenSloDrafts.Named<T>> unique(
      List<OpenSloDrafts.Named<T>> docs, String kind) {
    Map<String, OpenSloDrafts.Named<T>> out = new LinkedHashMap<>();
    for (var n : docs) {
      if (out.putIfAbsent(n.name().name(), n) != null) {
        n.name().error("duplicate " + kind + " name '" + n.name().name() + "'");
      }
    }
    return out;
  }

  private static <T> List<T> values(Map<String, OpenSloDrafts.Named<T>> map) {
    return map.values().stream().map(OpenSloDrafts.Named::value).toList();
  }
}
