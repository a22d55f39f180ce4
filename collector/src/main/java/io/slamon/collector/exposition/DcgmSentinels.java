package io.slamon.collector.exposition;

/**
 * DCGM's "blank" sentinel values: what the DCGM API returns when a field has no value (not
 * yet sampled, not found, not supported, not permitted). They are defined in NVIDIA DCGM's
 * {@code dcgm_structs.h} and mirrored in go-dcgm's {@code pkg/dcgm} as
 * {@code DCGM_FT_INT32_BLANK = 0x7ffffff0} (.. {@code _NOT_PERMISSIONED = 0x7ffffff3}),
 * {@code DCGM_FT_INT64_BLANK = 0x7ffffffffffffff0} (.. {@code 0x7ffffffffffffff3}) and
 * {@code DCGM_FT_FP64_BLANK = 140737488355328.0} (2^47, .. {@code 140737488355331.0}).
 * Current dcgm-exporter drops them itself ({@code ToString} in
 * {@code pkg/dcgmexporter/utils.go} returns {@code SkipDCGMValue} for all twelve), but
 * older releases and other DCGM bridges print the raw number, e.g.
 * {@code DCGM_FI_DEV_POWER_USAGE{gpu="0"} 140737488355328}; stored as-is they would wreck
 * every average, so the parser treats them as missing.
 */
final class DcgmSentinels {
  private static final double INT32_FIRST = 0x7ffffff0;
  private static final double INT32_LAST = 0x7ffffff3;
  // All four int64 sentinels round to the same double (2^63) once printed and re-parsed.
  private static final double INT64 = (double) 0x7ffffffffffffff0L;
  private static final double FP64_FIRST = 140737488355328.0;
  private static final double FP64_LAST = 140737488355331.0;

  private DcgmSentinels() {}

  /** Only DCGM families carry the sentinels; other exporters may legitimately emit 2^47. */
  static boolean appliesTo(String metricName) {
    return metricName.startsWith("DCGM_");
  }

  static boolean isBlank(double v) {
    return (v >= INT32_FIRST && v <= INT32_LAST && v == Math.rint(v))
        || v == INT64
        || (v >= FP64_FIRST && v <= FP64_LAST && v == Math.rint(v));
  }
}
