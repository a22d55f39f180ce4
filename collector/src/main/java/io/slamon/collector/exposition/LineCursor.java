package io.slamon.collector.exposition;

/**
 * A cursor over one line of a page: the scanning primitives of the parser. Methods throw
 * {@link LineException} on bad input. In strict mode blanks are exactly one space, as the
 * OpenMetrics ABNF says; otherwise runs of spaces and tabs are accepted.
 */
final class LineCursor {
  private static final double[] POW10 = new double[23];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private final boolean strict;
  private String s;
  private int end;
  int pos;
  /** Cache of the previous metric name, reused when the next line has the same one. */
  private String lastName = "";

  LineCursor(boolean strict) {
    this.strict = strict;
  }

  void reset(String page, int start, int lineEnd) {
    this.s = page;
    this.pos = start;
    this.end = lineEnd;
  }

  /** End of the current line (exclusive, without a CR). */
  int end() {
    return end;
  }

  boolean atEnd() {
    return pos >= end;
  }

  char peek() {
    return s.charAt(pos);
  }

  /** Skips blanks; true when at least one was skipped (strict: exactly one space). */
  boolean skipBlanks() {
    if (strict) {
      if (pos < end && s.charAt(pos) == ' ') {
        pos++;
        return true;
      }
      return false;
    }
    int start = pos;
    while (pos < end && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
      pos++;
    }
    return pos > start;
  }

  /** End of the token starting at {@code pos}: the next space (or tab when lenient). */
  int tokenEnd() {
    int p = pos;
    while (p < end) {
      char c = s.charAt(p);
      if (c == ' ' || (c == '\t' && !strict)) {
        break;
      }
      p++;
    }
    return p;
  }

  String readToken() {
    int start = pos;
    pos = tokenEnd();
    return s.substring(start, pos);
  }

  String rest() {
    String r = s.substring(pos, end);
    pos = end;
    return r;
  }

  boolean restEquals(String text) {
    return end - pos == text.length() && s.startsWith(text, pos);
  }

  void expectEnd(String after) {
    if (!strict) {
      skipBlanks();
    }
    if (!atEnd()) {
      throw error("expected end of line after " + after + ", found " + describeNext());
    }
  }

  /** Reads a metric name {@code [a-zA-Z_:][a-zA-Z0-9_:]*}; "" when none starts here. */
  String readMetricName() {
    int start = pos;
    int len0 = lastName.length();
    if (len0 > 0 && s.startsWith(lastName, pos) && (pos + len0 == end || !isNameChar(s.charAt(pos + len0), true))) {
      pos += len0;
      return lastName;
    }
    if (pos < end && isNameStart(s.charAt(pos), true)) {
      pos++;
      while (pos < end && isNameChar(s.charAt(pos), true)) {
        pos++;
      }
    }
    int len = pos - start;
    if (len == lastName.length() && s.regionMatches(start, lastName, 0, len)) {
      return lastName;
    }
    lastName = s.substring(start, pos);
    return lastName;
  }

  String expectBlanksThenMetricName(String keyword) {
    if (!skipBlanks() && strict) {
      throw error("expected a space after '# " + keyword + "', found " + describeNext());
    }
    String name = readMetricName();
    if (name.isEmpty()) {
      throw error("expected a metric name after '# " + keyword + "', found " + describeNext());
    }
    if (!atEnd() && peek() != ' ' && (strict || peek() != '\t')) {
      throw error("invalid character " + describeNext() + " in metric name after '# " + keyword + "'");
    }
    return name;
  }

  String readHelpText() {
    StringBuilder b = null;
    int start = pos;
    while (pos < end) {
      char c = s.charAt(pos++);
      if (c == '\\' && pos < end) {
        if (b == null) {
          b = new StringBuilder(end - start).append(s, start, pos - 1);
        }
        char e = s.charAt(pos++);
        switch (e) {
          case '\\' -> b.append('\\');
          case 'n' -> b.append('\n');
          case '"' -> b.append(strict ? "\"" : "\\\"");
          default -> b.append('\\').append(e);
        }
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? s.substring(start, end) : b.toString();
  }

  /** Reads {@code {name="value",...}} into {@code labels} (already cleared); at '{'. */
  void readLabels(LabelSet labels) {
    pos++; // '{'
    if (!strict) {
      skipBlanks();
    }
    boolean afterComma = false;
    boolean newNames = false;
    while (true) {
      if (atEnd()) {
        throw error("expected a label name or '}', found end of line");
      }
      if (peek() == '}' && !(strict && afterComma)) {
        pos++;
        if (newNames) {
          checkDuplicates(labels);
        }
        labels.markComplete();
        return;
      }
      int ns = pos;
      // Exporters repeat the label names of the previous line: a vectorised compare with the
      // name cached at this position replaces the per-character scan.
      String cached = labels.cachedName();
      if (cached != null && s.startsWith(cached, pos) && pos + cached.length() < end
          && !isNameChar(s.charAt(pos + cached.length()), false)) {
        pos += cached.length();
      } else if (isNameStart(peek(), false)) {
        pos++;
        while (pos < end && isNameChar(s.charAt(pos), false)) {
          pos++;
        }
      }
      int ne = pos;
      if (ne == ns) {
        throw error("expected a label name" + (afterComma && strict ? "" : " or '}'") + ", found " + describeNext());
      }
      afterComma = false;
      if (!strict) {
        skipBlanks();
      }
      if (atEnd() || peek() != '=') {
        throw error("expected '=' after label name '" + s.substring(ns, ne) + "', found " + describeNext());
      }
      pos++;
      if (!strict) {
        skipBlanks();
      }
      if (atEnd() || peek() != '"') {
        throw error("expected '\"' to open the value of label '" + s.substring(ns, ne) + "', found "
            + describeNext());
      }
      pos++;
      int vs = pos;
      String escaped = readQuoted(ns, ne);
      int ve = pos - 1;
      if (!labels.add(s, ns, ne, vs, ve, escaped)) {
        // A name not reused from the previous line at this position: check it for duplicates.
        int last = labels.size() - 1;
        String n = labels.name(last);
        for (int i = 0; i < last; i++) {
          if (labels.name(i).equals(n)) {
            throw error("duplicate label '" + n + "'");
          }
        }
        newNames = true;
      }
      if (!strict) {
        skipBlanks();
      }
      if (atEnd()) {
        throw error("expected ',' or '}' after the value of label '" + s.substring(ns, ne) + "', found end of line");
      }
      char c = peek();
      if (c == ',') {
        pos++;
        afterComma = true;
        if (!strict) {
          skipBlanks();
        }
      } else if (c != '}') {
        throw error("expected ',' or '}' after the value of label '" + s.substring(ns, ne) + "', found "
            + describeNext());
      }
    }
  }

  private void checkDuplicates(LabelSet labels) {
    for (int i = 1; i < labels.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (labels.name(i).equals(labels.name(j))) {
          throw error("duplicate label '" + labels.name(i) + "'");
        }
      }
    }
  }

  /** Reads up to the closing quote; returns the unescaped value if it had escapes, else null. */
  private String readQuoted(int ns, int ne) {
    int start = pos;
    // Fast path: String.indexOf is vectorised; most values have no escapes.
    int quote = s.indexOf('"', pos, end);
    if (quote >= 0 && s.indexOf('\\', pos, quote) < 0) {
      pos = quote + 1;
      return null;
    }
    StringBuilder b = null;
    while (pos < end) {
      char c = s.charAt(pos);
      if (c == '"') {
        pos++;
        return b == null ? null : b.toString();
      }
      if (c == '\\') {
        if (b == null) {
          b = new StringBuilder(Math.max(16, pos - start + 16)).append(s, start, pos);
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
    throw error("unterminated value of label '" + s.substring(ns, ne) + "': expected a closing '\"'");
  }

  /**
   * Parses {@code [start, stop)} as a value: an optional sign and a decimal number with
   * optional fraction and exponent, or NaN / Inf / Infinity in any case. No hex, octal,
   * binary, underscores or Java's {@code d}/{@code f} suffixes. Plain decimals of up to 15
   * digits are converted without allocating (one exact division, correctly rounded);
   * anything longer falls back to {@link Double#parseDouble}.
   */
  double parseNumber(int start, int stop, String what) {
    int p = start;
    boolean negative = false;
    if (p < stop && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
      negative = s.charAt(p) == '-';
      p++;
    }
    if (p < stop && !isDigit(s.charAt(p)) && s.charAt(p) != '.') {
      int len = stop - p;
      if (len == 3 && s.regionMatches(true, p, "nan", 0, 3)) {
        return Double.NaN;
      }
      if ((len == 3 && s.regionMatches(true, p, "inf", 0, 3))
          || (len == 8 && s.regionMatches(true, p, "infinity", 0, 8))) {
        return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      }
      throw numberError(start, stop, what);
    }
    long mantissa = 0;
    int digits = 0;
    int fraction = 0;
    boolean dot = false;
    boolean exponent = false;
    for (; p < stop; p++) {
      char c = s.charAt(p);
      if (isDigit(c)) {
        mantissa = mantissa * 10 + (c - '0');
        digits++;
        if (dot) {
          fraction++;
        }
      } else if (c == '.' && !dot) {
        dot = true;
      } else if ((c == 'e' || c == 'E') && digits > 0) {
        exponent = true;
        p++;
        if (p < stop && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
          p++;
        }
        if (p == stop) {
          throw numberError(start, stop, what);
        }
        for (; p < stop; p++) {
          if (!isDigit(s.charAt(p))) {
            throw numberError(start, stop, what);
          }
        }
      } else {
        throw numberError(start, stop, what);
      }
    }
    if (digits == 0) {
      throw numberError(start, stop, what);
    }
    if (exponent || digits > 15) {
      return Double.parseDouble(s.substring(start, stop));
    }
    double v = fraction == 0 ? (double) mantissa : mantissa / POW10[fraction];
    return negative ? -v : v;
  }

  /** OpenMetrics timestamp: seconds with optional fraction, finite; to epoch milliseconds. */
  long parseSecondsAsMillis(int start, int stop) {
    double d = parseNumber(start, stop, "timestamp");
    if (!Double.isFinite(d)) {
      throw error("expected a finite timestamp in seconds, found '" + s.substring(start, stop) + "'");
    }
    // Exact path for the usual "1700000000.123": integer arithmetic, no double rounding.
    int p = start;
    boolean negative = p < stop && s.charAt(p) == '-';
    if (p < stop && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
      p++;
    }
    long secs = 0;
    int intDigits = 0;
    while (p < stop && isDigit(s.charAt(p))) {
      secs = secs * 10 + (s.charAt(p++) - '0');
      intDigits++;
    }
    if (intDigits > 15) {
      return Math.round(d * 1000.0);
    }
    long millis = 0;
    if (p < stop && s.charAt(p) == '.') {
      p++;
      int fd = 0;
      while (p < stop && isDigit(s.charAt(p))) {
        char c = s.charAt(p++);
        if (fd < 3) {
          millis = millis * 10 + (c - '0');
        } else if (fd == 3 && c >= '5') {
          millis++;
        }
        fd++;
      }
      for (; fd < 3; fd++) {
        millis *= 10;
      }
    }
    if (p < stop) { // exponent
      return Math.round(d * 1000.0);
    }
    long ms = secs * 1000 + millis;
    return negative ? -ms : ms;
  }

  /** Prometheus text timestamp: an integer of milliseconds. */
  long parseMillis(int start, int stop) {
    int p = start;
    boolean negative = false;
    if (p < stop && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
      negative = s.charAt(p) == '-';
      p++;
    }
    if (p == stop || stop - p > 18) {
      throw error("expected an integer timestamp in milliseconds, found '" + s.substring(start, stop) + "'");
    }
    long v = 0;
    for (; p < stop; p++) {
      char c = s.charAt(p);
      if (!isDigit(c)) {
        throw error("expected an integer timestamp in milliseconds, found '" + s.substring(start, stop) + "'");
      }
      v = v * 10 + (c - '0');
    }
    return negative ? -v : v;
  }

  private LineException numberError(int start, int stop, String what) {
    return what.equals("timestamp")
        ? error("expected a number of seconds as timestamp, found '" + s.substring(start, stop) + "'")
        : error("expected a number, NaN, +Inf or -Inf as " + what + ", found '" + s.substring(start, stop) + "'");
  }

  String text(int start, int stop) {
    return s.substring(start, stop);
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

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isNameStart(char c, boolean colonAllowed) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (colonAllowed && c == ':');
  }

  static boolean isNameChar(char c, boolean colonAllowed) {
    return isNameStart(c, colonAllowed) || isDigit(c);
  }

  /** Control flow for a bad line; no stack trace because it is expected, not exceptional. */
  static final class LineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LineException(String message) {
      super(message, null, false, false);
    }
  }
}
