package io.slamon.collector.exposition;

import java.util.List;

/**
 * Outcome of parsing one page.
 *
 * @param samples sample lines delivered to the handler
 * @param badLines lines skipped because they were malformed (all of them are counted)
 * @param errors the first errors in page order, at most {@link PrometheusTextParser#MAX_REPORTED_ERRORS}
 *     so a garbage page cannot blow up memory
 */
public record ParseResult(int samples, int badLines, List<ParseError> errors) {
  public ParseResult {
    if (samples < 0 || badLines < 0) {
      throw new IllegalArgumentException("counts must be >= 0");
    }
    errors = List.copyOf(errors);
  }
}
