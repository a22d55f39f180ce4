package io.slamon.app;

import io.slamon.app.web.ArchiveReportShelf;
import io.slamon.app.web.IncidentDesk;
import io.slamon.app.web.PortalData;
import io.slamon.app.web.PortalServer;
import io.slamon.app.web.ReportShelf;
import io.slamon.app.web.SloHistory;
import io.slamon.app.web.ServiceIncidentDesk;
import io.slamon.core.config.Portal;
import io.slamon.core.config.SlamonConfig;
import io.slamon.incident.IncidentService;
import io.slamon.incident.RegulatoryClocks;
import io.slamon.store.Database;
import io.vertx.core.Vertx;
import java.time.InstantSource;

/**
 * Builds the portal/API server from a configuration and an open database. The two seams the lead
 * connects are here: the {@link IncidentDesk} (the incident module's {@link IncidentService}, scoped
 * per caller) and the {@link ReportShelf} (the reports archive, tenant-scoped).
 */
public final class PortalWiring {
  private PortalWiring() {}

  /** The desk over {@link IncidentService}, with the same clock settings (zone, AVV deadline, targets) as the CLI. */
  public static IncidentDesk incidentDesk(SlamonConfig config, Database db, InstantSource clock) {
    RegulatoryClocks clocks = ConfigMapping.regulatoryClocks(config, db, clock);
    return new ServiceIncidentDesk(new IncidentService(db.incidentStore(), db.auditLog(), clocks, clock), db.incidentStore(),
        db.auditLog(), clocks);
  }

  public static PortalData data(SlamonConfig config, Database db, InstantSource clock, ReportShelf reports) {
    return new PortalData(config, db.sloStatusStore(), new SloHistory(db.dataSource()), db.eventStore(),
        incidentDesk(config, db, clock), reports, clock);
  }

  /**
   * Starts the server on {@code config.portal()}, or on {@code port} when it is not negative; when
   * {@code fallBack} is set and the port is taken, on any free port instead (the demo must start
   * even where 8081 is in use), saying so through {@code progress}.
   */
  public static PortalServer start(SlamonConfig config, Database db, Vertx vertx, InstantSource clock, int port, boolean fallBack,
      java.util.function.Consumer<String> progress) {
    Portal p = config.portal();
    Portal settings = p.withPort(port >= 0 ? port : p.port());
    try {
      return start(config, db, vertx, clock, settings);
    } catch (IllegalStateException e) {
      if (!fallBack || settings.port() == 0) {
        throw new IllegalStateException("portal: cannot listen on " + settings.bind() + ":" + settings.port() + ": " + e.getMessage(), e);
      }
      progress.accept("portal: port " + settings.port() + " is in use (" + e.getMessage() + "); using a free port instead");
      return start(config, db, vertx, clock, p.withPort(0));
    }
  }

  /** Starts the server on {@code settings} (usually {@code config.portal()}, maybe with another port) and returns it. */
  public static PortalServer start(SlamonConfig config, Database db, Vertx vertx, InstantSource clock, Portal settings) {
    PortalServer server = new PortalServer(vertx, data(config, db, clock, new ArchiveReportShelf(db.reportArchive())), settings);
    server.start();
    return server;
  }
}
