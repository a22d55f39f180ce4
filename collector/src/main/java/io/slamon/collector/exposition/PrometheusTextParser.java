package io.slamon.collector.exposition;

import io.slamon.collector.exposition.LineCursor.LineException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Parses the Prometheus text exposition format 0.0.4 and OpenMetrics 1.0 text into samples
 * delivered to a {@link SampleVisitor} (rich: family, label view, exemplar) or a
 * {@link SampleHandler} (simple: name, fresh label map).
 *
 * <p>Hand-written because no maintained Java library parses the text formats: the
 * Prometheus Java client ({@code prometheus-metrics-exposition-textformats}) only writes
 * them, and the Go {@code expfmt} / Python parsers have no Java counterpart. It is a
 * single-pass scanner with no regular expressions, no {@code String.split}, no per-line
 * objects: names and repeated label values are reused from the previous line, numbers are
 * converted without allocating, and the label view is one reused {@link LabelSet}.
 *
 * <p>Family membership comes from {@code # TYPE}, never from name suffixes (see
 * {@link FamilyResolver}). DCGM "blank" sentinel values are treated as missing: such samples
 * are counted in {@link ParseResult#blankSamples()} and not delivered.
 *
 * <p><b>Lenient</b> (default) follows what exporters really emit: a space after commas, a
 * trailing comma, label values with unescaped odd characters ({@code { } , = #}, non-ASCII,
 * unknown backslash escapes kept literally, as dcgm-exporter's driver and model strings
 * need), tabs, CRLF, blank lines and a missing final newline. A malformed line is reported
 * with its number and what was expected, skipped and counted; the rest of the page still
 * parses. <b>Strict</b> ({@link Mode#STRICT}, OpenMetrics only) rejects everything the
 * OpenMetrics 1.0 specification rejects and stops at the first violation: the page is then
 * invalid as a whole, and a caller must discard what it already received.
 *
 * <p>Timestamps: Prometheus text carries integer milliseconds; OpenMetrics carries seconds
 * with an optional fraction, converted exactly to milliseconds. Instances are stateless and
 * thread-safe; each {@code parse} call has its own state.
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

  /** How forgiving the parser is. */
  public enum Mode {
    /** Accept what real exporters emit; skip and report bad lines. */
    LENIENT,
    /** OpenMetrics 1.0 exactly; the first violation rejects the page. */
    STRICT
  }

  private final Flavor flavor;
  private final Mode mode;

  public PrometheusTextParser() {
    this(Flavor.PROMETHEUS_0_0_4);
  }

  public PrometheusTextParser(Flavor flavor) {
    this(flavor, Mode.LENIENT);
  }

  public PrometheusTextParser(Flavor flavor, Mode mode) {
    this.flavor = Objects.requireNonNull(flavor, "flavor");
    this.mode = Objects.requireNonNull(mode, "mode");
    if (mode == Mode.STRICT && flavor != Flavor.OPENMETRICS_1_0) {
      throw new IllegalArgumentException("strict mode exists for OPENMETRICS_1_0 only, not " + flavor);
    }
  }

  /** A strict OpenMetrics 1.0 parser. */
  public static PrometheusTextParser strictOpenMetrics() {
    return new PrometheusTextParser(Flavor.OPENMETRICS_1_0, Mode.STRICT);
  }

  /** Parses {@code page}, calling {@code handler} for each sample and metadata line in order. */
  public ParseResult parse(String page, SampleHandler handler) {
    return parse(page, handler, null);
  }

  /**
   * Parses {@code page} with the series of the previous page of the same target remembered in
   * {@code cache} (may be null): the handler gets an immutable label map shared by every sample of
   * the same series across pages (lenient mode; strict mode ignores the cache).
   */
  public ParseResult parse(String page, SampleHandler handler, SeriesCache cache) {
    Objects.requireNonNull(handler, "handler");
    return parse(page, new SampleVisitor() {
      @Override
      public void sample(Family family, String name, LabelSet labels, double value, long ts, Exemplar exemplar) {
        handler.sample(name, labels.toMap(), value, ts);
      }

      @Override
      public void sample(Family family, String name, LabelSet labels, double value, long ts, Exemplar exemplar,
          Map<String, String> sharedLabels) {
        handler.sample(name, sharedLabels != null ? sharedLabels : labels.toMap(), value, ts);
      }

      @Override
      public void type(String family, MetricType type) {
        handler.type(family, type);
      }

      @Override
      public void help(String family, String help) {
        handler.help(family, help);
      }

      @Override
      public void unit(String family, String unit) {
        handler.unit(family, unit);
      }
    }, cache);
  }

  /** Parses {@code page}, calling {@code visitor} for each sample and metadata line in order. */
  public ParseResult parse(String page, SampleVisitor visitor) {
    return parse(page, visitor, null);
  }

  /** As {@link #parse(String, SampleVisitor)}, reusing the series remembered in {@code cache} (may be null). */
  public ParseResult parse(String page, SampleVisitor visitor, SeriesCache cache) {
    Objects.requireNonNull(page, "page");
    Objects.requireNonNull(visitor, "visitor");
    if (cache == null || mode == Mode.STRICT || !cache.tryAcquire()) {
      return new Run(page, visitor, null).parse();
    }
    try {
      return new Run(page, visitor, cache).parse();
    } finally {
      cache.release();
    }
  }

  /** The state of one {@code parse} call. */
  private final class Run {
    private final String page;
    private final SampleVisitor visitor;
    private final boolean strict = mode == Mode.STRICT;
    private final boolean openMetrics = flavor == Flavor.OPENMETRICS_1_0;
    private final LineCursor line = new LineCursor(strict);
    private final LabelSet labels = new LabelSet();
    private final FamilyResolver families =
        new FamilyResolver(openMetrics ? MetricType.UNKNOWN : MetricType.UNTYPED);
    private final OpenMetricsRules rules = strict ? new OpenMetricsRules() : null;
    private final List<ParseError> errors = new ArrayList<>();
    private final SeriesCache cache;
    private int sampleLines;
    private int samples;
    private int blanks;
    private int bad;
    private boolean eof;

    Run(String page, SampleVisitor visitor, SeriesCache cache) {
      this.page = page;
      this.visitor = visitor;
      this.cache = cache;
    }

    ParseResult parse() {
      int lineNo = 0;
      int pos = 0;
      int n = page.length();
      while (pos < n) {
        int nl = page.indexOf('\n', pos);
        int end = nl < 0 ? n : nl;
        lineNo++;
        int lineEnd = !strict && end > pos && page.charAt(end - 1) == '\r' ? end - 1 : end;
        line.reset(page, pos, lineEnd);
        try {
          parseLine(nl < 0);
        } catch (LineException e) {
          bad++;
          if (errors.size() < MAX_REPORTED_ERRORS) {
            errors.add(new ParseError(lineNo, e.getMessage()));
          }
          if (strict) {
            return new ParseResult(samples, bad, errors, blanks);
          }
        }
        pos = end + 1;
      }
      if (strict) {
        try {
          rules.finish(eof);
        } catch (LineException e) {
          bad++;
          errors.add(new ParseError(Math.max(1, lineNo), e.getMessage()));
        }
      }
      return new ParseResult(samples, bad, errors, blanks);
    }

    private void parseLine(boolean lastLine) {
      if (eof) {
        throw line.error("nothing may follow '# EOF'");
      }
      if (strict) {
        if (line.atEnd()) {
          throw line.error("blank lines are not allowed in OpenMetrics");
        }
        if (line.restEquals("# EOF")) {
          eof = true;
          return;
        }
        if (lastLine) {
          throw line.error("the last line must be '# EOF' and every line must end with a newline");
        }
      } else {
        line.skipBlanks();
        if (line.atEnd()) {
          return; // blank line: allowed in 0.0.4
        }
      }
      if (line.peek() == '#') {
        parseComment();
      } else {
        parseSample();
      }
    }

    private void parseComment() {
      line.pos++;
      if (strict) {
        if (!line.skipBlanks()) {
          throw line.error("expected a space after '#'");
        }
      } else {
        line.skipBlanks();
      }
      int kwEnd = line.tokenEnd();
      String keyword = line.text(line.pos, kwEnd);
      line.pos = kwEnd;
      switch (keyword) {
        case "HELP" -> {
          String family = line.expectBlanksThenMetricName("HELP");
          metadataSpace(family, "HELP");
          String help = line.readHelpText();
          if (strict) {
            rules.metadata("HELP", family, help);
          }
          visitor.help(family, help);
        }
        case "TYPE" -> {
          String family = line.expectBlanksThenMetricName("TYPE");
          if (!line.skipBlanks()) {
            throw line.error("expected a metric type after the name in '# TYPE " + family + "'");
          }
          String typeText = strict ? line.rest() : line.readToken();
          if (strict) {
            rules.metadata("TYPE", family, typeText);
          }
          MetricType type =
              MetricType.parse(typeText).orElseThrow(() -> line.error("unknown metric type '" + typeText
                  + "', expected counter, gauge, histogram, summary or untyped"));
          line.expectEnd("metric type");
          if (!strict && families.isDeclared(family)) {
            throw line.error("second TYPE line for metric family '" + family + "'");
          }
          families.declare(new Family(family, type));
          visitor.type(family, type);
        }
        case "UNIT" -> {
          String family = line.expectBlanksThenMetricName("UNIT");
          metadataSpace(family, "UNIT");
          String unit = strict ? line.rest() : line.rest().strip();
          if (strict) {
            rules.metadata("UNIT", family, unit);
          }
          visitor.unit(family, unit);
        }
        case "EOF" -> {
          line.expectEnd("'# EOF'");
          eof = true;
        }
        default -> {
          if (strict) {
            throw line.error("expected HELP, TYPE, UNIT or EOF after '#', found '" + keyword + "'");
          }
          // an ordinary comment
        }
      }
    }

    private void metadataSpace(String family, String keyword) {
      if (!line.skipBlanks() && strict) {
        throw line.error("expected a space and the text after '# " + keyword + " " + family + "'");
      }
    }

    private void parseSample() {
      int ordinal = sampleLines++;
      SeriesCache.Entry cached = cache == null ? null : cache.match(page, line.pos, line.end(), ordinal);
      String name;
      boolean blank;
      if (cached != null) {
        // Same series text as this line of the previous page: reuse name and labels, parse the value only.
        name = cached.name;
        labels.clear();
        labels.copyFrom(cached.names, cached.values, cached.size);
        line.pos += cached.text.length();
        blank = line.skipBlanks();
      } else {
        int seriesStart = line.pos;
        name = line.readMetricName();
        if (name.isEmpty()) {
          throw line.error("expected a metric name, found " + line.describeNext());
        }
        labels.clear();
        blank = line.skipBlanks();
        if (!line.atEnd() && line.peek() == '{' && !(strict && blank)) {
          line.readLabels(labels);
          int seriesEnd = line.pos;
          blank = line.skipBlanks();
          if (cache != null && blank) {
            cached = cache.remember(ordinal, page.substring(seriesStart, seriesEnd), name, labels);
          }
        } else if (cache != null && blank) {
          cached = cache.remember(ordinal, name, name, labels);
        }
      }
      if (line.atEnd()) {
        throw line.error("expected a value after '" + name + "', found end of line");
      }
      if (!blank) {
        throw line.error("expected a space before the value, found " + line.describeNext());
      }
      int valueEnd = line.tokenEnd();
      double value = line.parseNumber(line.pos, valueEnd, "value");
      line.pos = valueEnd;
      long timestamp = SampleHandler.NO_TIMESTAMP;
      boolean hasTs = false;
      Exemplar exemplar = null;
      if (line.skipBlanks()) {
        if (!line.atEnd() && !isExemplarStart()) {
          int tsEnd = line.tokenEnd();
          timestamp = openMetrics ? line.parseSecondsAsMillis(line.pos, tsEnd) : line.parseMillis(line.pos, tsEnd);
          hasTs = true;
          line.pos = tsEnd;
          if (line.skipBlanks() && line.atEnd() && strict) {
            throw line.error("trailing space after the timestamp");
          }
        }
        if (!line.atEnd() && isExemplarStart()) {
          exemplar = readExemplar();
        } else if (strict && line.atEnd() && !hasTs) {
          throw line.error("trailing space after the value");
        }
      }
      if (!line.atEnd()) {
        throw line.error("expected end of line after the " + (hasTs ? "timestamp" : "value") + ", found "
            + line.describeNext());
      }
      Family family = strict
          ? rules.sample(name, labels, value, hasTs, timestamp, exemplar)
          : families.resolve(name);
      if (DcgmSentinels.appliesTo(name) && DcgmSentinels.isBlank(value)) {
        blanks++;
        return;
      }
      samples++;
      if (cached != null) {
        visitor.sample(family, name, labels, value, timestamp, exemplar, cached.map());
      } else {
        visitor.sample(family, name, labels, value, timestamp, exemplar);
      }
    }

    private boolean isExemplarStart() {
      return openMetrics && line.peek() == '#';
    }

    /** {@code # {labels} value [timestamp]} after a sample; at '#'. */
    private Exemplar readExemplar() {
      line.pos++;
      if (!line.skipBlanks() || line.atEnd() || line.peek() != '{') {
        throw line.error("expected ' {' to start the exemplar's labels after '#'");
      }
      LabelSet exemplarLabels = new LabelSet();
      line.readLabels(exemplarLabels);
      if (exemplarLabels.codePointLength() > 128) {
        throw line.error("exemplar labels are longer than 128 characters");
      }
      if (!line.skipBlanks() || line.atEnd()) {
        throw line.error("expected the exemplar's value after its labels");
      }
      int valueEnd = line.tokenEnd();
      double value = line.parseNumber(line.pos, valueEnd, "exemplar value");
      line.pos = valueEnd;
      long ts = SampleHandler.NO_TIMESTAMP;
      if (line.skipBlanks()) {
        if (line.atEnd()) {
          throw line.error("trailing space after the exemplar value");
        }
        int tsEnd = line.tokenEnd();
        ts = line.parseSecondsAsMillis(line.pos, tsEnd);
        line.pos = tsEnd;
      }
      return new Exemplar(Map.copyOf(exemplarLabels.toMap()), value, ts);
    }
  }
}
