package io.slamon.app.web;

import io.slamon.core.config.ApiToken;
import io.slamon.core.config.Tenant;
import io.slamon.incident.IncidentState;
import io.slamon.incident.clock.Awareness;
import io.slamon.store.IncidentRecord;
import io.vertx.ext.web.LanguageHeader;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The server-rendered pages. Signing in exchanges a token for a session (cookie {@code HttpOnly},
 * {@code SameSite=Strict}, {@code Secure} when configured); every state-changing form carries the
 * session's synchronizer CSRF token, compared in constant time. (Vert.x's CSRFHandler implements
 * the cookie double-submit variant meant for script-driven requests; with plain HTML forms a
 * session-bound token is the simpler, equally standard choice.)
 */
final class PageRoutes {
  private static final String TOKEN = "token";
  private static final String CSRF = "csrf";
  private static final String LANG = "lang";
  private static final String NOTICE = "notice";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final PortalData data;

  PageRoutes(PortalData data) {
    this.data = data;
  }

  void mount(Router router) {
    router.get("/").handler(ctx -> redirect(ctx, principal(ctx) == null ? "/login" : "/portal"));
    router.get("/login").handler(ctx -> html(ctx, 200, Layout.login(view(ctx, null), false)));
    router.post("/login").handler(this::login);
    router.post("/logout").handler(ctx -> {
      if (csrfValid(ctx)) {
        ctx.session().destroy();
        redirect(ctx, "/login");
      }
    });
    router.route("/portal*").handler(this::requireSignIn);
    router.route("/oncall*").handler(this::requireSignIn);
    router.route("/oncall*").handler(ctx -> {
      if (principal(ctx).provider()) {
        ctx.next();
      } else {
        html(ctx, 403, Layout.error(view(ctx, principal(ctx)), view(ctx, null).m().t("error.forbidden")));
      }
    });
    router.get("/portal").handler(this::portalHome);
    router.get("/portal/:tenant").blockingHandler(this::tenantPage, false);
    router.get("/portal/:tenant/incidents/:id").blockingHandler(this::tenantIncident, false);
    router.get("/portal/:tenant/reports/:id").blockingHandler(this::report, false);
    router.get("/oncall").blockingHandler(this::console, false);
    router.get("/oncall/incidents/:id").blockingHandler(this::oncallIncident, false);
    router.post("/oncall/incidents/:id/:action").blockingHandler(this::action, false);
  }

  private void login(RoutingContext ctx) {
    if (!csrfValid(ctx)) {
      return;
    }
    Optional<ApiToken> token = data.config().portal().authenticate(ctx.request().getFormAttribute("token"));
    if (token.isEmpty()) {
      html(ctx, 401, Layout.login(view(ctx, null), true));
      return;
    }
    // a new session id on sign-in, so a session id planted before cannot be ridden (fixation)
    ctx.session().regenerateId();
    ctx.session().put(TOKEN, token.get().name());
    ctx.session().put(CSRF, newCsrf());
    redirect(ctx, token.get().provider() ? "/oncall" : "/portal");
  }

  private void requireSignIn(RoutingContext ctx) {
    if (principal(ctx) == null) {
      redirect(ctx, "/login");
    } else {
      ctx.next();
    }
  }

  private void portalHome(RoutingContext ctx) {
    Principal p = principal(ctx);
    if (!p.provider()) {
      redirect(ctx, "/portal/" + p.tenant());
      return;
    }
    html(ctx, 200, TenantPages.tenantList(view(ctx, p), data.config().tenants()));
  }

  /** The tenant of the path if the caller may read it; otherwise a 404 page (same as unknown tenants). */
  private Tenant readableTenant(RoutingContext ctx) {
    Principal p = principal(ctx);
    String id = ctx.pathParam("tenant");
    Optional<Tenant> tenant = p.canRead(id) ? data.tenant(id) : Optional.empty();
    if (tenant.isEmpty()) {
      notFound(ctx);
      return null;
    }
    return tenant.get();
  }

  private void tenantPage(RoutingContext ctx) {
    Tenant tenant = readableTenant(ctx);
    if (tenant != null) {
      html(ctx, 200, TenantPages.overview(view(ctx, principal(ctx)), data.overview(tenant), data.now()));
    }
  }

  private void tenantIncident(RoutingContext ctx) {
    Tenant tenant = readableTenant(ctx);
    if (tenant == null) {
      return;
    }
    Optional<IncidentRecord> incident = data.desk().find(principal(ctx).scope(), ctx.pathParam("id"))
        .filter(i -> tenant.id().equals(i.tenant()));
    if (incident.isEmpty()) {
      notFound(ctx);
      return;
    }
    incidentPage(ctx, incident.get(), "");
  }

  private void report(RoutingContext ctx) {
    Tenant tenant = readableTenant(ctx);
    if (tenant == null) {
      return;
    }
    ReportShelf.Request wanted = ReportShelf.Request.of(ctx.pathParam("id"));
    var download = data.reports().open(tenant.id(), wanted.id(), wanted.format());
    if (download.isEmpty()) {
      notFound(ctx);
    } else {
      ApiRoutes.sendFile(ctx, download.get());
    }
  }

  private void console(RoutingContext ctx) {
    html(ctx, 200, OncallPages.console(view(ctx, principal(ctx)), data.liveIncidents(), takeNotice(ctx), data.now()));
  }

  private void oncallIncident(RoutingContext ctx) {
    Optional<IncidentRecord> incident = data.desk().find(principal(ctx).scope(), ctx.pathParam("id"));
    if (incident.isEmpty()) {
      notFound(ctx);
      return;
    }
    View v = view(ctx, principal(ctx));
    incidentPage(ctx, incident.get(), OncallPages.actions(v, incident.get(), takeNotice(ctx)));
  }

  private void incidentPage(RoutingContext ctx, IncidentRecord i, String actions) {
    var scope = principal(ctx).scope();
    html(ctx, 200, TenantPages.incident(view(ctx, principal(ctx)), i, data.desk().clocks(scope, i.id()),
        data.desk().notifications(scope, i.id()), data.desk().timeline(scope, i.id()), data.zone(i.tenant()), data.now(), actions));
  }

  private void action(RoutingContext ctx) {
    Principal p = principal(ctx);
    if (!p.canAct()) {
      html(ctx, 403, Layout.error(view(ctx, p), view(ctx, p).m().t("error.forbidden")));
      return;
    }
    if (!csrfValid(ctx)) {
      return;
    }
    String id = ctx.pathParam("id");
    Messages m = view(ctx, p).m();
    String reason = blankToNull(ctx.request().getFormAttribute("reason"));
    String notice;
    try {
      notice = switch (ctx.pathParam("action")) {
        case "ack" -> done(m, data.desk().transition(p.scope(), id, IncidentState.ACKNOWLEDGED, p.actor(), reason));
        case "resolve" -> done(m, data.desk().transition(p.scope(), id, IncidentState.RESOLVED, p.actor(), reason));
        case "classify" -> {
          var regime = ApiRoutes.regime(ctx.request().getFormAttribute("regime"));
          String at = blankToNull(ctx.request().getFormAttribute("awareAt"));
          Instant aware = at == null ? data.now() : Instant.parse(at);
          data.desk().classify(p.scope(), id, regime, new Awareness(aware, ctx.request().getFormAttribute("source"), p.actor()), p.actor());
          yield m.t("action.classified", id, regime.name());
        }
        case "notify" -> {
          var result = data.desk().notify(p.scope(), id,
              IncidentForms.notification(ctx.request()::getFormAttribute, p.actor(), data.now()),
              blankToNull(ctx.request().getFormAttribute("to")), p.actor());
          yield m.t("action.notified", id, result.record().request().deadline().label(), result.record().phase(),
              result.record().timeliness().name());
        }
        case "awareness" -> {
          var result = data.desk().correctAwareness(p.scope(), id, List.of(),
              IncidentForms.awareness(ctx.request()::getFormAttribute, p.actor(), null), p.actor(), reason);
          yield m.t("action.awarenessDone", id) + (result.warnings().isEmpty() ? "" : " " + String.join(" ", result.warnings()));
        }
        default -> null;
      };
    } catch (NoSuchElementException | IllegalStateException | IllegalArgumentException | DateTimeParseException e) {
      notice = m.t("action.failed", e.getMessage());
    }
    if (notice == null) {
      notFound(ctx);
      return;
    }
    ctx.session().put(NOTICE, notice);
    redirect(ctx, "/oncall/incidents/" + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8));
  }

  private static String done(Messages m, IncidentRecord r) {
    return m.t("action.done", r.id(), m.t("state." + r.state()));
  }

  private static String takeNotice(RoutingContext ctx) {
    return ctx.session().remove(NOTICE);
  }

  /** Checks the form's CSRF token against the session's; answers 403 and returns false when it does not match. */
  private boolean csrfValid(RoutingContext ctx) {
    String expected = ctx.session().get(CSRF);
    String given = ctx.request().getFormAttribute(CSRF);
    if (expected != null && given != null
        && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
      return true;
    }
    html(ctx, 403, Layout.error(view(ctx, principal(ctx)), "CSRF token missing or wrong; reload the page and try again."));
    return false;
  }

  private Principal principal(RoutingContext ctx) {
    Session s = ctx.session();
    String name = s == null ? null : s.get(TOKEN);
    if (name == null) {
      return null;
    }
    return data.config().portal().tokens().stream().filter(t -> t.name().equals(name)).findFirst().map(Principal::new).orElse(null);
  }

  private View view(RoutingContext ctx, Principal p) {
    Session s = ctx.session();
    String lang = ctx.queryParams().get(LANG);
    if ("de".equals(lang) || "en".equals(lang)) {
      s.put(LANG, lang);
    } else {
      lang = s.get(LANG);
    }
    if (lang == null) {
      lang = Messages.negotiate(ctx.acceptableLanguages().stream().map(LanguageHeader::value).toList());
    }
    if (s.get(CSRF) == null) {
      s.put(CSRF, newCsrf());
    }
    return new View(Messages.of(lang), p, s.get(CSRF), ctx.request().path());
  }

  private void notFound(RoutingContext ctx) {
    Principal p = principal(ctx);
    html(ctx, 404, Layout.error(view(ctx, p), view(ctx, p).m().t("error.notfound")));
  }

  private static String newCsrf() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static void redirect(RoutingContext ctx, String location) {
    ctx.response().setStatusCode(303).putHeader("Location", location).end();
  }

  static void html(RoutingContext ctx, int status, String body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-store").end(body);
  }
}
