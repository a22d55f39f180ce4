package io.slamon.simulator.internal;

import io.slamon.simulator.SimEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Which events happen at which simulated second. Schedules are aligned to UTC (every full minute,
 * quarter hour, 6 hours, 08:00), so two fleets with the same seed emit the same events for the
 * same clock readings.
 */
final class EventSchedule {
  static final long TOKEN_USAGE_EVERY = 60;
  static final long FRESHNESS_EVERY = 60;
  static final long INDEX_SYNC_EVERY = 300;
  static final long BACKUP_EVERY = 900;
  static final long SIX_HOURS = 21_600;
  static final List<String> BACKUP_ASSETS = List.of("object-storage", "model-registry");
  static final List<String> COMPONENTS =
      List.of("nvidia-driver", "linux-kernel", "kubernetes", "containerd", "vllm");

  private record PendingPatch(Instant due, String component, String cve) {}

  private record Window(String name, Instant start, Instant end) {}

  private final long seed;
  private final List<String> tenants;
  private final Map<String, Instant> lastIndexSync = new HashMap<>();
  private final List<PendingPatch> pendingPatches = new ArrayList<>();
  private final List<Window> announcedWindows = new ArrayList<>();

  EventSchedule(long seed, List<String> tenants, Instant start) {
    this.seed = seed;
    this.tenants = List.copyOf(tenants);
    tenants.forEach(t -> lastIndexSync.put(t, start));
  }

  /**
   * Emits the events due at simulated second {@code t}. Random numbers are drawn only on the
   * seconds where an event is due, so the draws depend on the clock, never on the faults.
   */
  void step(
      Instant t,
      RandomGenerator rng,
      List<VllmState> servers,
      FaultBook faults,
      Consumer<SimEvent> out) {
    long s = t.getEpochSecond();
    if (s % TOKEN_USAGE_EVERY == 0) {
      for (VllmState server : servers) {
        out.accept(
            event(
                "token.usage",
                server.spec.tenant(),
                t,
                server.spec.modelName(),
                attrs(
                    "model", server.spec.modelName(),
                    "inputTokens", server.usageInputSinceEvent,
                    "outputTokens", server.usageOutputSinceEvent)));
        server.usageInputSinceEvent = 0;
        server.usageOutputSinceEvent = 0;
      }
    }
    if (s % INDEX_SYNC_EVERY == 0) {
      for (String tenant : tenants) {
        if (!faults.staleIndex(tenant, t)) {
          lastIndexSync.put(tenant, t);
        }
      }
    }
    if (s % FRESHNESS_EVERY == 0) {
      for (String tenant : tenants) {
        Instant last = lastIndexSync.get(tenant);
        out.accept(
            event(
                "rag_index.freshness",
                tenant,
                t,
                "",
                attrs(
                    "index", tenant + "-docs",
                    // freshnessSeconds is what slamon's events API requires; lagSeconds is the
                    // same value under the name the simulator brief uses.
                    "freshnessSeconds", Duration.between(last, t).toSeconds(),
                    "lastSuccessfulSync", last.toString(),
                    "lagSeconds", Duration.between(last, t).toSeconds())));
      }
    }
    if (s % BACKUP_EVERY == 0) {
      for (String tenant : tenants) {
        for (String asset : BACKUP_ASSETS) {
          long size = 20_000_000_000L + (long) (rng.nextDouble() * 180_000_000_000L);
          long duration = 60 + rng.nextInt(840);
          boolean failed = faults.missedBackup(tenant, t);
          Map<String, Object> a =
              attrs("asset", asset, "sizeBytes", failed ? 0L : size, "durationSeconds", duration);
          if (failed) {
            a.put("reason", "simulated missed-backup fault");
          }
          out.accept(event(failed ? "backup.failed" : "backup.completed", tenant, t, asset, a));
        }
      }
    }
    if (s % SIX_HOURS == 3_600) {
      for (String tenant : tenants) {
        String asset = BACKUP_ASSETS.get(rng.nextInt(BACKUP_ASSETS.size()));
        long duration = 1_200 + rng.nextInt(7_800);
        boolean success = rng.nextDouble() < 0.95;
        out.accept(
            event(
                "restore_test.completed",
                tenant,
                t,
                asset,
                attrs("asset", asset, "durationSeconds", duration, "success", success)));
      }
    }
    if (s % SIX_HOURS == 10_800) {
      String component = COMPONENTS.get(rng.nextInt(COMPONENTS.size()));
      String cve = "CVE-" + t.toString().substring(0, 4) + "-" + (20_000 + rng.nextInt(60_000));
      // One decimal like NVD scores; about a quarter land in the critical band (>= 9.0).
      double cvss = Math.round((4.0 + rng.nextDouble() * 6.0) * 10) / 10.0;
      for (String tenant : tenants) {
        out.accept(
            event(
                "cve.published",
                tenant,
                t,
                cve,
                attrs("component", component, "cve", cve, "cvss", cvss)));
      }
      // Critical CVEs are patched within the 24 h SLA, the rest within three days.
      pendingPatches.add(
          new PendingPatch(t.plus(Duration.ofHours(cvss >= 9.0 ? 20 : 60)), component, cve));
    }
    for (var it = pendingPatches.iterator(); it.hasNext(); ) {
      PendingPatch patch = it.next();
      if (!patch.due().isAfter(t)) {
        it.remove();
        for (String tenant : tenants) {
          out.accept(
              event(
                  "patch.applied",
                  tenant,
                  t,
                  patch.cve(),
                  attrs("component", patch.component(), "cve", patch.cve())));
        }
      }
    }
    maintenance(t, s, out);
  }

  private void maintenance(Instant t, long s, Consumer<SimEvent> out) {
    if (s % 86_400 == 28_800) {
      // Announced at 08:00 UTC for the next night, 02:00-02:30 UTC.
      Instant start = t.plus(Duration.ofHours(18));
      Window window =
          new Window("mw-" + start.toString().substring(0, 10), start, start.plusSeconds(1_800));
      announcedWindows.add(window);
      emitMaintenance("maintenance.announced", window, t, out);
    }
    for (var it = announcedWindows.iterator(); it.hasNext(); ) {
      Window window = it.next();
      if (window.start().equals(t)) {
        emitMaintenance("maintenance.started", window, t, out);
      }
      if (window.end().equals(t)) {
        emitMaintenance("maintenance.ended", window, t, out);
        it.remove();
      }
    }
  }

  private void emitMaintenance(String type, Window w, Instant t, Consumer<SimEvent> out) {
    for (String tenant : tenants) {
      out.accept(
          event(
              type,
              tenant,
              t,
              w.name(),
              attrs(
                  // slamon's events API keys maintenance by maintenanceId; window is the alias
                  // the simulator brief names.
                  "maintenanceId", w.name(),
                  "window", w.name(),
                  "plannedStart", w.start().toString(),
                  "plannedEnd", w.end().toString())));
    }
  }

  /**
   * Ids are name-based UUIDs of (seed, type, tenant, time, discriminator): deterministic, unique
   * within a run, and a restarted simulator never reuses an id for a different event.
   */
  private SimEvent event(
      String type, String tenant, Instant t, String discriminator, Map<String, Object> a) {
    String key = seed + "|" + type + "|" + tenant + "|" + t + "|" + discriminator;
    String id = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    return new SimEvent(id, type, tenant, t, a);
  }

  private static Map<String, Object> attrs(Object... keyValues) {
    var map = new LinkedHashMap<String, Object>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }
}
