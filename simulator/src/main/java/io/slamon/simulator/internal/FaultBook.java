package io.slamon.simulator.internal;

import io.slamon.simulator.ActiveFault;
import io.slamon.simulator.Fault;
import io.slamon.simulator.FaultType;
import io.slamon.simulator.FleetSpec;
import io.slamon.simulator.GpuNodeSpec;
import io.slamon.simulator.GpuSpec;
import io.slamon.simulator.VllmServerSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.TreeSet;

/** The injected faults and the questions the simulation asks about them at a simulated second. */
public final class FaultBook {
  private final FleetSpec spec;
  private final List<ActiveFault> faults = new ArrayList<>();
  private long nextId = 1;

  FaultBook(FleetSpec spec) {
    this.spec = spec;
  }

  /** Validates the target against the fleet and records the fault from {@code now}. */
  ActiveFault add(Fault fault, Instant now) {
    validateTarget(fault);
    var active =
        new ActiveFault("fault-" + nextId++, fault, now, now.plus(fault.duration()));
    faults.add(active);
    return active;
  }

  void clear(String id) {
    if (!faults.removeIf(f -> f.id().equals(id))) {
      throw new NoSuchElementException("no active fault with id '" + id + "'");
    }
  }

  /** Faults not yet expired at {@code now}; expired ones are forgotten. */
  List<ActiveFault> active(Instant now) {
    faults.removeIf(f -> !f.until().isAfter(now));
    return List.copyOf(faults);
  }

  boolean gpu(FaultType type, String hostname, int index, Instant t) {
    for (ActiveFault f : faults) {
      if (f.fault().type() == type && f.activeAt(t)) {
        String target = f.fault().target();
        if (target.equals(hostname) || target.equals(hostname + "/" + index)) {
          return true;
        }
      }
    }
    return false;
  }

  boolean vllm(FaultType type, VllmServerSpec server, Instant t) {
    for (ActiveFault f : faults) {
      if (f.fault().type() == type && f.activeAt(t) && matches(f.fault().target(), server)) {
        return true;
      }
    }
    return false;
  }

  boolean missedBackup(String tenant, Instant t) {
    return tenant(FaultType.MISSED_BACKUP, tenant, t);
  }

  boolean staleIndex(String tenant, Instant t) {
    return tenant(FaultType.STALE_INDEX, tenant, t);
  }

  private boolean tenant(FaultType type, String tenant, Instant t) {
    for (ActiveFault f : faults) {
      if (f.fault().type() == type && f.activeAt(t) && f.fault().target().equals(tenant)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(String target, VllmServerSpec server) {
    return target.equals(server.tenant()) || target.equals(server.modelName());
  }

  private void validateTarget(Fault fault) {
    String target = fault.target();
    String type = fault.type().wireName();
    switch (fault.type().targetKind()) {
      case GPU -> {
        var known = new TreeSet<String>();
        for (GpuNodeSpec node : spec.gpuNodes()) {
          known.add(node.hostname());
          for (GpuSpec gpu : node.gpus()) {
            known.add(node.hostname() + "/" + gpu.index());
          }
        }
        if (!known.contains(target)) {
          throw new IllegalArgumentException(
              type
                  + " needs a GPU target such as '"
                  + (known.isEmpty() ? "gpu-node-01/0" : known.last())
                  + "' or a hostname; '"
                  + target
                  + "' is not in the fleet");
        }
      }
      case VLLM -> {
        if (spec.vllmServers().stream().noneMatch(s -> matches(target, s))) {
          var known = new TreeSet<String>();
          spec.vllmServers().forEach(s -> known.add(s.tenant()));
          spec.vllmServers().forEach(s -> known.add(s.modelName()));
          throw new IllegalArgumentException(
              type
                  + " needs a tenant or model served by a vLLM server; '"
                  + target
                  + "' is none of "
                  + known);
        }
      }
      case TENANT -> {
        if (!spec.tenants().contains(target)) {
          throw new IllegalArgumentException(
              type + " needs a tenant; '" + target + "' is none of " + spec.tenants());
        }
      }
    }
  }
}
