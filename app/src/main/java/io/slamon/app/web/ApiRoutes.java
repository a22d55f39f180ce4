package io.slamon.app.web;

import io.slamon.core.Severity;
import io.slamon.core.config.ApiToken;
import io.slamon.incident.IncidentState;
import io.slamon.incident.ManualIncident;
import io.slamon.incident.clock.Awareness;
import io.slamon.incident.clock.Regime;
import io.slamon.store.IncidentRecord;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * {@code /api/v1}: bearer tokens only (no cookies, so no CSRF surface). A tenant token reads its
 * own tenant; provider tokens read all; on-call tokens may also act. Another tenant's resources
 * answer 404 exactly like missing ones, so a token cannot probe what exists.
 */
final class ApiRoutes {
  static final String PRINCIPAL = "slamon.principal";
  private final PortalData data;

  ApiRoutes(PortalData data) {
    this.data = data;
  }

  void mount(Router router) {
    router.route("/api/v1/*").handler(this::authenticate);
    router.get("/api/v1/tenants/:tenant/slo-status").blockingHandler(this::sloStatus, false);
    router.get("/api/v1/tenants/:tenant/incidents").blockingHandler(ctx -> incidents(ctx, ctx.pathParam("tenant")), false);
    router.get("/api/v1/tenants/:tenant/reports").blockingHandler(this::reports, false);
    router.get("/api/v1/tenants/:tenant/reports/:id").blockingHandler(this::report, false);
    router.get("/api/v1/reports").blockingHandler(this::allReports, false);
    router.get("/api/v1/reports/:id").blockingHandler(this::reportById, false);
    router.get("/api/v1/incidents").blockingHandler(ctx -> incidents(ctx, null), false);
    router.get("/api/v1/incidents/:id").blockingHandler(this::incident, false);
    router.post("/api/v1/incidents").blockingHandler(this::openIncident, false);
    router.post("/api/v1/incidents/:id/merge").blockingHandler(this::merge, false);
    router.post("/api/v1/incidents/:id/acknowledge").blockingHandler(ctx -> transition(ctx, IncidentState.ACKNOWLEDGED), false);
    router.post("/api/v1/incidents/:id/resolve").blockingHandler(ctx -> transition(ctx, IncidentState.RESOLVED), false);
    router.post("/api/v1/incidents/:id/classify").blockingHandler(this::classify, false);
    router.post("/api/v1/incidents/:id/notify").blockingHandler(this::notifyAction, false);
    router.post("/api/v1/incidents/:id/awareness").blockingHandler(this::awareness, false);
    router.route("/api/v1/*").handler(ctx -> send(ctx, 404, Json.error("no such API resource")));
  }

  private void authenticate(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    Optional<ApiToken> token = Optional.empty();
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = data.config().portal().authenticate(header.substring(7).strip());
    }
    if (token.isEmpty()) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"slamon\"");
      send(ctx, 401, Json.error(header == null ? "missing bearer token" : "invalid bearer token"));
      return;
    }
    ctx.put(PRINCIPAL, new Principal(token.get()));
    ctx.next();
  }

  private static Principal principal(RoutingContext ctx) {
    return ctx.get(PRINCIPAL);
  }

  /** The tenant of the path if the caller may read it and it exists; otherwise answers 404 and returns null. */
  private String readableTenant(RoutingContext ctx) {
    String tenant = ctx.pathParam("tenant");
    if (!principal(ctx).canRead(tenant) || data.tenant(tenant).isEmpty()) {
      send(ctx, 404, Json.error("no tenant " + tenant));
      return null;
    }
    return tenant;
  }

  private void sloStatus(RoutingContext ctx) {
    String tenant = readableTenant(ctx);
    if (tenant == null) {
      return;
    }
    JsonArray slos = new JsonArray();
    data.sloStatus(tenant).forEach(s -> slos.add(Json.slo(s)));
    send(ctx, 200, new JsonObject().put("tenant", tenant).put("slos", slos));
  }

  private void incidents(RoutingContext ctx, String tenantParam) {
    Principal p = principal(ctx);
    String tenant = tenantParam;
    if (tenantParam != null) {
      tenant = readableTenant(ctx);
      if (tenant == null) {
        return;
      }
    } else if (!p.provider()) {
      tenant = p.tenant();
    }
    Instant now = data.now();
    JsonArray list = new JsonArray();
    for (IncidentRecord i : data.desk().list(p.scope(), tenant)) {
      if (p.canSee(i)) {
        list.add(Json.incident(i, data.desk().clocks(p.scope(), i.id()), now));
      }
    }
    send(ctx, 200, new JsonObject().put("incidents", list));
  }

  /** The incident of the path if the caller may see it; otherwise answers 404 and returns null. */
  private IncidentRecord visibleIncident(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Optional<IncidentRecord> found = data.desk().find(principal(ctx).scope(), id).filter(principal(ctx)::canSee);
    if (found.isEmpty()) {
      send(ctx, 404, Json.error("no incident " + id));
      return null;
    }
    return found.get();
  }

  private void incident(RoutingContext ctx) {
    IncidentRecord i = visibleIncident(ctx);
    if (i != null) {
      var scope = principal(ctx).scope();
      send(ctx, 200, Json.incident(i, data.desk().clocks(scope, i.id()), data.now())
          .put("notifications", Json.notifications(data.desk().notifications(scope, i.id())))
          .put("timeline", Json.timeline(data.desk().timeline(scope, i.id()))));
    }
  }

  private void transition(RoutingContext ctx, IncidentState to) {
    act(ctx, (incident, body) -> {
      IncidentRecord r = data.desk().transition(principal(ctx).scope(), incident.id(), to, principal(ctx).actor(), body.getString("reason"));
      return Json.incident(r, data.desk().clocks(principal(ctx).scope(), r.id()), data.now());
    });
  }

  private void classify(RoutingContext ctx) {
    act(ctx, (incident, body) -> {
      Regime regime = regime(body.getString("regime"));
      String at = body.getString("awareAt");
      Instant aware = at == null || at.isBlank() ? data.now() : Instant.parse(at);
      Awareness awareness = new Awareness(aware, body.getString("source"), principal(ctx).actor());
      data.desk().classify(principal(ctx).scope(), incident.id(), regime, awareness, principal(ctx).actor());
      return Json.incident(incident, data.desk().clocks(principal(ctx).scope(), incident.id()), data.now());
    });
  }

  /** {@code {"deadline", "to", "sentAt"?, "reason"?, "notNotified"?, "nature"?, "contact"?, "consequences"?, "measures"?, "dataSubjectsInformed"?}} */
  private void notifyAction(RoutingContext ctx) {
    act(ctx, (incident, body) -> {
      Principal p = principal(ctx);
      var result = data.desk().notify(p.scope(), incident.id(), IncidentForms.notification(body::getString, p.actor(), data.now()),
          IncidentForms.blankToNull(body.getString("to")), p.actor());
      return Json.incident(incident, Optional.of(result.plan()), data.now())
          .put("phase", result.record().phase()).put("timeliness", result.record().timeliness().name())
          .put("notifications", Json.notifications(data.desk().notifications(p.scope(), incident.id())));
    });
  }

  /** {@code {"awareAt", "source", "reason"?, "regimes"?: [..]}}: corrects awareness, every deadline recomputes. */
  private void awareness(RoutingContext ctx) {
    act(ctx, (incident, body) -> {
      Principal p = principal(ctx);
      JsonArray regimes = body.getJsonArray("regimes", new JsonArray());
      var result = data.desk().correctAwareness(p.scope(), incident.id(), regimes.stream().map(r -> regime(String.valueOf(r))).toList(),
          IncidentForms.awareness(body::getString, p.actor(), null), p.actor(), body.getString("reason"));
      return Json.incident(incident, Optional.of(result.plan()), data.now())
          .put("warnings", new JsonArray(result.warnings()));
    });
  }

  /**
   * {@code {"tenant"?, "title", "severity": "P1".."P4", "component"?, "description"?}}: opens an
   * incident by hand (no tenant: a provider incident); 201 with it, 422 for an unknown tenant or bad input.
   */
  private void openIncident(RoutingContext ctx) {
    Principal p = principal(ctx);
    if (!p.canAct()) {
      send(ctx, 403, Json.error("token " + p.name() + " may read but not open incidents"));
      return;
    }
    JsonObject body = body(ctx);
    if (body == null) {
      return;
    }
    try {
      String tenant = IncidentForms.blankToNull(body.getString("tenant"));
      if (tenant != null && data.tenant(tenant).isEmpty()) {
        throw new IllegalArgumentException("unknown tenant '" + tenant + "'; omit tenant for a provider incident");
      }
      ManualIncident request = new ManualIncident(tenant, body.getString("title"), severity(body.getString("severity")),
          body.getString("component"), body.getString("description"));
      IncidentRecord r = data.desk().open(p.scope(), request, p.actor());
      send(ctx, 201, Json.incident(r, data.desk().clocks(p.scope(), r.id()), data.now()));
    } catch (IllegalArgumentException | ClassCastException e) {
      send(ctx, 422, Json.error(e.getMessage()));
    }
  }

  /** {@code {"into": "<survivor id>", "reason"?}}: merges the incident of the path into {@code into}; the survivor. */
  private void merge(RoutingContext ctx) {
    act(ctx, (incident, body) -> {
      Principal p = principal(ctx);
      String into = IncidentForms.blankToNull(body.getString("into"));
      if (into == null) {
        throw new IllegalArgumentException("give the id of the incident to merge " + incident.id() + " into as \"into\"");
      }
      IncidentRecord survivor = data.desk().merge(p.scope(), into, incident.id(), p.actor(), body.getString("reason"));
      return Json.incident(survivor, data.desk().clocks(p.scope(), survivor.id()), data.now());
    });
  }

  /** The severity named, or null when none is (which {@link ManualIncident} refuses with its own message). */
  static Severity severity(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      return Severity.valueOf(String.valueOf(name).strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("severity must be P1, P2, P3 or P4, not '" + name + "'", e);
    }
  }

  static Regime regime(String name) {
    try {
      return Regime.valueOf(String.valueOf(name).toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown regime '" + name + "'; valid: DSGVO_PROCESSOR, DSGVO_CONTROLLER, NIS2, DORA, AI_ACT", e);
    }
  }

  /** 404 when the caller cannot see the incident, 403 when it can but may not act. */
  private IncidentRecord actionable(RoutingContext ctx) {
    IncidentRecord i = visibleIncident(ctx);
    if (i != null && !principal(ctx).canAct()) {
      send(ctx, 403, Json.error("token " + principal(ctx).name() + " may read but not change incidents"));
      return null;
    }
    return i;
  }

  private static JsonObject body(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().length() == 0) {
      return new JsonObject();
    }
    try {
      return ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      send(ctx, 400, Json.error("the body must be a JSON object: " + e.getMessage()));
      return null;
    }
  }

  private interface Action {
    JsonObject run(IncidentRecord incident, JsonObject body);
  }

  /** Runs an on-call action on the incident of the path: 404/403 first, then the body, then the outcome's status. */
  private void act(RoutingContext ctx, Action action) {
    IncidentRecord incident = actionable(ctx);
    JsonObject body = incident == null ? null : body(ctx);
    if (body == null) {
      return;
    }
    try {
      send(ctx, 200, action.run(incident, body));
    } catch (NoSuchElementException e) {
      send(ctx, 404, Json.error(e.getMessage()));
    } catch (IllegalStateException e) {
      send(ctx, 409, Json.error(e.getMessage()));
    } catch (IllegalArgumentException | DateTimeParseException | ClassCastException e) {
      send(ctx, 422, Json.error(e.getMessage()));
    }
  }

  private void reports(RoutingContext ctx) {
    String tenant = readableTenant(ctx);
    if (tenant == null) {
      return;
    }
    JsonArray list = new JsonArray();
    data.reports().list(tenant).forEach(r -> list.add(Json.report(r)));
    send(ctx, 200, new JsonObject().put("tenant", tenant).put("reports", list));
  }

  private void report(RoutingContext ctx) {
    String tenant = readableTenant(ctx);
    if (tenant == null) {
      return;
    }
    download(ctx, java.util.stream.Stream.of(tenant));
  }

  /** The reports of every tenant the caller may read (a tenant token: its own), newest month first per tenant. */
  private void allReports(RoutingContext ctx) {
    JsonArray list = new JsonArray();
    readableTenants(principal(ctx)).forEach(t -> data.reports().list(t).forEach(r -> list.add(Json.report(r))));
    send(ctx, 200, new JsonObject().put("reports", list));
  }

  /** {@code /api/v1/reports/RPT-…-v1.pdf|.json}: looked up only among the tenants the caller may read. */
  private void reportById(RoutingContext ctx) {
    download(ctx, readableTenants(principal(ctx)));
  }

  private java.util.stream.Stream<String> readableTenants(Principal p) {
    return p.provider() ? data.config().tenants().stream().map(io.slamon.core.config.Tenant::id) : java.util.stream.Stream.of(p.tenant());
  }

  private void download(RoutingContext ctx, java.util.stream.Stream<String> tenants) {
    ReportShelf.Request wanted = ReportShelf.Request.of(ctx.pathParam("id"));
    var download = tenants.map(t -> data.reports().open(t, wanted.id(), wanted.format())).flatMap(Optional::stream).findFirst();
    if (download.isEmpty()) {
      send(ctx, 404, Json.error("no report " + ctx.pathParam("id")));
      return;
    }
    sendFile(ctx, download.get());
  }

  static void sendFile(RoutingContext ctx, ReportShelf.Download d) {
    ctx.response().putHeader("Content-Type", d.contentType())
        .putHeader("Content-Disposition", "attachment; filename=\"" + d.fileName().replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
        .end(io.vertx.core.buffer.Buffer.buffer(d.content()));
  }

  static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store").end(body.encodePrettily());
  }
}
