package io.slamon.simulator.internal;

import io.slamon.simulator.FleetSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One benchmark target's dcgm-exporter-like page, rendered once: the text (families, labels in
 * dcgm-exporter's order, unescaped values) is fixed, and every value has a fixed width, so a new
 * interval only overwrites the value digits in place. That keeps the simulator cheap at 100
 * targets × 10 000 series per second: no string building, no garbage, ~10 ns per value.
 *
 * <p>Values are a pure function of (seed, target, series, tick): gauges stay within realistic
 * ranges and hold a value for 1–5 ticks, counters grow by 0–999 per tick, some fields are
 * constant 0 as on a healthy GPU. So pages are deterministic and the series compress like real
 * ones would, neither all-constant nor white noise.
 */
public final class ScalePage {
  /** How a field's value looks: width in characters and how it changes per tick. */
  private enum Shape {
    /** integer gauge within [lo, hi] (same number of digits), holds 1-5 ticks */
    INT,
    /** {@code %f} gauge: integer part within [lo, hi], six decimals */
    FIXED6,
    /** ratio 0..1 as {@code 0.dddddd} */
    RATIO,
    /** 12-digit counter, + 0..999 per tick */
    COUNTER,
    /** constant 0 */
    ZERO
  }

  private record Field(DcgmText.Counter counter, Shape shape, int lo, int hi) {
    int width() {
      return switch (shape) {
        case INT -> digits(hi);
        case FIXED6 -> digits(hi) + 7;
        case RATIO -> 8;
        case COUNTER -> 12;
        case ZERO -> 1;
      };
    }
  }

  private static final long COUNTER_BASE = 100_000_000_000L;
  private static final Shape[] SHAPES = Shape.values();
  private static final List<Field> FIELDS = fields();

  /** Fields per simulated GPU: a target with 10 000 series shows 500 GPUs. */
  public static final int FIELDS_PER_GPU = FIELDS.size();

  private final byte[] template;
  private final int[] offsets;
  private final byte[] shapes;
  private final byte[] widths;
  private final long[] hashes;
  private final int[] lows;
  private final int[] spans;

  /**
   * @param seed fleet seed
   * @param target index of the target (its {@code Hostname} is {@code bench-node-<target>})
   * @param series number of samples on the page
   */
  public ScalePage(long seed, int target, int series) {
    int gpus = (series + FIELDS_PER_GPU - 1) / FIELDS_PER_GPU;
    String[] labels = new String[gpus];
    for (int g = 0; g < gpus; g++) {
      labels[g] = labels(seed, target, g);
    }
    var text = new StringBuilder(series * 300);
    offsets = new int[series];
    shapes = new byte[series];
    widths = new byte[series];
    hashes = new long[series];
    lows = new int[series];
    spans = new int[series];
    int n = 0;
    for (int f = 0; f < FIELDS.size() && n < series; f++) {
      Field field = FIELDS.get(f);
      DcgmText.Counter c = field.counter();
      text.append("# HELP ").append(c.field()).append(' ').append(c.help()).append('\n');
      text.append("# TYPE ").append(c.field()).append(' ').append(c.type()).append('\n');
      for (int g = 0; g < gpus && n < series; g++, n++) {
        text.append(c.field()).append('{').append(labels[g]).append("} ");
        offsets[n] = text.length();
        shapes[n] = (byte) field.shape().ordinal();
        widths[n] = (byte) field.width();
        hashes[n] = mix(seed ^ mix(target * 0x9E3779B97F4A7C15L ^ mix(f * 31L + g)));
        lows[n] = field.lo();
        spans[n] = field.hi() - field.lo() + 1;
        text.append("0".repeat(field.width())).append('\n');
      }
    }
    template = text.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Samples on the page. */
  public int series() {
    return offsets.length;
  }

  /** Page length in bytes; the same for every tick. */
  public int length() {
    return template.length;
  }

  /** A fresh buffer with the page's text; {@link #render} fills in the values. */
  public byte[] newBuffer() {
    return Arrays.copyOf(template, template.length);
  }

  /** Writes the values of {@code tick} (0, 1, ... intervals since the fleet started) into {@code page}. */
  public void render(long tick, byte[] page) {
    if (page.length != template.length) {
      throw new IllegalArgumentException("buffer of " + page.length + " bytes, page has " + template.length);
    }
    Shape[] all = SHAPES;
    for (int i = 0; i < offsets.length; i++) {
      long h = hashes[i];
      int off = offsets[i];
      switch (all[shapes[i]]) {
        case INT -> {
          long hold = 1 + (h >>> 58) % 5;
          long v = lows[i] + Math.floorMod(mix(h ^ (tick / hold)), spans[i]);
          writeDigits(page, off, widths[i], v);
        }
        case FIXED6 -> {
          long r = mix(h ^ tick);
          int width = widths[i] - 7;
          writeDigits(page, off, width, lows[i] + Math.floorMod(r, spans[i]));
          page[off + width] = '.';
          writeDigits(page, off + width + 1, 6, Math.floorMod(r >>> 20, 1_000_000));
        }
        case RATIO -> {
          page[off] = '0';
          page[off + 1] = '.';
          writeDigits(page, off + 2, 6, Math.floorMod(mix(h ^ tick), 1_000_000));
        }
        case COUNTER -> writeDigits(page, off, 12,
            COUNTER_BASE + Math.floorMod(h, 10_000_000_000L) + Math.max(0, tick) * ((h >>> 44) % 1000));
        case ZERO -> page[off] = '0';
      }
    }
  }

  private static void writeDigits(byte[] page, int off, int width, long value) {
    for (int p = off + width - 1; p >= off; p--) {
      page[p] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }

  /** dcgm-exporter's label order: gpu, UUID, pci_bus_id, device, modelName, Hostname, driver, pod labels. */
  private static String labels(long seed, int target, int gpu) {
    long h = mix(seed ^ mix(target + 1L) ^ mix(gpu + 0x5151L));
    String uuid = String.format(Locale.ROOT, "GPU-%08x-%04x-%04x-%04x-%012x", h >>> 32, (h >>> 16) & 0xffff,
        h & 0xffff, (mix(h) >>> 48), mix(h) & 0xffffffffffffL);
    return "gpu=\"" + gpu + "\",UUID=\"" + uuid + "\",pci_bus_id=\"" + String.format(Locale.ROOT, "%08X:%02X:00.0", gpu / 256,
        gpu % 256) + "\",device=\"nvidia" + gpu + "\",modelName=\"" + FleetSpec.H100 + "\",Hostname=\"bench-node-"
        + String.format(Locale.ROOT, "%03d", target) + "\",DCGM_FI_DRIVER_VERSION=\"" + FleetSpec.DRIVER
        + "\",container=\"vllm\",namespace=\"bench-tenant-" + (gpu % 10) + "\",pod=\"vllm-"
        + Long.toString(h >>> 28 & 0xfffffffffL, 36) + "-" + gpu + "\"";
  }

  private static List<Field> fields() {
    List<Field> out = new ArrayList<>();
    for (DcgmText.Counter c : DcgmText.counters()) {
      out.add(switch (c.field()) {
        case "DCGM_FI_DEV_SM_CLOCK" -> new Field(c, Shape.INT, 1005, 1980);
        case "DCGM_FI_DEV_MEM_CLOCK" -> new Field(c, Shape.INT, 1593, 2619);
        case "DCGM_FI_DEV_MEMORY_TEMP" -> new Field(c, Shape.INT, 38, 85);
        case "DCGM_FI_DEV_GPU_TEMP" -> new Field(c, Shape.INT, 33, 80);
        case "DCGM_FI_DEV_POWER_USAGE" -> new Field(c, Shape.FIXED6, 150, 699);
        case "DCGM_FI_DEV_GPU_UTIL" -> new Field(c, Shape.INT, 30, 95);
        case "DCGM_FI_DEV_MEM_COPY_UTIL" -> new Field(c, Shape.INT, 16, 52);
        case "DCGM_FI_DEV_FB_FREE" -> new Field(c, Shape.INT, 6000, 9999);
        case "DCGM_FI_DEV_FB_USED" -> new Field(c, Shape.INT, 70000, 75000);
        default -> switch (c.type()) {
          case "counter" -> c.field().equals("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION")
              || c.field().equals("DCGM_FI_DEV_NVLINK_BANDWIDTH_TOTAL")
              ? new Field(c, Shape.COUNTER, 0, 0) : new Field(c, Shape.ZERO, 0, 0);
          default -> c.integer() ? new Field(c, Shape.ZERO, 0, 0) : new Field(c, Shape.RATIO, 0, 0);
        };
      });
    }
    // dcgm-exporter's DCP field that the demo fleet does not serve: makes 20 fields per GPU.
    out.add(new Field(new DcgmText.Counter("DCGM_FI_PROF_SM_ACTIVE", "gauge",
        "The ratio of cycles an SM has at least 1 warp assigned.", false, true, (g, e) -> 0.0), Shape.RATIO, 0, 0));
    return List.copyOf(out);
  }

  private static int digits(long v) {
    return Long.toString(v).length();
  }

  /** SplitMix64's finaliser: a cheap, well-mixed hash of a long. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
