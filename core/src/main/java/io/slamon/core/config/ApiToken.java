package io.slamon.core.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A bearer token for the HTTP API and the portal. Only the token's SHA-256 is kept: the
 * configuration may give the token itself (literally or as {@code ${ENV_VAR}}) or just its hash.
 *
 * @param name who holds it, for logs and the audit trail (e.g. {@code oncall-team})
 * @param role what it may do
 * @param tenant the one tenant a {@link Role#TENANT} token reads; null for provider roles
 * @param sha256 lowercase hex SHA-256 of the token's UTF-8 bytes
 */
public record ApiToken(String name, Role role, String tenant, String sha256) {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  /** What a token may do. */
  public enum Role implements ConfigEnum {
    /** Reads its own tenant's SLO status, incidents, clocks and reports. */
    TENANT,
    /** Reads every tenant (provider staff, auditors). */
    PROVIDER,
    /** Reads every tenant and acknowledges, resolves and classifies incidents. */
    ONCALL;

    @Override
    public String configName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public ApiToken {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(sha256, "sha256");
    if (!HEX64.matcher(sha256).matches()) {
      throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits");
    }
    if ((role == Role.TENANT) != (tenant != null)) {
      throw new IllegalArgumentException(role == Role.TENANT
          ? "a tenant token needs 'tenant'" : "a " + role.configName() + " token must not name a tenant");
    }
  }

  /** Hex SHA-256 of a token as presented by a client. */
  public static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  /** Constant-time comparison of a presented token against this one. */
  public boolean matches(String presented) {
    return presented != null && MessageDigest.isEqual(
        hash(presented).getBytes(StandardCharsets.US_ASCII), sha256.getBytes(StandardCharsets.US_ASCII));
  }

  /** True for roles that read every tenant. */
  public boolean provider() {
    return role != Role.TENANT;
  }
}
