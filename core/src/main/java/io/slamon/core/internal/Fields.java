package io.slamon.core.internal;

import io.slamon.core.Durations;
import io.slamon.core.config.ConfigEnum;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cursor over one YAML mapping being validated. Every accessor records the key as known, reports
 * wrong types and values with file, line and dotted path, and returns null (or the default) so
 * validation carries on; {@link #build} then reports the keys nobody asked for as unknown fields.
 */
public final class Fields {
  private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

  private final FileProblems problems;
  private final Node.MapNode map;
  private final String path;
  private final Set<String> known = new LinkedHashSet<>();
  private final int problemsAtStart;

  private Fields(FileProblems problems, Node.MapNode map, String path) {
    this.problems = problems;
    this.map = map;
    this.path = path;
    this.problemsAtStart = problems.count();
  }

  /** A cursor over {@code node}, or null (with a problem reported) if it is not a mapping. */
  public static Fields of(Node node, String path, int line, FileProblems problems) {
    if (node instanceof Node.MapNode m) {
      return new Fields(problems, m, path);
    }
    problems.add(
        node == null ? line : node.line(),
        path,
        "expected a mapping but found " + (node == null ? "nothing" : node.describe()));
    return null;
  }

  public FileProblems problems() {
    return problems;
  }

  public int line() {
    return map.line();
  }

  public String path() {
    return path;
  }

  public String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** Line of {@code key} if present, else of the mapping. */
  public int lineOf(String key) {
    Node.Entry e = map.entries().get(key);
    return e == null ? map.line() : e.keyLine();
  }

  /** Line of a nested key such as {@code metadata.name}, or of the deepest part present. */
  public int lineOf(String first, String... more) {
    String[] path = new String[more.length + 1];
    path[0] = first;
    System.arraycopy(more, 0, path, 1, more.length);
    return ConfigFiles.lineOf(map, path);
  }

  /** The raw node of {@code key}, or null if absent or explicitly null. */
  public Node node(String key) {
    known.add(key);
    Node.Entry e = map.entries().get(key);
    if (e == null || (e.value() instanceof Node.Scalar s && s.value() == null)) {
      return null;
    }
    return e.value();
  }

  public boolean has(String key) {
    return node(key) != null;
  }

  public void error(String key, String message) {
    problems.add(lineOf(key), child(key), message);
  }

  /** Reports a problem about the mapping as a whole. */
  public void error(String message) {
    problems.add(map.line(), path, message);
  }

  public void missing(String key) {
    problems.add(map.line(), child(key), "missing required field");
  }

  public String string(String key) {
    Node n = node(key);
    if (n == null) {
      return null;
    }
    if (n instanceof Node.Scalar s && !(s.value() instanceof Boolean)) {
      return s.text();
    }
    if (n instanceof Node.Scalar s) {
      // YAML 1.1 reads yes/no/on/off unquoted as booleans (the "Norway problem": country NO)
      error(key, "expected a string but found a boolean (quote it: \"" + s.text() + "\")");
      return null;
    }
    error(key, "expected a string but found " + n.describe());
    return null;
  }

  public String requiredString(String key) {
    if (!has(key)) {
      missing(key);
      return null;
    }
    String s = string(key);
    if (s != null && s.isBlank()) {
      error(key, "must not be empty");
      return null;
    }
    return s;
  }

  public String string(String key, String dflt) {
    String s = string(key);
    return s == null ? dflt : s;
  }

  /** A string that must match {@code pattern}; {@code what} explains the rule. */
  public String matching(String key, Pattern pattern, String what, boolean required) {
    String s = required ? requiredString(key) : string(key);
    if (s != null && !pattern.matcher(s).matches()) {
      error(key, "\"" + s + "\" is not " + what);
      return null;
    }
    return s;
  }

  public boolean bool(String key, boolean dflt) {
    Node n = node(key);
    if (n == null) {
      return dflt;
    }
    if (n instanceof Node.Scalar s && s.value() instanceof Boolean b) {
      return b;
    }
    error(key, "expected true or false but found " + describeValue(n));
    return dflt;
  }

  public Double number(String key) {
    Node n = node(key);
    if (n == null) {
      return null;
    }
    if (n instanceof Node.Scalar s && s.value() instanceof Number num) {
      return num.doubleValue();
    }
    error(key, "expected a number but found " + describeValue(n));
    return null;
  }

  public Double requiredNumber(String key) {
    if (!has(key)) {
      missing(key);
      return null;
    }
    return number(key);
  }

  /** A number in {@code [min, max]}. */
  public Double number(String key, double min, double max, boolean required) {
    Double d = required ? requiredNumber(key) : number(key);
    if (d != null && (d < min || d > max || d.isNaN())) {
      error(key, fmt(d) + " is out of range (" + fmt(min) + " to " + fmt(max) + ")");
      return null;
    }
    return d;
  }

  public Integer integer(String key, int min, int max, Integer dflt) {
    Node n = node(key);
    if (n == null) {
      return dflt;
    }
    if (n instanceof Node.Scalar s
        && (s.value() instanceof Integer || s.value() instanceof Long)) {
      long v = ((Number) s.value()).longValue();
      if (v < min || v > max) {
        error(key, v + " is out of range (" + min + " to " + max + ")");
        return null;
      }
      return (int) v;
    }
    error(key, "expected a whole number but found " + describeValue(n));
    return null;
  }

  public Integer requiredInteger(String key, int min, int max) {
    if (!has(key)) {
      missing(key);
      return null;
    }
    return integer(key, min, max, null);
  }

  /** A duration (see {@link Durations}); zero is rejected unless {@code allowZero}. */
  public Duration duration(String key, Duration dflt, boolean allowZero) {
    Node n = node(key);
    if (n == null) {
      return dflt;
    }
    if (!(n instanceof Node.Scalar s) || s.value() instanceof Boolean) {
      error(key, "expected a duration but found " + n.describe());
      return null;
    }
    try {
      Duration d = Durations.parse(s.text());
      if (d.isZero() && !allowZero) {
        error(key, "must be greater than 0");
        return null;
      }
      return d;
    } catch (IllegalArgumentException e) {
      error(key, e.getMessage());
      return null;
    }
  }

  public Duration requiredDuration(String key) {
    if (!has(key)) {
      missing(key);
      return null;
    }
    return duration(key, null, false);
  }

  public ZoneId zone(String key, ZoneId dflt) {
    String s = string(key);
    if (s == null) {
      return dflt;
    }
    try {
      return ZoneId.of(s);
    } catch (DateTimeException e) {
      error(key, "\"" + s + "\" is not an IANA time zone (e.g. Europe/Berlin)");
      return null;
    }
  }

  /** A wall-clock time written {@code HH:mm}. */
  public LocalTime time(String key, boolean required) {
    String s = required ? requiredString(key) : string(key);
    if (s == null) {
      return null;
    }
    if (!HH_MM.matcher(s).matches()) {
      error(key, "\"" + s + "\" is not a time of day in HH:mm (e.g. \"02:00\"; quote it in YAML)");
      return null;
    }
    return LocalTime.parse(s);
  }

  public <E extends Enum<E>> E enumValue(String key, Class<E> type, E dflt, boolean required) {
    if (required && !has(key)) {
      missing(key);
      return null;
    }
    String s = string(key);
    if (s == null) {
      return dflt;
    }
    E e = parseEnum(s, type);
    if (e == null) {
      error(key, "\"" + s + "\" is not one of " + allowed(type));
    }
    return e;
  }

  public static <E extends Enum<E>> E parseEnum(String s, Class<E> type) {
    for (E c : type.getEnumConstants()) {
      if (configName(c).equalsIgnoreCase(s.strip())) {
        return c;
      }
    }
    return null;
  }

  public static String configName(Enum<?> e) {
    return e instanceof ConfigEnum c ? c.configName() : e.name();
  }

  public static <E extends Enum<E>> String allowed(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(Fields::configName)
        .collect(Collectors.joining(", "));
  }

  /** A list of strings; absent or null gives an empty list. */
  public List<String> strings(String key) {
    Node n = node(key);
    if (n == null) {
      return List.of();
    }
    if (!(n instanceof Node.ListNode list)) {
      error(key, "expected a list but found " + n.describe());
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      Node item = list.items().get(i);
      if (item instanceof Node.Scalar s && s.value() != null && !(s.value() instanceof Boolean)) {
        out.add(s.text());
      } else {
        problems.add(
            item.line(),
            child(key) + "[" + i + "]",
            "expected a string but found " + item.describe());
      }
    }
    return out;
  }

  /** A mapping of string to string (e.g. labels); absent gives an empty map. */
  public Map<String, String> stringMap(String key) {
    Node n = node(key);
    if (n == null) {
      return Map.of();
    }
    if (!(n instanceof Node.MapNode m)) {
      error(key, "expected a mapping but found " + n.describe());
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    m.entries()
        .forEach(
            (k, e) -> {
              if (e.value() instanceof Node.Scalar s && s.value() != null) {
                out.put(k, s.text());
              } else {
                problems.add(
                    e.keyLine(),
                    child(key) + "." + k,
                    "expected a string but found " + e.value().describe());
              }
            });
    return out;
  }

  /** The nested mapping under {@code key} read by {@code reader}, or null if absent. */
  public <T> T object(String key, Function<Fields, T> reader) {
    Node n = node(key);
    if (n == null) {
      return null;
    }
    Fields f = Fields.of(n, child(key), lineOf(key), problems);
    return f == null ? null : reader.apply(f);
  }

  public <T> T requiredObject(String key, Function<Fields, T> reader) {
    if (!has(key)) {
      missing(key);
      return null;
    }
    return object(key, reader);
  }

  /** A list of mappings, each read by {@code reader}; nulls (invalid items) are dropped. */
  public <T> List<T> list(String key, Function<Fields, T> reader, boolean required) {
    Node n = node(key);
    if (n == null) {
      if (required) {
        missing(key);
      }
      return List.of();
    }
    if (!(n instanceof Node.ListNode list)) {
      error(key, "expected a list but found " + n.describe());
      return List.of();
    }
    if (required && list.items().isEmpty()) {
      error(key, "must not be empty");
    }
    List<T> out = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      Node item = list.items().get(i);
      Fields f = Fields.of(item, child(key) + "[" + i + "]", item.line(), problems);
      if (f != null) {
        T t = reader.apply(f);
        if (t != null) {
          out.add(t);
        }
      }
    }
    return out;
  }

  /**
   * Reports unknown keys, then builds the value unless a problem was found inside this mapping.
   * Exceptions from the value's own validation (compact constructors) become problems at this
   * mapping's line.
   */
  public <T> T build(Supplier<T> constructor) {
    finish();
    if (problems.count() > problemsAtStart) {
      return null;
    }
    try {
      return constructor.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      error(e.getMessage() == null ? "invalid" : e.getMessage());
      return null;
    }
  }

  /** True when no problem was reported since this cursor was created. */
  public boolean clean() {
    return problems.count() == problemsAtStart;
  }

  /** Reports every key that no accessor asked for. */
  public void finish() {
    for (Map.Entry<String, Node.Entry> e : map.entries().entrySet()) {
      if (!known.contains(e.getKey())) {
        problems.add(
            e.getValue().keyLine(),
            child(e.getKey()),
            "unknown field '" + e.getKey() + "'" + Suggestions.hint(e.getKey(), known));
        known.add(e.getKey());
      }
    }
  }

  private static String describeValue(Node n) {
    if (n instanceof Node.Scalar s && s.value() instanceof String str) {
      return "\"" + str + "\"";
    }
    return n.describe();
  }

  static String fmt(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
