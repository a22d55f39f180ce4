package io.slamon.core.config;

import io.slamon.core.internal.AlertingReader;
import io.slamon.core.internal.ConfigFiles;
import io.slamon.core.internal.Fields;
import io.slamon.core.internal.GlobalReader;
import io.slamon.core.internal.Node;
import io.slamon.core.internal.OpenSloDrafts;
import io.slamon.core.internal.PortalReader;
import io.slamon.core.internal.References;
import io.slamon.core.internal.ScrapeReader;
import io.slamon.core.internal.SloReader;
import io.slamon.core.internal.TenantReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads and validates a config directory:
 *
 * <pre>
 * slamon.yaml      global settings (required)
 * tenants/*.yaml   one Tenant each
 * scrape/*.yaml    Prometheus scrape_configs subset
 * slos/*.yaml      OpenSLO openslo/v1 documents (several per file, separated by ---)
 * </pre>
 *
 * All files are read and every problem is collected; nothing stops at the first error. Pure apart
 * from reading the files, so it is safe to call from a CLI, a reload endpoint or a test.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  public static ConfigResult load(Path configDir) {
    List<ConfigProblem> problems = new ArrayList<>();
    if (!Files.isDirectory(configDir)) {
      problems.add(new ConfigProblem(configDir.toString(), 0, "", "is not a directory"));
      return new ConfigResult(null, problems);
    }
    ConfigFiles files = new ConfigFiles(configDir, problems);

    GlobalReader.Global global = null;
    if (!files.exists("slamon.yaml")) {
      problems.add(
          new ConfigProblem("slamon.yaml", 0, "", "is missing (every config directory needs one)"));
    } else {
      ConfigFiles.Parsed parsed = files.parse("slamon.yaml");
      Node doc = single(parsed);
      if (doc != null) {
        Fields f = Fields.of(doc, "", 1, parsed.problems());
        global = f == null ? null : GlobalReader.read(f);
      }
    }

    References refs = new References();
    List<Tenant> tenants = new ArrayList<>();
    for (String file : files.list("tenants")) {
      ConfigFiles.Parsed parsed = files.parse(file);
      Node doc = single(parsed);
      refs.rawTenantId(doc);
      Fields f = doc == null ? null : Fields.of(doc, "", 1, parsed.problems());
      if (f != null) {
        Tenant t = TenantReader.read(f);
        if (t != null) {
          tenants.add(t);
          refs.tenant(t, doc, parsed.problems());
        }
      }
    }

    List<ScrapeConfig> scrapeConfigs = new ArrayList<>();
    for (String file : files.list("scrape")) {
      ConfigFiles.Parsed parsed = files.parse(file);
      Node doc = single(parsed);
      Fields f = doc == null ? null : Fields.of(doc, "", 1, parsed.problems());
      if (f != null) {
        List<ScrapeConfig> jobs = ScrapeReader.read(f);
        scrapeConfigs.addAll(jobs);
        refs.scrapeFile(doc, parsed.problems());
      }
    }

    OpenSloDrafts drafts = new OpenSloDrafts();
    for (String file : files.list("slos")) {
      ConfigFiles.Parsed parsed = files.parse(file);
      if (parsed.documents().isEmpty() && !parsed.problems().hasAny()) {
        parsed.problems().add(0, "", "contains no documents");
      }
      for (Node doc : parsed.documents()) {
        if (doc instanceof Node.Scalar s && (s.value() == null || "".equals(s.value()))) {
          continue; // an empty document between two --- separators
        }
        Fields f = Fields.of(doc, "", 1, parsed.problems());
        if (f != null) {
          SloReader.read(f, drafts);
        }
      }
    }
    References.Resolved openslo = refs.resolve(drafts);
    if (global != null) {
      AlertingReader.checkTenants(global.alertingTenantRefs(), tenants);
      checkTokenTenants(global.portal(), tenants, problems);
    }

    if (!problems.isEmpty() || global == null) {
      return new ConfigResult(null, problems.stream().sorted(ConfigProblem.ORDER).toList());
    }
    SlamonConfig config =
        new SlamonConfig(
            configDir,
            global.provider(),
            global.storage(),
            global.http(),
            global.collector(),
            global.evaluation(),
            tenants,
            scrapeConfigs,
            openslo.slos(),
            openslo.slis(),
            openslo.services(),
            openslo.alertPolicies(),
            openslo.alertConditions(),
            global.alerting(),
            global.portal().portal(),
            global.reports());
    return new ConfigResult(config, List.of());
  }

  /** A tenant token must name a configured tenant (the tenants are read after slamon.yaml). */
  private static void checkTokenTenants(PortalReader.Read portal, List<Tenant> tenants, List<ConfigProblem> problems) {
    List<ApiToken> tokens = portal.portal().tokens();
    for (int i = 0; i < tokens.size(); i++) {
      String tenant = tokens.get(i).tenant();
      if (tenant != null && tenants.stream().noneMatch(t -> t.id().equals(tenant))) {
        problems.add(new ConfigProblem("slamon.yaml", portal.tokenLines().get(i), "portal.tokens[" + i + "].tenant",
            "'" + tenant + "' is not a tenant (no file in tenants/ has that id)"));
      }
    }
  }

  /** The one document of a single-document file, or null after reporting why not. */
  private static Node single(ConfigFiles.Parsed parsed) {
    List<Node> docs = parsed.documents();
    if (docs.isEmpty()) {
      if (!parsed.problems().hasAny()) {
        parsed.problems().add(0, "", "is empty");
      }
      return null;
    }
    if (docs.size() > 1) {
      parsed
          .problems()
          .add(docs.get(1).line(), "", "expected one YAML document, found " + docs.size());
      return null;
    }
    return docs.get(0);
  }
}
