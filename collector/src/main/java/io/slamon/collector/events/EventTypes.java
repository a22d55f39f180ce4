package io.slamon.collector.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The event types slamon accepts and the attributes each requires. Kept as data so
 * docs/events.md, the validator and the error message listing known types never drift apart.
 */
public final class EventTypes {
  /** How an attribute value is checked. */
  public enum Kind {
    STRING,
    NUMBER,
    INTEGER,
    BOOLEAN,
    /** An RFC 3339 timestamp string with offset. */
    TIME,
    /** {@code CVE-YYYY-NNNN...}. */
    CVE_ID
  }

  /**
   * One attribute rule.
   *
   * @param min inclusive lower bound for NUMBER/INTEGER ({@code -Infinity}: none)
   * @param max inclusive upper bound for NUMBER/INTEGER ({@code +Infinity}: none)
   */
  public record Attribute(String name, Kind kind, boolean required, double min, double max) {
    static Attribute req(String name, Kind kind) {
      return new Attribute(name, kind, true, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    static Attribute opt(String name, Kind kind) {
      return new Attribute(name, kind, false, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    Attribute range(double lo, double hi) {
      return new Attribute(name, kind, required, lo, hi);
    }
  }

  /**
   * One type.
   *
   * @param tenantRequired whether the event must name a tenant (false: provider scope allowed)
   */
  public record Type(String name, boolean tenantRequired, List<Attribute> attributes) {
    public Type {
      attributes = List.copyOf(attributes);
    }
  }

  private static final double INF = Double.POSITIVE_INFINITY;

  /** All types in documentation order. */
  public static final Map<String, Type> ALL = index(List.of(
      new Type("backup.completed", false, List.of(
          Attribute.req("asset", Kind.STRING),
          Attribute.opt("sizeBytes", Kind.INTEGER).range(0, INF),
          Attribute.opt("durationSeconds", Kind.NUMBER).range(0, INF))),
      new Type("backup.failed", false, List.of(
          Attribute.req("asset", Kind.STRING),
          Attribute.opt("reason", Kind.STRING))),
      new Type("restore_test.completed", false, List.of(
          Attribute.req("asset", Kind.STRING),
          Attribute.req("durationSeconds", Kind.NUMBER).range(0, INF),
          Attribute.req("success", Kind.BOOLEAN))),
      new Type("cve.published", false, List.of(
          Attribute.req("cve", Kind.CVE_ID),
          Attribute.req("cvss", Kind.NUMBER).range(0, 10),
          Attribute.req("component", Kind.STRING))),
      new Type("patch.applied", false, List.of(
          Attribute.req("component", Kind.STRING),
          Attribute.opt("cve", Kind.CVE_ID),
          Attribute.opt("version", Kind.STRING))),
      new Type("maintenance.announced", false, List.of(
          Attribute.req("maintenanceId", Kind.STRING),
          Attribute.req("plannedStart", Kind.TIME),
          Attribute.req("plannedEnd", Kind.TIME),
          Attribute.opt("component", Kind.STRING))),
      new Type("maintenance.started", false, List.of(Attribute.req("maintenanceId", Kind.STRING))),
      new Type("maintenance.ended", false, List.of(Attribute.req("maintenanceId", Kind.STRING))),
      new Type("rag_index.freshness", false, List.of(
          Attribute.req("index", Kind.STRING),
          Attribute.req("freshnessSeconds", Kind.NUMBER).range(0, INF))),
      new Type("token.usage", true, List.of(
          Attribute.req("model", Kind.STRING),
          Attribute.req("inputTokens", Kind.INTEGER).range(0, INF),
          Attribute.req("outputTokens", Kind.INTEGER).range(0, INF),
          Attribute.opt("requests", Kind.INTEGER).range(0, INF)))));

  private EventTypes() {}

  private static Map<String, Type> index(List<Type> types) {
    Map<String, Type> m = new LinkedHashMap<>();
    types.forEach(t -> m.put(t.name(), t));
    return java.util.Collections.unmodifiableMap(m);
  }
}
