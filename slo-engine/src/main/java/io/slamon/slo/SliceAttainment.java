package io.slamon.slo;

/**
 * Attainment over a list of time slices.
 *
 * @param method how it was computed
 * @param attainment the result in [0, 1], NaN when no slice (or no event) had data
 * @param slicesWithData slices with at least one event; the denominator of the slice methods
 * @param goodSlices slices at or above the target (Timeslices only, else 0)
 * @param emptySlices slices without events, left out of numerator and denominator
 */
public record SliceAttainment(BudgetingMethod method, double attainment, int slicesWithData, int goodSlices, int emptySlices) {}
