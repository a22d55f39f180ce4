package io.slamon.store;

import java.util.List;
import java.util.Optional;

/** SLO status history: written by the engine, read by reports, dashboards and the portal. */
public interface SloStatusStore {
  void append(SloStatus status);

  /** The newest status of each SLO of the tenant. */
  List<SloStatus> latest(String tenant);

  Optional<SloStatus> latest(String tenant, String slo);
}
