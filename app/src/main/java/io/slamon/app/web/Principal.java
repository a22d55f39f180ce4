package io.slamon.app.web;

import io.slamon.core.config.ApiToken;
import io.slamon.incident.Scope;
import io.slamon.store.IncidentRecord;
import java.util.Objects;

/**
 * Who is calling, from the token they presented (as bearer token or at the portal login). Every
 * page and API call asks it before reading or changing anything.
 */
public record Principal(ApiToken token) {
  public Principal {
    Objects.requireNonNull(token, "token");
  }

  public String name() {
    return token.name();
  }

  /** The actor written to the audit log. */
  public String actor() {
    return "token:" + token.name();
  }

  public boolean provider() {
    return token.provider();
  }

  /** May read everything of {@code tenant} (provider roles read every tenant). */
  public boolean canRead(String tenant) {
    return provider() || token.tenant().equals(tenant);
  }

  /** May see this incident; provider-scope incidents (no tenant) are for provider roles only. */
  public boolean canSee(IncidentRecord incident) {
    return provider() || token.tenant().equals(incident.tenant());
  }

  /** May acknowledge, resolve and classify incidents. */
  public boolean canAct() {
    return token.role() == ApiToken.Role.ONCALL;
  }

  /** Whose incidents this caller may see and change: every one for provider roles, its tenant's otherwise. */
  public Scope scope() {
    return provider() ? Scope.provider() : Scope.ofTenant(token.tenant());
  }

  /** The tenant a tenant token is bound to, or null for provider roles. */
  public String tenant() {
    return token.tenant();
  }
}
