package io.slamon.app.web;

import io.slamon.core.config.Portal;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.sstore.LocalSessionStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP API ({@code /api/v1}) and the portal and on-call pages on one Vert.x server
 * ({@code portal.port}). See docs/portal.md.
 */
public final class PortalServer implements AutoCloseable {
  private static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self';"
      + " frame-ancestors 'none'; base-uri 'none'";

  private final Vertx vertx;
  private final PortalData data;
  private final Portal settings;
  private HttpServer server;

  public PortalServer(Vertx vertx, PortalData data, Portal settings) {
    this.vertx = vertx;
    this.data = data;
    this.settings = settings;
  }

  /** Binds and returns the port (useful with port 0). Blocks; call it from a normal thread. */
  public int start() {
    Router router = Router.router(vertx);
    router.route().handler(PortalServer::securityHeaders);
    router.route("/static/*").handler(StaticHandler.create("slamon-web").setCachingEnabled(true).setMaxAgeSeconds(3600));
    router.route().handler(BodyHandler.create(false).setBodyLimit(64 * 1024));
    new ApiRoutes(data).mount(router);
    router.route().handler(SessionHandler.create(LocalSessionStore.create(vertx))
        .setSessionCookieName("slamon-session")
        .setCookieHttpOnlyFlag(true)
        .setCookieSameSite(CookieSameSite.STRICT)
        .setCookieSecureFlag(settings.secureCookies())
        .setSessionTimeout(Duration.ofHours(8).toMillis()));
    new PageRoutes(data).mount(router);
    server = vertx.createHttpServer();
    return await(server.requestHandler(router).listen(settings.port(), settings.bind())).actualPort();
  }

  public int port() {
    return server == null ? -1 : server.actualPort();
  }

  private static void securityHeaders(RoutingContext ctx) {
    ctx.response().putHeader("Content-Security-Policy", CSP)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("X-Frame-Options", "DENY");
    ctx.next();
  }

  @Override
  public void close() {
    if (server != null) {
      await(server.close());
    }
  }

  // Future.await blocks a plain (non-event-loop) thread until the future completes
  private static <T> T await(Future<T> f) {
    try {
      return f.await(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("portal HTTP server: no answer within 30 s", e);
    }
  }
}
