package io.slamon.core.config;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The HTTP API and the built-in portal ({@code portal:} in {@code slamon.yaml}).
 *
 * @param port listener port; 0 picks a free one (tests)
 * @param bind listener address
 * @param secureCookies mark the session cookie {@code Secure}: set it when a TLS proxy is in front
 *     (slamon itself serves plain HTTP, where a Secure cookie would never come back)
 * @param databaseRolePrefix prefix of the per-tenant read-only PostgreSQL roles ({@code slamon db roles})
 * @param tokens the API tokens
 * @param applyDatabaseRoles {@code serve} and {@code demo} apply the tenant database roles at start
 *     (what {@code slamon db roles} does; idempotent)
 */
public record Portal(int port, String bind, boolean secureCookies, String databaseRolePrefix, List<ApiToken> tokens,
    boolean applyDatabaseRoles) {
  public static final int DEFAULT_PORT = 8081;
  public static final String DEFAULT_ROLE_PREFIX = "slamon_tenant_";
  public static final Portal DEFAULT = new Portal(DEFAULT_PORT, "127.0.0.1", false, DEFAULT_ROLE_PREFIX, List.of());

  public Portal {
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(databaseRolePrefix, "databaseRolePrefix");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535");
    }
    if (!databaseRolePrefix.matches("[a-z_][a-z0-9_]{0,39}")) {
      throw new IllegalArgumentException("databaseRolePrefix must be lowercase letters, digits and '_' (at most 40)");
    }
    tokens = List.copyOf(tokens);
    Set<String> names = new HashSet<>();
    Set<String> hashes = new HashSet<>();
    for (ApiToken t : tokens) {
      if (!names.add(t.name())) {
        throw new IllegalArgumentException("two tokens are named '" + t.name() + "'");
      }
      if (!hashes.add(t.sha256())) {
        throw new IllegalArgumentException("token '" + t.name() + "' is the same as another token");
      }
    }
  }

  /** With {@code applyDatabaseRoles} on (the default). */
  public Portal(int port, String bind, boolean secureCookies, String databaseRolePrefix, List<ApiToken> tokens) {
    this(port, bind, secureCookies, databaseRolePrefix, tokens, true);
  }

  /** The same settings on another port. */
  public Portal withPort(int newPort) {
    return new Portal(newPort, bind, secureCookies, databaseRolePrefix, tokens, applyDatabaseRoles);
  }

  /** The token a client presented, if it is one of ours. */
  public Optional<ApiToken> authenticate(String presented) {
    if (presented == null || presented.isEmpty()) {
      return Optional.empty();
    }
    // every token is compared (constant time each), so timing does not tell which one was close
    ApiToken found = null;
    for (ApiToken t : tokens) {
      if (t.matches(presented)) {
        found = t;
      }
    }
    return Optional.ofNullable(found);
  }
}
