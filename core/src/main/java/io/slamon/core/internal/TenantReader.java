package io.slamon.core.internal;

import io.slamon.core.AvailabilityClass;
import io.slamon.core.Severity;
import io.slamon.core.config.Asset;
import io.slamon.core.config.Attribution;
import io.slamon.core.config.CapacityReservation;
import io.slamon.core.config.Contact;
import io.slamon.core.config.Contract;
import io.slamon.core.config.CriticalWindow;
import io.slamon.core.config.BusinessHours;
import io.slamon.core.config.IncidentTargets;
import io.slamon.core.config.MaintenanceWindow;
import io.slamon.core.config.PatchRule;
import io.slamon.core.config.Regulatory;
import io.slamon.core.config.ResponseTarget;
import io.slamon.core.config.ServiceCredit;
import io.slamon.core.config.Tenant;
import io.slamon.core.config.Tier;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads one {@code tenants/*.yaml} file ({@code kind: Tenant}). */
public final class TenantReader {
  public static final String API_VERSION = "slamon.io/v1";
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()/-]{5,}");
  private static final Pattern MIG = Pattern.compile("\\d+g\\.\\d+gb");

  private TenantReader() {}

  public static Tenant read(Fields f) {
    header(f, "Tenant");
    String id = f.matching("id", Tenant.ID, "a lowercase DNS label (a-z, 0-9, '-')", true);
    String displayName = f.string("displayName");
    Tier tier = f.enumValue("tier", Tier.class, null, true);
    Contract contract = f.requiredObject("contract", TenantReader::contract);
    Regulatory regulatory = f.object("regulatory", TenantReader::regulatory);
    List<Contact> contacts = f.list("contacts", TenantReader::contact, false);
    Attribution attribution = f.object("attribution", TenantReader::attribution);
    String file = f.problems().file();
    return f.build(
        () ->
            new Tenant(
                id,
                displayName,
                tier,
                contract,
                regulatory == null ? Regulatory.DEFAULT : regulatory,
                contacts,
                attribution == null ? Attribution.NONE : attribution,
                file));
  }

  /** Checks {@code apiVersion} and {@code kind} of a slamon document. */
  static void header(Fields f, String kind) {
    String apiVersion = f.requiredString("apiVersion");
    if (apiVersion != null && !apiVersion.equals(API_VERSION)) {
      f.error("apiVersion", "\"" + apiVersion + "\" is not supported (use " + API_VERSION + ")");
    }
    String k = f.requiredString("kind");
    if (k != null && !k.equals(kind)) {
      f.error("kind", "\"" + k + "\" is not allowed here (expected " + kind + ")");
    }
  }

  private static Contract contract(Fields f) {
    AvailabilityClass vk =
        f.enumValue("availabilityClass", AvailabilityClass.class, null, true);
    var zone = f.zone("timeZone", Contract.DEFAULT_TIME_ZONE);
    List<MaintenanceWindow> windows = f.list("maintenanceWindows", TenantReader::window, false);
    uniqueNames(f, "maintenanceWindows", windows.stream().map(MaintenanceWindow::name).toList());
    List<Asset> assets = f.list("assets", TenantReader::asset, false);
    uniqueNames(f, "assets", assets.stream().map(Asset::name).toList());
    List<PatchRule> patch = f.list("patchPolicy", TenantReader::patchRule, false);
    checkPatchOverlap(f, patch);
    List<CapacityReservation> capacity =
        f.list("capacityReservations", TenantReader::reservation, false);
    uniqueNames(
        f, "capacityReservations", capacity.stream().map(CapacityReservation::name).toList());
    IncidentTargets targets = f.object("incidentTargets", TenantReader::incidentTargets);
    List<ServiceCredit> credits = f.list("serviceCredits", TenantReader::credit, false);
    return f.build(
        () ->
            new Contract(
                vk,
                zone,
                windows,
                assets,
                patch,
                capacity,
                targets == null ? IncidentTargets.DEFAULT : targets,
                credits));
  }

  private static void uniqueNames(Fields f, String key, List<String> names) {
    Set<String> seen = new HashSet<>();
    for (String n : names) {
      if (!seen.add(n)) {
        f.error(key, "duplicate name '" + n + "'");
      }
    }
  }

  private static void checkPatchOverlap(Fields f, List<PatchRule> rules) {
    for (int i = 0; i < rules.size(); i++) {
      for (int j = i + 1; j < rules.size(); j++) {
        PatchRule a = rules.get(i);
        PatchRule b = rules.get(j);
        double aMax = a.maxCvss() == null ? 10 : a.maxCvss();
        double bMax = b.maxCvss() == null ? 10 : b.maxCvss();
        if (a.minCvss() <= bMax && b.minCvss() <= aMax) {
          f.error(
              "patchPolicy",
              "rules " + i + " and " + j + " overlap in CVSS range (make maxCvss of one below"
                  + " minCvss of the other, e.g. 7.0-8.9 and 9.0-10)");
        }
      }
    }
  }

  private static MaintenanceWindow window(Fields f) {
    String name = f.requiredString("name");
    var days = Days.read(f, "days", true);
    var start = f.time("start", true);
    Duration duration = f.requiredDuration("duration");
    if (duration != null && duration.compareTo(Duration.ofDays(1)) > 0) {
      f.error("duration", "must not exceed 24h");
    }
    Duration announce = f.duration("announceAhead", Duration.ofDays(5), true);
    return f.build(() -> new MaintenanceWindow(name, days, start, duration, announce));
  }

  private static Asset asset(Fields f) {
    String name = f.requiredString("name");
    Duration rto = f.requiredDuration("rto");
    Duration rpo = f.requiredDuration("rpo");
    return f.build(() -> new Asset(name, rto, rpo));
  }

  private static PatchRule patchRule(Fields f) {
    Double min = f.number("minCvss", 0, 10, true);
    Double max = f.number("maxCvss", 0, 10, false);
    if (min != null && max != null && max < min) {
      f.error("maxCvss", Fields.fmt(max) + " is below minCvss " + Fields.fmt(min));
    }
    Duration deadline = f.requiredDuration("deadline");
    return f.build(() -> new PatchRule(min, max, deadline));
  }

  private static CapacityReservation reservation(Fields f) {
    String name = f.requiredString("name");
    Integer gpus = f.requiredInteger("gpus", 1, 100_000);
    Integer mem = f.requiredInteger("gpuMemoryGiB", 1, 10_000_000);
    String mig = f.matching("migProfile", MIG, "a MIG profile like 1g.10gb or 3g.40gb", false);
    List<CriticalWindow> windows = f.list("criticalWindows", TenantReader::criticalWindow, false);
    return f.build(() -> new CapacityReservation(name, gpus, mem, mig, windows));
  }

  private static CriticalWindow criticalWindow(Fields f) {
    String name = f.requiredString("name");
    CriticalWindow.Schedule schedule =
        f.enumValue("schedule", CriticalWindow.Schedule.class, null, true);
    Integer before = f.integer("daysBefore", 0, 27, 2);
    Integer after = f.integer("daysAfter", 0, 27, 1);
    var days = Days.read(f, "days", schedule == CriticalWindow.Schedule.WEEKLY);
    var start = f.time("start", schedule == CriticalWindow.Schedule.WEEKLY);
    Duration duration =
        schedule == CriticalWindow.Schedule.WEEKLY
            ? f.requiredDuration("duration")
            : f.duration("duration", null, false);
    if (schedule == CriticalWindow.Schedule.MONTH_END) {
      for (String k : List.of("days", "start", "duration")) {
        if (f.has(k)) {
          f.error(k, "only applies to schedule weekly");
        }
      }
    }
    return f.build(
        () -> new CriticalWindow(name, schedule, before, after, days, start, duration));
  }

  private static IncidentTargets incidentTargets(Fields f) {
    Map<Severity, ResponseTarget> map = new EnumMap<>(IncidentTargets.DEFAULT.targets());
    for (Severity s : Severity.values()) {
      ResponseTarget dflt = IncidentTargets.DEFAULT.of(s);
      ResponseTarget t =
          f.object(
              s.name(),
              g -> {
                Duration ack = g.duration("acknowledge", dflt.acknowledge(), false);
                Duration restore = g.duration("restore", dflt.restore(), false);
                boolean business = g.bool("businessHours", false);
                if (ack != null && restore != null && restore.compareTo(ack) < 0) {
                  g.error("restore", "must not be shorter than acknowledge");
                }
                return g.build(() -> new ResponseTarget(ack, restore, business));
              });
      if (t != null) {
        map.put(s, t);
      }
    }
    BusinessHours hours = f.object("businessHours", TenantReader::businessHours);
    if (hours == null && !f.has("businessHours")) {
      for (Severity s : Severity.values()) {
        if (map.get(s).businessHours()) {
          f.error(s.name(), "counts business hours, but incidentTargets.businessHours defines no calendar");
        }
      }
    }
    return f.build(() -> new IncidentTargets(map, hours));
  }

  private static BusinessHours businessHours(Fields f) {
    var days = Days.read(f, "days", true);
    var start = f.time("start", true);
    var end = f.time("end", true);
    if (start != null && end != null && !end.isAfter(start)) {
      f.error("end", "must be after start " + start);
    }
    String region = f.string("holidays");
    if (region != null && !BusinessHours.REGIONS.contains(region)) {
      f.error("holidays", "unknown holiday region \"" + region + "\"; use DE (nationwide) or a state: "
          + BusinessHours.REGIONS.stream().filter(r -> r.length() > 2).sorted().collect(java.util.stream.Collectors.joining(", ")));
    }
    List<java.time.LocalDate> closed = new java.util.ArrayList<>();
    for (String d : f.strings("closedDays")) {
      try {
        closed.add(java.time.LocalDate.parse(d.strip()));
      } catch (java.time.format.DateTimeParseException e) {
        f.error("closedDays", "\"" + d + "\" is not a date like 2026-12-24");
      }
    }
    return f.build(() -> new BusinessHours(days, start, end, region, closed));
  }

  private static ServiceCredit credit(Fields f) {
    Double below = f.number("below", 0, 100, true);
    Double percent = f.number("creditPercent", 0, 100, true);
    return f.build(() -> new ServiceCredit(below, percent));
  }

  private static Regulatory regulatory(Fields f) {
    Regulatory.Dsgvo dsgvo =
        f.object(
            "dsgvo",
            g -> {
              var role =
                  g.enumValue(
                      "role", Regulatory.Dsgvo.Role.class, Regulatory.Dsgvo.Role.PROCESSOR, false);
              Duration deadline = g.duration("controllerNotificationDeadline", null, false);
              if (role == Regulatory.Dsgvo.Role.CONTROLLER && deadline != null) {
                g.error(
                    "controllerNotificationDeadline",
                    "only applies when role is processor (the provider notifies the controller)");
              }
              if (deadline != null && deadline.compareTo(Duration.ofHours(72)) > 0) {
                g.error(
                    "controllerNotificationDeadline",
                    "must not exceed 72h (the controller itself has 72h under Art. 33 DSGVO)");
              }
              return g.build(() -> new Regulatory.Dsgvo(role, deadline));
            });
    Regulatory.Nis2 nis2 =
        f.object(
            "nis2",
            g -> {
              var entity = g.enumValue("entity", Regulatory.Nis2.Entity.class, null, true);
              return g.build(() -> new Regulatory.Nis2(entity));
            });
    boolean dora = f.bool("dora", false);
    Regulatory.AiAct aiAct =
        f.object(
            "aiAct",
            g -> {
              boolean highRisk = g.bool("highRisk", false);
              return g.build(() -> new Regulatory.AiAct(highRisk));
            });
    return f.build(
        () -> new Regulatory(dsgvo == null ? Regulatory.Dsgvo.DEFAULT : dsgvo, nis2, dora, aiAct));
  }

  private static Contact contact(Fields f) {
    Contact.Role role = f.enumValue("role", Contact.Role.class, null, true);
    String name = f.requiredString("name");
    String email = f.matching("email", EMAIL, "an e-mail address", true);
    String phone = f.matching("phone", PHONE, "a phone number (e.g. +49 30 1234567)", false);
    return f.build(() -> new Contact(role, name, email, phone));
  }

  private static Attribution attribution(Fields f) {
    List<String> namespaces = f.strings("namespaces");
    List<String> pods = f.strings("podPrefixes");
    List<String> models = f.strings("models");
    List<String> targets = f.strings("targets");
    for (String t : targets) {
      if (!ScrapeReader.HOST_PORT.matcher(t).matches()) {
        f.error("targets", "\"" + t + "\" is not host:port");
      }
    }
    return f.build(() -> new Attribution(namespaces, pods, models, targets));
  }
}
