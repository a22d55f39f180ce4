package io.slamon.slo;

import java.time.Instant;

/** Where the engine gets good/total counts from; the store adapter implements it. */
public interface SliSource {
  SliCounts counts(SloDefinition slo, Instant from, Instant to);
}
