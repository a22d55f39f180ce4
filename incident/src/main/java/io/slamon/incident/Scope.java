package io.slamon.incident;

/**
 * Whose incidents a caller may see and change: the provider (every tenant and the provider's own
 * incidents) or exactly one tenant. Tenant isolation is enforced by {@link IncidentService}, which
 * treats an incident outside the scope exactly like one that does not exist.
 *
 * @param tenant the tenant id, or {@code null} for the provider scope
 */
public record Scope(String tenant) {
  public Scope {
    if (tenant != null && tenant.isBlank()) {
      throw new IllegalArgumentException("a tenant scope needs a tenant id");
    }
  }

  public static Scope provider() {
    return new Scope(null);
  }

  public static Scope ofTenant(String tenant) {
    if (tenant == null) {
      throw new IllegalArgumentException("a tenant scope needs a tenant id");
    }
    return new Scope(tenant);
  }

  public boolean isProvider() {
    return tenant == null;
  }

  /** Whether an incident of {@code incidentTenant} ({@code null}: provider scope) is visible in this scope. */
  public boolean covers(String incidentTenant) {
    return isProvider() || tenant.equals(incidentTenant);
  }
}
