package io.slamon.collector.exposition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses the Prometheus text exposition format 0.0.4 and the simple part of OpenMetrics 1.0
 * text ({@code # EOF}, {@code # UNIT}, {@code _created} series, exemplars skipped) into
 * samples delivered to a {@link SampleHandler}.
 *
 * <p>Hand-written because no maintained Java library parses the text format: the
 * Prometheus Java client ({@code prometheus-metrics-exposition-textformats}) only writes
 * it, and the Go {@code expfmt} / Python parsers have no Java counterpart. It is a
 * single-pass scanner over the page with no regular expressions and no per-line
 * allocation beyond the sample's own strings.
 *
 * <p>Tolerance follows what exporters really emit rather than the strict grammar: a space
 * after commas in label sets, a trailing comma, label values with unescaped odd characters
 * ({@code { } , = #}, non-ASCII, unknown backslash escapes kept literally, as
 * dcgm-exporter's driver and model strings need), CRLF line ends and a missing final
 * newline. A malformed line is reported with its number and what was expected, skipped
 * and counted; the rest of the page still parses, so one broken series never costs a
 * whole scrape.
 *
 * <p>Not yet checked (the strict parser is a later issue): histogram bucket monotonicity,
 * missing {@code le}/{@code quantile} labels, family grouping order, UTF-8 quoted metric
 * names of Prometheus 3.
 *
 * <p>Instances are stateless and thread-safe.
 */
public final class PrometheusTextParser {
  /** At most this many {@link ParseError}s are kept per page; all bad lines are counted. */
  public static final int MAX_REPORTED_ERRORS = 100;

  /** Which text format the page is in; decides how timestamps are read. */
  public enum Flavor {
    /** Prometheus text 0.0.4: timestamps are integer milliseconds. */
    PROMETHEUS_0_0_4,
    /** OpenMetrics 1.0 text: timestamps are (fractional) seconds. */
    OPENMETRICS_1_0
  }

  private final Flavor flavor;

  public PrometheusTextParser() {
    this(Flavor.PROMETHEUS_0_0_4);
  }

  public PrometheusTextParser(Flavor flavor) {
    this.flavor = java.util.Objects.requireNonNull(flavor, "flavor");
  }

  /** Parses {@code page}, calling {@code handler} for each sample and metadata line in order. */
  public ParseResult parse(String page, SampleHandler handler) {
    List<ParseError> errors = new ArrayList<>();
    Set<String> typedFamilies = new HashSet<>();
    int samples = 0;
    int bad = 0;
    int lineNo = 0;
    boolean eof = false;
    int pos = 0;
    int n = page.length();
    while (pos < n) {
      int nl = page.indexOf('\n', pos);
      int end = nl < 0 ? n : nl;
      lineNo++;
      int lineEnd = end > pos && page.charAt(end - 1) == '\r' ? end - 1 : end;
      Line line = new Line(page, pos, lineEnd);
      try {
        line.skipBlanks();
        if (line.atEnd()) {
          // blank line: allowed in 0.0.4
        } else if (eof) {
          throw line.error("nothing may follow '# EOF'");
        } else if (line.peek() == '#') {
          eof = parseComment(line, handler, typedFamilies);
        } else {
          parseSample(line, handler);
          samples++;
        }
      } catch (LineException e) {
        bad++;
        if (errors.size() < MAX_REPORTED_ERRORS) {
          errors.add(new ParseError(lineNo, e.getMessage()));
        }
      }
      pos = end + 1;
    }
    return new ParseResult(samples, bad, errors);
  }

  private boolean parseComment(Line line, SampleHandler handler, Set<String> typedFamilies) {
    line.pos++;
    line.skipBlanks();
    String keyword = line.readToken();
    switch (keyword) {
      case "HELP" -> {
        String family = line.expectBlanksThenMetricName("HELP");
        line.skipBlanks();
        handler.help(family, line.readHelpText());
      }
      case "TYPE" -> {
        String family = line.expectBlanksThenMetricName("TYPE");
        if (!line.skipBlanks()) {
          throw line.error("expected a metric type after the name in '# TYPE " + family + "'");
        }
        String typeText = line.readToken();
        MetricType type =
            MetricType.parse(typeText)
                .orElseThrow(
                    () ->
                        line.error(
                            "unknown metric type '"
                                + typeText
                                + "', expected counter, gauge, histogram, summary or untyped"));
        line.expectEnd("metric type");
        if (!typedFamilies.add(family)) {
          throw line.error("second TYPE line for metric family '" + family + "'");
        }
        handler.type(family, type);
      }
      case "UNIT" -> {
        String family = line.expectBlanksThenMetricName("UNIT");
        line.skipBlanks();
        handler.unit(family, line.rest().strip());
      }
      case "EOF" -> {
        line.expectEnd("'# EOF'");
        return true;
      }
      default -> {
        // an ordinary comment
      }
    }
    return false;
  }

  private void parseSample(Line line, SampleHandler handler) {
    String name = line.readMetricName();
    if (name.isEmpty()) {
      throw line.error("expected a metric name, found " + line.describeNext());
    }
    Map<String, String> labels = new HashMap<>();
    boolean blank = line.skipBlanks();
    if (!line.atEnd() && line.peek() == '{') {
      line.readLabels(labels);
      blank = line.skipBlanks();
    }
    if (line.atEnd()) {
      throw line.error("expected a value after '" + name + "', found end of line");
    }
    if (!blank) {
      throw line.error("expected a space before the value, found " + line.describeNext());
    }
    double value = parseValue(line, line.readToken());
    long timestamp = SampleHandler.NO_TIMESTAMP;
    line.skipBlanks();
    if (!line.atEnd() && !isExemplarStart(line)) {
      timestamp = parseTimestamp(line, line.readToken());
      line.skipBlanks();
    }
    if (!line.atEnd() && !isExemplarStart(line)) {
      throw line.error("expected end of line after the timestamp, found " + line.describeNext());
    }
    handler.sample(name, labels, value, timestamp);
  }

  private boolean isExemplarStart(Line line) {
    // OpenMetrics exemplars ("# {trace_id=...} 1.0") are skipped until exemplar support lands.
    return flavor == Flavor.OPENMETRICS_1_0 && line.peek() == '#';
  }

  static double parseValue(Line line, String token) {
    switch (token.toLowerCase(Locale.ROOT)) {
      case "nan" -> {
        return Double.NaN;
      }
      case "+inf", "inf", "+infinity", "infinity" -> {
        return Double.POSITIVE_INFINITY;
      }
      case "-inf", "-infinity" -> {
        return Double.NEGATIVE_INFINITY;
      }
      default -> {}
    }
    // Double.parseDouble also takes "1d", "0x1p3" and "Infinity"; the format does not.
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (!(c >= '0' && c <= '9') && c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') {
        throw line.error("expected a number, NaN, +Inf or -Inf as value, found '" + token + "'");
      }
    }
    try {
      return Double.parseDouble(token);
    } catch (NumberFormatException e) {
      throw line.error("expected a number, NaN, +Inf or -Inf as value, found '" + token + "'");
    }
  }

  private long parseTimestamp(Line line, String token) {
    try {
      if (flavor == Flavor.OPENMETRICS_1_0) {
        double seconds = parseValue(line, token);
        if (!Double.isFinite(seconds)) {
          throw line.error("expected a finite timestamp in seconds, found '" + token + "'");
        }
        return Math.round(seconds * 1000.0);
      }
      return Long.parseLong(token);
    } catch (NumberFormatException e) {
      throw line.error("expected an integer timestamp in milliseconds, found '" + token + "'");
    }
  }

  /** A cursor over one line of the page; methods throw {@link LineException} on bad input. */
  static final class Line {
    private final String s;
    private final int end;
    int pos;

    Line(String s, int start, int end) {
      this.s = s;
      this.pos = start;
      this.end = end;
    }

    boolean atEnd() {
      return pos >= end;
    }

    char peek() {
      return s.charAt(pos);
    }

    /** Skips spaces and tabs; true when at least one was skipped. */
    boolean skipBlanks() {
      int start = pos;
      while (pos < end && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
        pos++;
      }
      return pos > start;
    }

    String readToken() {
      int start = pos;
      while (pos < end && s.charAt(pos) != ' ' && s.charAt(pos) != '\t') {
        pos++;
      }
      return s.substring(start, pos);
    }

    String rest() {
      String r = s.substring(pos, end);
      pos = end;
      return r;
    }

    void expectEnd(String after) {
      skipBlanks();
      if (!atEnd()) {
        throw error("expected end of line after " + after + ", found " + describeNext());
      }
    }

    String readMetricName() {
      int start = pos;
      if (pos < end && isNameStart(s.charAt(pos), true)) {
        pos++;
        while (pos < end && isNameChar(s.charAt(pos), true)) {
          pos++;
        }
      }
      return s.substring(start, pos);
    }

    String expectBlanksThenMetricName(String keyword) {
      skipBlanks();
      String name = readMetricName();
      if (name.isEmpty()) {
        throw error("expected a metric name after '# " + keyword + "', found " + describeNext());
      }
      if (!atEnd() && peek() != ' ' && peek() != '\t') {
        throw error("invalid character " + describeNext() + " in metric name after '# " + keyword + "'");
      }
      return name;
    }

    String readHelpText() {
      StringBuilder b = new StringBuilder(end - pos);
      while (pos < end) {
        char c = s.charAt(pos++);
        if (c == '\\' && pos < end) {
          char e = s.charAt(pos++);
          switch (e) {
            case '\\' -> b.append('\\');
            case 'n' -> b.append('\n');
            default -> b.append('\\').append(e);
          }
        } else {
          b.append(c);
        }
      }
      return b.toString();
    }

    void readLabels(Map<String, String> labels) {
      pos++; // '{'
      skipBlanks();
      while (true) {
        if (atEnd()) {
          throw error("expected a label name or '}', found end of line");
        }
        if (peek() == '}') {
          pos++;
          return;
        }
        int start = pos;
        if (isNameStart(peek(), false)) {
          pos++;
          while (pos < end && isNameChar(s.charAt(pos), false)) {
            pos++;
          }
        }
        String name = s.substring(start, pos);
        if (name.isEmpty()) {
          throw error("expected a label name or '}', found " + describeNext());
        }
        skipBlanks();
        if (atEnd() || peek() != '=') {
          throw error("expected '=' after label name '" + name + "', found " + describeNext());
        }
        pos++;
        skipBlanks();
        if (atEnd() || peek() != '"') {
          throw error("expected '\"' to open the value of label '" + name + "', found " + describeNext());
        }
        pos++;
        String value = readQuoted(name);
        if (labels.put(name, value) != null) {
          throw error("duplicate label '" + name + "'");
        }
        skipBlanks();
        if (atEnd()) {
          throw error("expected ',' or '}' after the value of label '" + name + "', found end of line");
        }
        char c = peek();
        if (c == ',') {
          pos++;
          skipBlanks();
        } else if (c != '}') {
          throw error("expected ',' or '}' after the value of label '" + name + "', found " + describeNext());
        }
      }
    }

    private String readQuoted(String label) {
      int start = pos;
      StringBuilder b = null;
      while (pos < end) {
        char c = s.charAt(pos);
        if (c == '"') {
          String v = b == null ? s.substring(start, pos) : b.toString();
          pos++;
          return v;
        }
        if (c == '\\') {
          if (b == null) {
            b = new StringBuilder(s.length() - start < 64 ? 16 : 64).append(s, start, pos);
          }
          if (pos + 1 >= end) {
            break;
          }
          char e = s.charAt(pos + 1);
          switch (e) {
            case '\\' -> b.append('\\');
            case '"' -> b.append('"');
            case 'n' -> b.append('\n');
            // Exporters put Windows paths and regexes into labels unescaped; keep them as sent.
            default -> b.append('\\').append(e);
          }
          pos += 2;
        } else {
          if (b != null) {
            b.append(c);
          }
          pos++;
        }
      }
      throw error("unterminated value of label '" + label + "': expected a closing '\"'");
    }

    String describeNext() {
      if (atEnd()) {
        return "end of line";
      }
      int cp = s.codePointAt(pos);
      return "'" + new String(Character.toChars(cp)) + "'";
    }

    LineException error(String message) {
      return new LineException(message);
    }

    private static boolean isNameStart(char c, boolean colonAllowed) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (colonAllowed && c == ':');
    }

    private static boolean isNameChar(char c, boolean colonAllowed) {
      return isNameStart(c, colonAllowed) || (c >= '0' && c <= '9');
    }
  }

  /** Control flow for a bad line; no stack trace because it is expected, not exceptional. */
  static final class LineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LineException(String message) {
      super(message, null, false, false);
    }
  }
}
