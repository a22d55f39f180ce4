package io.slamon.alerts;

import io.slamon.core.config.AlertReceiver;
import io.slamon.core.config.Alerting;
import io.slamon.incident.RegulatoryClocks.FiredEscalation;
import io.slamon.store.StoreException;
import io.slamon.store.internal.Rows;
import io.slamon.store.internal.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the runtime talks to: routes notifications into the {@link Outbox}, keeps the firing alerts
 * ({@link AlertLifecycle}), hands regulatory escalations over exactly once, re-sends active alerts to
 * Alertmanager, and owns the {@link Dispatcher}. Blocking; run it off any event loop.
 */
public final class AlertPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(AlertPipeline.class);

  private final Alerting config;
  private final DataSource dataSource;
  private final Router router;
  private final Outbox outbox;
  private final AlertLifecycle lifecycle;
  private final Map<String, Channel> channels = new LinkedHashMap<>();
  private final Dispatcher dispatcher;
  private final InstantSource clock;
  private final Links links;
  private final OpenEscalations escalations;
  private Instant lastRefresh = Instant.MIN;

  /** With the channels the configuration describes and the default outbox backoff. */
  public AlertPipeline(Alerting config, DataSource dataSource, Function<String, ZoneId> tenantZone, InstantSource clock) {
    this(config, dataSource, tenantZone, clock, r -> defaultChannel(r, clock), Dispatcher.DEFAULT_BACKOFF);
  }

  /** With channels made by {@code channels} (tests wrap them to inject failures) and the given backoff. */
  public AlertPipeline(Alerting config, DataSource dataSource, Function<String, ZoneId> tenantZone, InstantSource clock,
      Function<AlertReceiver, Channel> channels, RetryPolicy backoff) {
    this.config = config;
    this.dataSource = dataSource;
    this.router = new Router(config, tenant -> tenant == null ? ZoneId.of("Europe/Berlin") : tenantZone.apply(tenant));
    this.outbox = new Outbox(dataSource);
    this.lifecycle = new AlertLifecycle(dataSource);
    this.clock = clock;
    this.links = new Links(config);
    this.escalations = new OpenEscalations(dataSource);
    config.receivers().forEach(r -> this.channels.put(r.name(), channels.apply(r)));
    this.dispatcher = new Dispatcher(dataSource, this.channels, backoff, config.failureAlertAfter(), this::raise, clock,
        RandomGenerator.getDefault());
  }

  private static Channel defaultChannel(AlertReceiver r, InstantSource clock) {
    Duration timeout = Duration.ofSeconds(10);
    return r.kind() == AlertReceiver.Kind.ALERTMANAGER ? new AlertmanagerChannel(r, timeout, clock) : new WebhookChannel(r, timeout, clock);
  }

  public Outbox outbox() {
    return outbox;
  }

  public Dispatcher dispatcher() {
    return dispatcher;
  }

  /** Queues {@code n} for every receiver its routes name; returns how many new outbox rows that made. */
  public int notify(Notification n) {
    try (Connection c = dataSource.getConnection()) {
      return enqueue(c, n, null);
    } catch (SQLException e) {
      throw new StoreException("could not queue " + n.eventId() + ": " + e.getMessage(), e);
    }
  }

  private int enqueue(Connection c, Notification n, String except) throws SQLException {
    Instant now = clock.instant();
    int queued = 0;
    for (Router.Delivery d : router.route(n, now)) {
      if (!d.receiver().name().equals(except) && outbox.enqueue(c, n, d.receiver().name(), d.notBefore(), now)) {
        queued++;
      }
    }
    return queued;
  }

  private void raise(Notification n, String failingReceiver) {
    try (Connection c = dataSource.getConnection()) {
      if (enqueue(c, n, failingReceiver) == 0) {
        LOG.error("no other receiver is routed for {}: {}", n.label("alertname"), n.title());
      }
    } catch (SQLException e) {
      throw new StoreException("could not queue " + n.eventId() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Hands every fired regulatory escalation step that has not been handed over yet to the outbox,
   * each exactly once (the handoff row and the outbox rows commit together). Steps fired but never
   * handed over, because the process died in between, are found in the database, so {@code fired}
   * (the last {@code fireDue()}) only adds detail such as how late a step is.
   */
  public List<Notification> handOffEscalations(List<FiredEscalation> fired) {
    Map<String, FiredEscalation> detail = new HashMap<>();
    fired.forEach(f -> detail.put(f.incidentId() + " " + f.step().id(), f));
    record Pending(String incidentId, String stepId, String tenant, Instant firedAt, boolean late) {}
    List<Pending> pending = Rows.query(dataSource, "escalations not handed over",
        "SELECT f.incident_id, f.step_id, i.tenant, f.fired_at, f.late FROM escalations_fired f JOIN incidents i ON i.id = f.incident_id"
            + " LEFT JOIN escalation_handoffs h ON h.incident_id = f.incident_id AND h.step_id = f.step_id"
            + " WHERE h.incident_id IS NULL ORDER BY f.fired_at, f.incident_id, f.step_id",
        rs -> new Pending(rs.getString(1), rs.getString(2), rs.getString(3), Timestamps.get(rs, "fired_at"), rs.getBoolean(5)))
        .stream()
        // Steps fired together (after a downtime) go out in deadline order: 75 % before 100 %.
        .sorted(java.util.Comparator.comparing(Pending::firedAt).thenComparing(Pending::incidentId)
            .thenComparing(p -> stepOrder(p.stepId())))
        .toList();
    List<Notification> handed = new java.util.ArrayList<>();
    for (Pending p : pending) {
      FiredEscalation f = detail.get(p.incidentId() + " " + p.stepId());
      Notification n = links.apply(
          EscalationNotifications.of(p.incidentId(), p.tenant(), p.stepId(), p.firedAt(), p.late(), f == null ? null : f.lateBy()));
      inTransaction("could not hand over escalation " + p.stepId() + " of " + p.incidentId(), c -> {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO escalation_handoffs (incident_id, step_id, handed_at)"
            + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
          ps.setString(1, p.incidentId());
          ps.setString(2, p.stepId());
          Timestamps.set(ps, 3, clock.instant());
          if (ps.executeUpdate() == 1) {
            if (enqueue(c, n, null) == 0) {
              LOG.warn("no receiver is routed for escalation {} of {}; configure alerting.routes", p.stepId(), p.incidentId());
            }
            handed.add(n);
          }
        }
      });
    }
    return handed;
  }

  /**
   * Resolves every handed-over escalation step whose condition cleared (its deadline's notification
   * recorded, or the incident ended): queues a {@code resolved} notification with {@code endsAt} to
   * the same receivers, exactly once (the mark and the outbox rows commit together). Returns them.
   */
  public List<Notification> resolveEscalations() {
    List<Notification> resolved = new java.util.ArrayList<>();
    for (OpenEscalations.Open o : escalations.list()) {
      Optional<String> because = o.clearedBecause();
      if (because.isEmpty()) {
        continue;
      }
      Instant now = clock.instant();
      Notification n = EscalationNotifications.resolved(firing(o), now, because.get());
      inTransaction("could not resolve escalation " + o.stepId() + " of " + o.incidentId(), c -> {
        if (OpenEscalations.markResolved(c, o, now)) {
          enqueue(c, n, null);
          resolved.add(n);
        }
      });
    }
    return resolved;
  }

  private interface SqlWork {
    void run(Connection c) throws SQLException;
  }

  /** Runs {@code work} in one transaction: committed whole, or rolled back and reported as {@code what}. */
  private void inTransaction(String what, SqlWork work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        work.run(c);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException(what + ": " + e.getMessage(), e);
    }
  }

  /** The firing notification of an open step, as it was handed over (how late is not stored: only whether). */
  private Notification firing(OpenEscalations.Open o) {
    return links.apply(EscalationNotifications.of(o.incidentId(), o.tenant(), o.stepId(), o.firedAt(), o.late(), null));
  }

  /** {@code REGIME/deadline/percent} with the percent zero-padded, so 75 sorts before 100. */
  private static String stepOrder(String stepId) {
    int slash = stepId.lastIndexOf('/');
    String percent = stepId.substring(slash + 1);
    return percent.chars().allMatch(Character::isDigit) && percent.length() <= 3
        ? stepId.substring(0, slash + 1) + "0".repeat(3 - percent.length()) + percent
        : stepId;
  }

  /**
   * Makes {@code firing} the set of firing alerts: new ones fire, gone ones resolve (each queued
   * once), then re-sends the active ones to Alertmanager if {@code resendInterval} has passed.
   */
  public List<Notification> updateAlerts(List<AlertSpec> firing) {
    List<Notification> transitions = lifecycle.update(firing.stream().map(links::apply).toList(), clock.instant(),
        (c, n) -> enqueue(c, n, null));
    refreshAlertmanagers(false);
    return transitions;
  }

  /**
   * Re-posts every active alert to the Alertmanagers it is routed to, so none expires there while its
   * condition holds (Alertmanager resolves an alert not seen for {@code resolve_timeout}). Failures are
   * logged: the next refresh repeats it, and transitions go through the outbox anyway.
   */
  public void refreshAlertmanagers(boolean force) {
    Instant now = clock.instant();
    if (!force && Duration.between(lastRefresh, now).compareTo(config.resendInterval()) < 0) {
      return;
    }
    lastRefresh = now;
    Map<String, List<AlertmanagerAlert>> byReceiver = new LinkedHashMap<>();
    List<Notification> active = new java.util.ArrayList<>(lifecycle.active());
    // Open escalation steps too: a step stays an alert until its deadline is met or the incident ends.
    escalations.list().stream().filter(o -> o.clearedBecause().isEmpty()).map(this::firing).forEach(active::add);
    for (Notification n : active) {
      for (Router.Delivery d : router.route(n, now)) {
        if (!d.notBefore().isAfter(now) && channels.get(d.receiver().name()) instanceof AlertmanagerChannel) {
          byReceiver.computeIfAbsent(d.receiver().name(), k -> new java.util.ArrayList<>()).add(AlertmanagerChannel.toAlert(n));
        }
      }
    }
    byReceiver.forEach((name, alerts) -> {
      try {
        ((AlertmanagerChannel) channels.get(name)).post(alerts);
      } catch (RuntimeException e) {
        LOG.warn("re-sending {} active alert(s) to {} failed: {}", alerts.size(), name, e.getMessage());
      }
    });
  }
}
