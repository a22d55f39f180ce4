package io.slamon.app;

import io.slamon.app.web.IncidentDesk;
import io.slamon.app.web.PortalData;
import io.slamon.app.web.PortalServer;
import io.slamon.app.web.ReportShelf;
import io.slamon.app.web.SloHistory;
import io.slamon.app.web.StoreIncidentDesk;
import io.slamon.core.config.Portal;
import io.slamon.core.config.SlamonConfig;
import io.slamon.incident.IncidentLifecycle;
import io.slamon.store.Database;
import io.vertx.core.Vertx;
import java.time.InstantSource;

/**
 * Builds the portal/API server from a configuration and an open database. The two seams the lead
 * connects later are here: the {@link IncidentDesk} (today the store plus the incident lifecycle
 * and clocks) and the {@link ReportShelf} (today {@link ReportShelf#NONE}: "no reports yet").
 */
public final class PortalWiring {
  private PortalWiring() {}

  public static IncidentDesk incidentDesk(SlamonConfig config, Database db, InstantSource clock) {
    return new StoreIncidentDesk(db.incidentStore(), db.auditLog(), new IncidentLifecycle(db.incidentStore(), db.auditLog(), clock),
        ConfigMapping.regulatoryClocks(config, db, clock));
  }

  public static PortalData data(SlamonConfig config, Database db, InstantSource clock, ReportShelf reports) {
    return new PortalData(config, db.sloStatusStore(), new SloHistory(db.dataSource()), db.eventStore(),
        incidentDesk(config, db, clock), reports, clock);
  }

  /** Starts the server on {@code settings} (usually {@code config.portal()}, maybe with another port) and returns it. */
  public static PortalServer start(SlamonConfig config, Database db, Vertx vertx, InstantSource clock, Portal settings) {
    PortalServer server = new PortalServer(vertx, data(config, db, clock, ReportShelf.NONE), settings);
    server.start();
    return server;
  }
}
