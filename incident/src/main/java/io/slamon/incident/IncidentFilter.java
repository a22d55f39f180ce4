package io.slamon.incident;

/**
 * Which incidents {@link IncidentService#list} returns, within the caller's scope.
 *
 * @param tenant only this tenant's incidents ({@code null}: all the scope covers); a tenant scope
 *     asking for another tenant gets nothing
 * @param liveOnly only open, acknowledged and mitigated incidents
 * @param state only incidents in this state ({@code null}: any)
 */
public record IncidentFilter(String tenant, boolean liveOnly, IncidentState state) {
  public static final IncidentFilter ALL = new IncidentFilter(null, false, null);

  public static IncidentFilter live() {
    return new IncidentFilter(null, true, null);
  }

  public IncidentFilter forTenant(String id) {
    return new IncidentFilter(id, liveOnly, state);
  }
}
