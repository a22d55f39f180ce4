package io.slamon.core.internal;

import io.slamon.core.config.ApiToken;
import io.slamon.core.config.Portal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code portal:} of {@code slamon.yaml}: listener, cookie and database-role settings and the API tokens. */
public final class PortalReader {
  private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  /** The section and, per token, the line it starts on (for checks that need the tenants). */
  public record Read(Portal portal, List<Integer> tokenLines) {}

  private PortalReader() {}

  public static Read read(Fields f, Map<String, String> env) {
    Integer port = f.integer("port", 0, 65535, Portal.DEFAULT.port());
    String bind = f.string("bind", Portal.DEFAULT.bind());
    boolean secure = f.bool("secureCookies", false);
    String prefix = f.string("databaseRolePrefix", Portal.DEFAULT_ROLE_PREFIX);
    boolean applyRoles = f.bool("applyDatabaseRoles", true);
    List<Integer> lines = new ArrayList<>();
    List<ApiToken> tokens = f.list("tokens", g -> {
      lines.add(g.line());
      return token(g, env);
    }, false);
    Portal portal = f.build(() -> new Portal(port, bind, secure, prefix, tokens, applyRoles));
    return portal == null ? null : new Read(portal, lines);
  }

  private static ApiToken token(Fields g, Map<String, String> env) {
    String name = g.requiredString("name");
    ApiToken.Role role = g.enumValue("role", ApiToken.Role.class, ApiToken.Role.TENANT, false);
    String tenant = g.string("tenant");
    String literal = g.string("token");
    String sha = g.string("sha256");
    String hash = null;
    if ((literal == null) == (sha == null)) {
      g.error("give exactly one of 'token' (the token or ${ENV_VAR}) and 'sha256' (its hex SHA-256)");
    } else if (literal != null) {
      String token = literal;
      Matcher m = ENV.matcher(literal);
      if (m.matches()) {
        token = env.get(m.group(1));
        if (token == null || token.isEmpty()) {
          g.error("token", "environment variable " + m.group(1) + " is not set");
        }
      }
      if (token != null && !token.isEmpty() && token.length() < 16) {
        g.error("token", "must be at least 16 characters");
      }
      hash = token == null || token.isEmpty() ? null : ApiToken.hash(token);
    } else {
      hash = sha.toLowerCase(java.util.Locale.ROOT);
      if (!hash.matches("[0-9a-f]{64}")) {
        g.error("sha256", "must be 64 hex digits (sha256sum of the token)");
      }
    }
    String h = hash;
    return g.build(() -> new ApiToken(name, role, tenant, h));
  }
}
