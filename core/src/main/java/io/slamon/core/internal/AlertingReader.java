package io.slamon.core.internal;

import io.slamon.core.config.AlertReceiver;
import io.slamon.core.config.AlertRoute;
import io.slamon.core.config.Alerting;
import io.slamon.core.config.QuietHours;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the {@code alerting} section of {@code slamon.yaml}. Tenant names in routes are collected
 * as {@link Ref}s and checked by the loader once all tenants are read.
 */
public final class AlertingReader {
  /** Alertmanager's default {@code resolve_timeout}: an alert not re-sent within it expires there. */
  static final Duration ALERTMANAGER_RESOLVE_TIMEOUT = Duration.ofMinutes(5);
  private static final int MIN_SECRET_BYTES = 16;

  private final List<Ref> tenantRefs = new ArrayList<>();

  /** Tenant ids named by routes, with their location. */
  public List<Ref> tenantRefs() {
    return tenantRefs;
  }

  /** Reports route tenants that name no configured tenant. */
  public static void checkTenants(List<Ref> refs, List<io.slamon.core.config.Tenant> tenants) {
    Set<String> ids = new TreeSet<>();
    tenants.forEach(t -> ids.add(t.id()));
    for (Ref r : refs) {
      if (!ids.contains(r.name())) {
        r.error("unknown tenant '" + r.name() + "'" + Suggestions.hint(r.name(), ids));
      }
    }
  }

  public Alerting read(Fields f) {
    Duration resend = f.duration("resendInterval", Alerting.DEFAULT_RESEND_INTERVAL, false);
    if (resend != null && resend.compareTo(Duration.ofSeconds(1)) < 0) {
      f.error("resendInterval", "must be at least 1s");
    } else if (resend != null && resend.compareTo(ALERTMANAGER_RESOLVE_TIMEOUT) >= 0) {
      f.error("resendInterval", "must be shorter than Alertmanager's resolve_timeout (5m by default), or active alerts expire there");
    }
    Duration failAfter = f.duration("failureAlertAfter", Alerting.DEFAULT_FAILURE_ALERT_AFTER, false);
    List<AlertReceiver> receivers = f.list("receivers", AlertingReader::receiver, false);
    Set<String> names = new HashSet<>();
    for (AlertReceiver r : receivers) {
      if (!names.add(r.name())) {
        f.error("receivers", "duplicate receiver name '" + r.name() + "'");
      }
    }
    List<AlertRoute> routes = f.list("routes", g -> route(g, names), false);
    String dashboard = linkTemplate(f, "dashboardUrl");
    String runbook = linkTemplate(f, "runbookUrl");
    return f.build(() -> new Alerting(resend, failAfter, receivers, routes, dashboard, runbook));
  }

  /** A URL template whose placeholders are known and which is an http(s) URL once they are filled. */
  private static String linkTemplate(Fields f, String key) {
    String t = f.string(key);
    if (t == null) {
      return null;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]*)}").matcher(t);
    while (m.find()) {
      if (!Alerting.LINK_PLACEHOLDERS.contains(m.group(1))) {
        f.error(key, "unknown placeholder {" + m.group(1) + "} (use " + String.join(", ",
            Alerting.LINK_PLACEHOLDERS.stream().map(p -> "{" + p + "}").toList()) + ")");
        return null;
      }
    }
    return url(f, key, m.replaceAll("x")) == null ? null : t;
  }

  private static AlertReceiver receiver(Fields f) {
    String name = f.requiredString("name");
    boolean am = f.has("alertmanager");
    boolean hook = f.has("webhook");
    if (am == hook) {
      if (am) {
        f.error("webhook", "a receiver is either alertmanager or webhook, not both");
      } else {
        f.error("needs an 'alertmanager' or a 'webhook' mapping");
      }
      f.finish();
      return null;
    }
    AlertReceiver r = am
        ? f.object("alertmanager", g -> {
            List<URI> urls = new ArrayList<>();
            List<String> raw = g.strings("urls");
            if (raw.isEmpty()) {
              g.error("urls", "needs at least one Alertmanager URL (http://host:9093)");
            }
            for (int i = 0; i < raw.size(); i++) {
              URI u = url(g, "urls", raw.get(i));
              if (u != null) {
                urls.add(u);
              }
            }
            return g.build(() -> new AlertReceiver(name, AlertReceiver.Kind.ALERTMANAGER, urls, null, null));
          })
        : f.object("webhook", g -> {
            String rawUrl = g.requiredString("url");
            URI u = rawUrl == null ? null : url(g, "url", rawUrl);
            AlertReceiver.WebhookFormat format = g.enumValue("format", AlertReceiver.WebhookFormat.class, AlertReceiver.WebhookFormat.GENERIC, false);
            String secret = g.string("secret");
            if (format == AlertReceiver.WebhookFormat.GENERIC && secret == null) {
              g.missing("secret");
            } else if (format != null && format != AlertReceiver.WebhookFormat.GENERIC && secret != null) {
              g.error("secret", "only applies to format generic (Slack and Teams authenticate by their secret URL)");
            } else if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
              g.error("secret", "must be at least " + MIN_SECRET_BYTES + " bytes (use `openssl rand -hex 32`)");
            }
            return g.build(() -> new AlertReceiver(name, AlertReceiver.Kind.WEBHOOK, List.of(u), format, secret));
          });
    return f.build(() -> r);
  }

  private static URI url(Fields f, String key, String raw) {
    try {
      URI u = new URI(raw);
      if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
        f.error(key, "\"" + raw + "\" is not an http(s) URL with a host");
        return null;
      }
      return u;
    } catch (URISyntaxException e) {
      f.error(key, "\"" + raw + "\" is not a URL: " + e.getReason());
      return null;
    }
  }

  private AlertRoute route(Fields f, Set<String> receiverNames) {
    List<String> tenants = f.strings("tenants");
    for (String t : tenants) {
      tenantRefs.add(Ref.of(f, "tenants", t));
    }
    List<String> severities = f.strings("severities");
    checkAllowed(f, "severities", severities, AlertRoute.SEVERITIES);
    List<String> regimes = f.strings("regimes");
    checkAllowed(f, "regimes", regimes, AlertRoute.REGIMES);
    List<String> receivers = f.strings("receivers");
    if (!f.has("receivers")) {
      f.missing("receivers");
    } else if (receivers.isEmpty()) {
      f.error("receivers", "must not be empty");
    }
    for (String r : receivers) {
      if (!receiverNames.contains(r)) {
        f.error("receivers", "unknown receiver '" + r + "'" + Suggestions.hint(r, receiverNames));
      }
    }
    QuietHours quiet = f.object("quietHours", g -> {
      var from = g.time("from", true);
      var to = g.time("to", true);
      return g.build(() -> new QuietHours(from, to));
    });
    return f.build(() -> new AlertRoute(tenants, severities, regimes, receivers, quiet));
  }

  private static void checkAllowed(Fields f, String key, List<String> values, Set<String> allowed) {
    for (String v : values) {
      if (!allowed.contains(v)) {
        f.error(key, "\"" + v + "\" is not one of " + String.join(", ", new TreeSet<>(allowed)));
      }
    }
  }
}
