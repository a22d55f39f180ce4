package io.slamon.collector.events;

import io.slamon.collector.events.EventTypes.Attribute;
import io.slamon.collector.events.EventTypes.Type;
import io.slamon.store.Event;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Turns one decoded JSON event object into an {@link Event}, or says precisely why not. Pure:
 * no HTTP or database types, so every rule is unit-tested directly.
 */
public final class EventValidator {
  /** Unparseable-but-valid-JSON problems are 422; the API uses 400 only for broken JSON. */
  static final int INVALID = 422;
  static final int MAX_ID_LENGTH = 200;
  static final int MAX_STRING_LENGTH = 1024;
  static final int MAX_ATTRIBUTES = 64;
  /** Clock skew tolerated for event times in the future. */
  static final Duration MAX_FUTURE = Duration.ofMinutes(5);

  private static final Set<String> TOP_LEVEL = Set.of("id", "type", "tenant", "time", "attributes");
  private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");
  private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}");
  private static final Pattern WORD_SPLIT = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|[_.\\-]+");
  /** Words that mean "the text itself" in request logs of LLM servers, wherever they appear. */
  private static final Set<String> CONTENT_WORDS =
      Set.of("prompt", "prompts", "completion", "completions", "messages", "input", "inputs", "output", "outputs");
  /** Words that mean content only when they are the whole name ({@code errorMessage} is fine). */
  private static final Set<String> CONTENT_ALONE = Set.of("message", "content", "text", "body");
  /** Final words that turn a content word into a measurement of it (inputTokens, prompt_chars). */
  private static final Set<String> MEASURE_WORDS =
      Set.of("tokens", "token", "count", "bytes", "chars", "characters", "length", "seconds", "ms", "size");

  private final Predicate<String> knownTenant;
  private final InstantSource clock;

  public EventValidator(Predicate<String> knownTenant, InstantSource clock) {
    this.knownTenant = knownTenant;
    this.clock = clock;
  }

  /** The outcome: exactly one of {@code event} and {@code rejection} is set. */
  public record Result(Event event, Rejection rejection) {
    static Result ok(Event e) {
      return new Result(e, null);
    }

    static Result no(String error, String field) {
      return new Result(null, new Rejection(INVALID, error, field));
    }

    public boolean valid() {
      return event != null;
    }
  }

  public Result validate(Map<String, ?> json, String source) {
    for (String key : json.keySet()) {
      if (!TOP_LEVEL.contains(key)) {
        return Result.no("unknown field '" + key + "'; an event has only id, type, tenant, time and attributes", key);
      }
    }
    if (!(json.get("id") instanceof String id) || id.isBlank()) {
      return Result.no("id is required and must be a non-empty string (the idempotency key)", "id");
    }
    if (id.length() > MAX_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
      return Result.no("id must be at most " + MAX_ID_LENGTH + " characters without control characters", "id");
    }
    if (!(json.get("type") instanceof String typeName)) {
      return Result.no("type is required and must be a string; known types: " + knownTypes(), "type");
    }
    Type type = EventTypes.ALL.get(typeName);
    if (type == null) {
      return Result.no("unknown event type '" + typeName + "'; known types: " + knownTypes(), "type");
    }
    if (!(json.get("time") instanceof String timeText)) {
      return Result.no("time is required: an RFC 3339 timestamp with offset, e.g. 2026-03-01T02:00:00Z", "time");
    }
    Instant time;
    try {
      time = parseTime(timeText);
    } catch (DateTimeParseException e) {
      return Result.no("time '" + timeText + "' is not an RFC 3339 timestamp with offset, e.g. 2026-03-01T02:00:00Z",
          "time");
    }
    if (time.isAfter(clock.instant().plus(MAX_FUTURE))) {
      return Result.no("time " + timeText + " is more than " + MAX_FUTURE.toMinutes() + " minutes in the future",
          "time");
    }
    Object tenantValue = json.get("tenant");
    String tenant = null;
    if (tenantValue != null) {
      if (!(tenantValue instanceof String t) || t.isBlank()) {
        return Result.no("tenant must be a non-empty string, or absent for provider-wide events", "tenant");
      }
      if (!knownTenant.test(t)) {
        return Result.no("unknown tenant '" + t + "'", "tenant");
      }
      tenant = t;
    } else if (type.tenantRequired()) {
      return Result.no("tenant is required for " + type.name() + " events", "tenant");
    }
    Object attrsValue = json.get("attributes");
    Map<String, Object> attributes = new LinkedHashMap<>();
    if (attrsValue != null) {
      if (!(attrsValue instanceof Map<?, ?> m)) {
        return Result.no("attributes must be a JSON object", "attributes");
      }
      if (m.size() > MAX_ATTRIBUTES) {
        return Result.no("at most " + MAX_ATTRIBUTES + " attributes are allowed, got " + m.size(), "attributes");
      }
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String name = String.valueOf(e.getKey());
        Result bad = checkAttribute(name, e.getValue());
        if (bad != null) {
          return bad;
        }
        attributes.put(name, e.getValue());
      }
    }
    Result bad = checkType(type, attributes);
    if (bad != null) {
      return bad;
    }
    return Result.ok(new Event(id, tenant, type.name(), time, source, attributes));
  }

  private static Result checkAttribute(String name, Object value) {
    String field = "attributes." + name;
    if (!ATTRIBUTE_NAME.matcher(name).matches()) {
      return Result.no("attribute name '" + name + "' must match [A-Za-z_][A-Za-z0-9_.-]* (at most 64 characters)",
          field);
    }
    if (looksLikePromptContent(name)) {
      return Result.no("attribute '" + name + "' looks like prompt or completion content; slamon never stores "
          + "prompt content (send counts such as inputTokens instead)", field);
    }
    if (value instanceof String s) {
      if (s.length() > MAX_STRING_LENGTH) {
        return Result.no("attribute '" + name + "' is longer than " + MAX_STRING_LENGTH + " characters", field);
      }
    } else if (value instanceof Number n) {
      if (!Double.isFinite(n.doubleValue())) {
        return Result.no("attribute '" + name + "' must be a finite number", field);
      }
    } else if (!(value instanceof Boolean)) {
      return Result.no("attribute '" + name + "' must be a string, number or boolean"
          + (value == null ? ", not null" : ", not an object or array"), field);
    }
    return null;
  }

  /**
   * True when a word of the name means prompt or completion text ({@code prompt},
   * {@code outputText}, {@code messages}, a bare {@code content}), unless the name ends in a
   * measurement word ({@code inputTokens}, {@code prompt_chars}).
   */
  static boolean looksLikePromptContent(String name) {
    List<String> words = WORD_SPLIT.splitAsStream(name).filter(w -> !w.isEmpty())
        .map(w -> w.toLowerCase(Locale.ROOT)).toList();
    if (words.isEmpty() || MEASURE_WORDS.contains(words.get(words.size() - 1))) {
      return false;
    }
    return words.stream().anyMatch(CONTENT_WORDS::contains)
        || (words.size() == 1 && CONTENT_ALONE.contains(words.get(0)));
  }

  private static Result checkType(Type type, Map<String, Object> attributes) {
    for (Attribute a : type.attributes()) {
      Object v = attributes.get(a.name());
      String field = "attributes." + a.name();
      if (v == null) {
        if (a.required()) {
          return Result.no(type.name() + " requires attribute '" + a.name() + "' (" + describe(a) + ")", field);
        }
        continue;
      }
      String problem = switch (a.kind()) {
        case STRING -> v instanceof String s && !s.isBlank() ? null : "a non-empty string";
        case BOOLEAN -> v instanceof Boolean ? null : "true or false";
        case NUMBER -> v instanceof Number n && inRange(n.doubleValue(), a) ? null : describe(a);
        case INTEGER -> v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
            && inRange(n.doubleValue(), a) ? null : describe(a);
        case CVE_ID -> v instanceof String s && CVE.matcher(s).matches() ? null : "a CVE id like CVE-2024-12345";
        case TIME -> v instanceof String s && isTime(s) ? null : "an RFC 3339 timestamp with offset";
      };
      if (problem != null) {
        return Result.no("attribute '" + a.name() + "' of " + type.name() + " must be " + problem + ", got " + v,
            field);
      }
    }
    if (type.name().equals("maintenance.announced")) {
      Instant start = parseTime((String) attributes.get("plannedStart"));
      Instant end = parseTime((String) attributes.get("plannedEnd"));
      if (!end.isAfter(start)) {
        return Result.no("plannedEnd must be after plannedStart", "attributes.plannedEnd");
      }
    }
    return null;
  }

  private static boolean inRange(double v, Attribute a) {
    return Double.isFinite(v) && v >= a.min() && v <= a.max();
  }

  private static String describe(Attribute a) {
    String what = switch (a.kind()) {
      case INTEGER -> "an integer";
      case NUMBER -> "a number";
      case STRING -> "a non-empty string";
      case BOOLEAN -> "true or false";
      case CVE_ID -> "a CVE id like CVE-2024-12345";
      case TIME -> "an RFC 3339 timestamp with offset";
    };
    boolean lo = a.min() != Double.NEGATIVE_INFINITY;
    boolean hi = a.max() != Double.POSITIVE_INFINITY;
    if (lo && hi) {
      return what + " from " + fmt(a.min()) + " to " + fmt(a.max());
    }
    return lo ? what + " >= " + fmt(a.min()) : what;
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  private static boolean isTime(String s) {
    try {
      parseTime(s);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static Instant parseTime(String s) {
    return OffsetDateTime.parse(s).toInstant();
  }

  static String knownTypes() {
    return String.join(", ", EventTypes.ALL.keySet());
  }
}
