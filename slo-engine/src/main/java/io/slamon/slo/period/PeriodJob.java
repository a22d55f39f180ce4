package io.slamon.slo.period;

import io.slamon.store.Sha256;
import io.slamon.core.config.Tenant;
import io.slamon.slo.SloDefinition;
import io.slamon.store.PeriodResultStore;
import io.slamon.store.PeriodResultStore.StoredPeriod;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's period job: computes each tenant's monthly {@link PeriodResult} from stored data
 * and stores it with its data snapshot marker. {@link #run()} is the hourly round (the current
 * month so far and the previous month, which late data may still change); a month whose stored
 * snapshot marker equals the data's is left alone.
 */
public final class PeriodJob implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(PeriodJob.class);

  /** A tenant and its SLOs (as the app maps them from the configuration). */
  public record TenantSetup(Tenant tenant, List<SloDefinition> slos) {
    public TenantSetup {
      Objects.requireNonNull(tenant, "tenant");
      slos = List.copyOf(slos);
    }
  }

  private final Supplier<List<TenantSetup>> tenants;
  private final StoredPeriodInputs inputs;
  private final PeriodResultStore store;
  private final InstantSource clock;

  public PeriodJob(Supplier<List<TenantSetup>> tenants, StoredPeriodInputs inputs, PeriodResultStore store, InstantSource clock) {
    this.tenants = tenants;
    this.inputs = inputs;
    this.store = store;
    this.clock = clock;
  }

  /** Hourly: the current and the previous month of every tenant; one tenant's failure does not stop the others. */
  @Override
  public void run() {
    for (TenantSetup t : tenants.get()) {
      YearMonth now = YearMonth.from(clock.instant().atZone(t.tenant().contract().timeZone()));
      for (YearMonth m : List.of(now.minusMonths(1), now)) {
        try {
          if (settled(m, t.tenant().contract().timeZone(), clock.instant()) && store.find(t.tenant().id(), m.toString()).isPresent()) {
            continue; // final: raw samples of a closed month age out (storage.retention.raw), recomputing would lose them
          }
          refresh(t, m);
        } catch (RuntimeException e) {
          LOG.warn("period result of {} {} not computed: {}", t.tenant().id(), m, e.toString());
        }
      }
    }
  }

  /**
   * How long after its end a month's result still follows late data (spool replays, late events).
   * Shorter than the default raw-sample retention (7 days): after it the hourly job leaves the stored
   * result alone, so samples dropped by retention can never change a closed month's numbers; a
   * correction after that is an explicit {@code slamon report --reason …} (a new report version).
   */
  public static final Duration SETTLE = Duration.ofDays(2);

  /** Whether {@code month} (in {@code zone}) ended more than {@link #SETTLE} before {@code now}. */
  static boolean settled(YearMonth month, ZoneId zone, Instant now) {
    Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    return !now.isBefore(end.plus(SETTLE));
  }

  /** Recomputes the month when the stored data changed since the stored result (or none is stored). */
  public StoredPeriod refresh(TenantSetup t, YearMonth month) {
    Optional<StoredPeriod> stored = store.find(t.tenant().id(), month.toString());
    PeriodInputs in = inputs.read(t.tenant(), t.slos(), month, clock.instant());
    if (stored.isPresent() && stored.get().snapshot().equals(in.snapshot().marker())) {
      return stored.get();
    }
    return save(in);
  }

  /** The stored result of the month, computing it first when there is none (what {@code slamon report} uses). */
  public StoredPeriod ensure(TenantSetup t, YearMonth month) {
    return store.find(t.tenant().id(), month.toString()).orElseGet(() -> compute(t, month));
  }

  /** Computes and stores the month unconditionally. */
  public StoredPeriod compute(TenantSetup t, YearMonth month) {
    return save(inputs.read(t.tenant(), t.slos(), month, clock.instant()));
  }

  private StoredPeriod save(PeriodInputs in) {
    PeriodResult result = PeriodCalculator.compute(in);
    String json = PeriodJson.write(result);
    StoredPeriod p = new StoredPeriod(in.tenant(), in.month().toString(), in.zone().getId(), in.period().start(), in.period().end(),
        clock.instant(), in.snapshot().marker(), json, Sha256.hex(json));
    store.save(p);
    return p;
  }

  /** The month a report is due for at {@code now}: the one before the current month in the tenant's zone. */
  public static YearMonth closedMonth(Tenant tenant, Instant now) {
    return YearMonth.from(now.atZone(tenant.contract().timeZone())).minusMonths(1);
  }
}
