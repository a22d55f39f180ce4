package io.slamon.core.internal;

import io.slamon.core.config.Alerting;
import io.slamon.core.config.CardinalityLimits;
import io.slamon.core.config.CollectorSettings;
import io.slamon.core.config.LabelProtection;
import io.slamon.core.config.EventSource;
import io.slamon.core.config.Evaluation;
import io.slamon.core.config.Http;
import io.slamon.core.config.Provider;
import io.slamon.core.config.Retention;
import io.slamon.core.config.Storage;
import io.slamon.core.config.Tracing;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@code slamon.yaml}. */
public final class GlobalReader {
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  private GlobalReader() {}

  /** The parts of {@code slamon.yaml}. */
  public record Global(
      Provider provider,
      Storage storage,
      Http http,
      CollectorSettings collector,
      Evaluation evaluation,
      Alerting alerting,
      List<Ref> alertingTenantRefs,
      PortalReader.Read portal,
      io.slamon.core.config.Reports reports) {}

  public static Global read(Fields f) {
    // apiVersion/kind are optional here (there is only one slamon.yaml) but checked when given.
    String apiVersion = f.string("apiVersion");
    if (apiVersion != null && !apiVersion.equals(TenantReader.API_VERSION)) {
      f.error("apiVersion", "\"" + apiVersion + "\" is not supported (use " + TenantReader.API_VERSION + ")");
    }
    String kind = f.string("kind");
    if (kind != null && !kind.equals("Slamon")) {
      f.error("kind", "\"" + kind + "\" is not allowed here (expected Slamon)");
    }
    Provider provider = f.requiredObject("provider", GlobalReader::provider);
    Storage storage = f.object("storage", GlobalReader::storage);
    Http http = f.object("http", GlobalReader::http);
    CollectorSettings collector = f.object("collector", GlobalReader::collector);
    PortalReader.Read portal = f.object("portal", g -> PortalReader.read(g, System.getenv()));
    Evaluation evaluation =
        f.object(
            "evaluation",
            g -> {
              Duration interval = g.duration("interval", Evaluation.DEFAULT.interval(), false);
              if (interval != null && interval.compareTo(Duration.ofSeconds(1)) < 0) {
                g.error("interval", "must be at least 1s");
              }
              return g.build(() -> new Evaluation(interval));
            });
    AlertingReader alertingReader = new AlertingReader();
    Alerting alerting = f.object("alerting", alertingReader::read);
    io.slamon.core.config.Reports reports = f.object("reports", ReportsReader::read);
    return f.build(
        () ->
            new Global(
                provider,
                storage != null
                    ? storage
                    : new Storage(null, null, null, Storage.DEFAULT_DATA_DIRECTORY, Retention.DEFAULT),
                http != null ? http : Http.DEFAULT,
                collector != null ? collector : CollectorSettings.DEFAULT,
                evaluation != null ? evaluation : Evaluation.DEFAULT,
                alerting != null ? alerting : Alerting.NONE,
                alertingReader.tenantRefs(),
                portal != null ? portal : new PortalReader.Read(io.slamon.core.config.Portal.DEFAULT, java.util.List.of()),
                reports != null ? reports : io.slamon.core.config.Reports.DEFAULT));
  }

  private static Provider provider(Fields f) {
    String name = f.requiredString("name");
    String legalName = f.string("legalName");
    String country = f.matching("country", COUNTRY, "an ISO 3166-1 alpha-2 code such as DE", false);
    return f.build(() -> new Provider(name, legalName, country));
  }

  private static Storage storage(Fields f) {
    String url = f.string("url");
    if (url != null && !url.startsWith("jdbc:postgresql:")) {
      f.error("url", "\"" + url + "\" is not a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/db)");
    }
    String user = f.string("user");
    String password = f.string("password");
    if (url == null && (user != null || password != null)) {
      f.error(
          user != null ? "user" : "password",
          "only applies with url (the embedded database needs no credentials)");
    }
    String dir = f.string("dataDirectory", Storage.DEFAULT_DATA_DIRECTORY.toString());
    Path path = null;
    try {
      path = dir == null ? null : Path.of(dir);
    } catch (InvalidPathException e) {
      f.error("dataDirectory", "\"" + dir + "\" is not a valid path");
    }
    Retention retention =
        f.object(
            "retention",
            g -> {
              Duration raw = g.duration("raw", Retention.DEFAULT.raw(), false);
              Duration rollups = g.duration("rollups", Retention.DEFAULT.rollups(), false);
              Duration events = g.duration("events", Retention.DEFAULT.events(), false);
              if (raw != null && rollups != null && rollups.compareTo(raw) < 0) {
                g.error("rollups", "must not be shorter than raw (" + g.string("raw") + ")");
              }
              return g.build(() -> new Retention(raw, rollups, events));
            });
    Path p = path;
    return f.build(
        () -> new Storage(url, user, password, p, retention == null ? Retention.DEFAULT : retention));
  }

  private static Http http(Fields f) {
    Integer port = f.integer("port", 0, 65535, Http.DEFAULT.port());
    String bind = f.string("bind", Http.DEFAULT.bind());
    return f.build(() -> new Http(port, bind));
  }

  private static CollectorSettings collector(Fields f) {
    List<EventSource> sources = f.list("eventSources", GlobalReader::source, false);
    checkUnique(f, "eventSources", "event source", sources);
    List<EventSource> otlp = f.list("otlpSources", GlobalReader::source, false);
    checkUnique(f, "otlpSources", "OTLP source", otlp);
    CardinalityLimits limits = f.object("limits", GlobalReader::limits);
    LabelProtection labels = f.object("labels", GlobalReader::labels);
    Tracing tracing = f.object("tracing", GlobalReader::tracing);
    return f.build(() -> new CollectorSettings(sources, otlp, limits == null ? CardinalityLimits.DEFAULT : limits,
        labels == null ? LabelProtection.NONE : labels, tracing == null ? Tracing.OFF : tracing));
  }

  private static Tracing tracing(Fields f) {
    String endpoint = f.string("otlpEndpoint");
    String service = f.string("serviceName", Tracing.OFF.serviceName());
    URI uri = null;
    if (endpoint != null) {
      try {
        uri = new URI(endpoint);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
          f.error("otlpEndpoint", "\"" + endpoint + "\" is not an http(s) URL such as http://localhost:4318/v1/traces");
        }
      } catch (URISyntaxException e) {
        f.error("otlpEndpoint", "\"" + endpoint + "\" is not a URL: " + e.getReason());
      }
    }
    URI u = uri;
    return f.build(() -> new Tracing(u, service));
  }

  private static EventSource source(Fields g) {
    String name = g.requiredString("name");
    String token = g.requiredString("token");
    if (token != null && token.length() < 16) {
      g.error("token", "must be at least 16 characters");
    }
    return g.build(() -> new EventSource(name, token));
  }

  private static void checkUnique(Fields f, String field, String what, List<EventSource> sources) {
    Set<String> names = new HashSet<>();
    Set<String> tokens = new HashSet<>();
    for (EventSource s : sources) {
      if (!names.add(s.name())) {
        f.error(field, "duplicate " + what + " name '" + s.name() + "'");
      }
      if (!tokens.add(s.token())) {
        f.error(field, what + " '" + s.name() + "' reuses another source's token");
      }
    }
  }

  private static CardinalityLimits limits(Fields f) {
    CardinalityLimits d = CardinalityLimits.DEFAULT;
    Integer perTarget = f.integer("maxSeriesPerTarget", 1, Integer.MAX_VALUE, d.maxSeriesPerTarget());
    Integer perTenant = f.integer("maxSeriesPerTenant", 1, Integer.MAX_VALUE, d.maxSeriesPerTenant());
    Duration idle = f.duration("seriesIdleTimeout", d.seriesIdleTimeout(), false);
    return f.build(() -> new CardinalityLimits(perTarget, perTenant, idle));
  }

  private static LabelProtection labels(Fields f) {
    List<String> drop = f.strings("drop");
    List<String> pseudonymise = f.strings("pseudonymise");
    String key = f.string("pseudonymisationKey");
    for (String name : pseudonymise) {
      if (drop.contains(name)) {
        f.error("pseudonymise", "label '" + name + "' is also dropped");
      }
    }
    if (!pseudonymise.isEmpty() && key == null) {
      f.missing("pseudonymisationKey");
    }
    if (key != null && !key.startsWith("${") && !key.startsWith("file:") && key.length() < 16) {
      f.error("pseudonymisationKey", "must be at least 16 characters (or ${ENV_VAR} / file:path)");
    }
    return f.build(() -> new LabelProtection(drop, pseudonymise, key));
  }
}
