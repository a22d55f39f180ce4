package io.slamon.collector.exposition;

import java.util.List;

/**
 * Outcome of parsing one page.
 *
 * @param samples sample lines delivered to the handler
 * @param badLines lines skipped because they were malformed (all of them are counted); in
 *     strict OpenMetrics mode parsing stops at the first violation, so this is 0 or 1 and a
 *     non-zero value means the whole page is rejected
 * @param errors the first errors in page order, at most {@link PrometheusTextParser#MAX_REPORTED_ERRORS}
 *     so a garbage page cannot blow up memory
 * @param blankSamples DCGM samples carrying a "blank" sentinel value, not delivered (missing
 *     values, see {@code DcgmSentinels})
 */
public record ParseResult(int samples, int badLines, List<ParseError> errors, int blankSamples) {
  public ParseResult {
    if (samples < 0 || badLines < 0 || blankSamples < 0) {
      throw new IllegalArgumentException("counts must be >= 0");
    }
    errors = List.copyOf(errors);
  }

  public ParseResult(int samples, int badLines, List<ParseError> errors) {
    this(samples, badLines, errors, 0);
  }

  /** True when nothing was malformed. */
  public boolean ok() {
    return badLines == 0;
  }
}
