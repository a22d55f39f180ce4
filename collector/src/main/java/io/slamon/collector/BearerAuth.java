package io.slamon.collector;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BiConsumer;

/**
 * Route handler for per-source bearer tokens (events API, OTLP receiver): puts the source name
 * into the routing context under {@code contextKey}, or answers 401 through {@code reject}.
 */
public final class BearerAuth implements Handler<RoutingContext> {
  private final EventSources sources;
  private final String realm;
  private final String contextKey;
  private final BiConsumer<RoutingContext, String> reject;

  /** @param reject writes the 401 answer with the given message in the API's own error format */
  public BearerAuth(EventSources sources, String realm, String contextKey, BiConsumer<RoutingContext, String> reject) {
    this.sources = sources;
    this.realm = realm;
    this.contextKey = contextKey;
    this.reject = reject;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    var source = sources.sourceFor(EventSources.bearerToken(header));
    if (source.isEmpty()) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"" + realm + "\"");
      reject.accept(ctx, header == null ? "missing Authorization: Bearer <token> header"
          : "unknown or malformed bearer token");
      return;
    }
    ctx.put(contextKey, source.get());
    ctx.next();
  }
}
