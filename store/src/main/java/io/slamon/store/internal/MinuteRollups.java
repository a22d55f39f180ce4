package io.slamon.store.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * The 1-minute rollups of every active series, accumulated in the writer's memory as samples are
 * stored, so that the database writes one row per series and minute instead of one upsert per
 * sample (docs/storage.md "Rollups", docs/benchmarks.md "Storage"). Pure Java: {@code
 * PostgresSampleStore} feeds it the samples a transaction really inserted and writes what a {@link
 * Plan} returns in the same transaction.
 *
 * <p>Per series it holds the open minute (count, sum, min, max, first, last, counter increase) and
 * the previous sample (for the reset-aware step into the next minute). A minute's row is written
 * when it closes (the series' next sample lies in a later minute, or the newest data is {@link
 * #CLOSE_AFTER_MINUTES} minutes past it) and, while the minute is open, <em>provisionally</em> as
 * often as a row budget allows ({@code provisionalRowsPerSecond}, with a burst): small fleets see
 * every batch in the rollups at once, large ones see the open minute with a delay instead of paying
 * an upsert per sample. Minute rows overwrite (they carry the whole minute so far, so writing one
 * twice changes nothing).
 *
 * <p><b>Hours</b> are accumulated in memory too, from what the minute rows add, and written once
 * when they close (the series moves into a later hour, or the newest data leaves the hour behind):
 * hour rows before {@link Plan#hoursCompleteBefore() a watermark} are complete, later hours are
 * read from the minute rows. Updating an hour row with every minute row was a quarter of the
 * database's CPU at 100,000 samples/s (docs/benchmarks.md "End-to-end ingest"). An hour memory has
 * not seen from its start (a series anchored in it, a minute recomputed in it) is recomputed from
 * its minute rows instead; the first time a writer moves the watermark, every hour between the
 * stored watermark and the new one is, since a previous writer may have stopped before writing it.
 *
 * <p>A series memory does not know (first write since start, or since a failed transaction or a late
 * sample) is <b>anchored</b> first: the store reads its newest stored sample, which gives the step
 * into the next minute and tells whether a previous writer stopped before writing that minute.
 * What memory cannot know exactly is handed back as a <b>recompute key</b> (series, minute) for the
 * raw-sample recompute in the database: such an unwritten minute, the first minute of an anchored
 * series when it already has stored samples, a minute that gets a late sample (at or before the
 * series' newest sample), and the open minute of a series that got one. This keeps the result
 * exact for any delivery order, which {@code RollupContract} checks against a computation from raw
 * samples.
 *
 * <p>Not thread-safe: one writer at a time (the store serialises its writes).
 */
public final class MinuteRollups {
  /** A minute that no sample touched for this long (in data time) is closed and written. */
  public static final int CLOSE_AFTER_MINUTES = 2;

  static final long MINUTE = 60_000L;
  private static final long NONE = Long.MIN_VALUE;
  /** For {@link Plan#anchor}: the series has no stored sample in the anchor's lookback. */
  public static final long NO_SAMPLE = NONE;
  /** A previous sample older than this before a minute gives no step into it (also the recompute's, in SQL). */
  static final long STEP_LOOKBACK_MILLIS = 3_600_000L;

  static final long HOUR = 3_600_000L;

  /** Primitive keys, open addressing: ~20 bytes per series instead of ~50 for a HashMap's node and boxed key. */
  private final Long2ObjectHashMap<Series> series = new Long2ObjectHashMap<>();
  /** Open minute -> the series that opened it then (entries go stale when a series moves on). */
  private final TreeMap<Long, List<Series>> byMinute = new TreeMap<>();
  /** Hour -> the series that started accumulating it then (entries go stale like byMinute's). */
  private final TreeMap<Long, List<Series>> byHour = new TreeMap<>();
  private final Set<Key> pending = new HashSet<>();
  private final Set<Hour> pendingHours = new HashSet<>();
  /** Hour rows before this are complete in the database; {@link #NONE} until the store loads it. */
  private long hoursCompleteBefore = NONE;
  /**
   * Whether hours a previous writer may have left unwritten are recovered already (or there were
   * none): else the first watermark move recomputes them.
   */
  private boolean recovered;
  /** Whether the database knows that this writer has hours open ({@code rollup_progress.open_hours}). */
  private boolean openHoursMarked;
  /**
   * Series with a certain open minute whose samples are not written yet: marked on the series
   * ({@code Series#unwritten}) and counted. A series is in the list at most once ({@code
   * Series#listed}); entries whose mark was cleared stay until the list is compacted, when it
   * outgrows twice the count (a hash set cost ~40 bytes per series at a million series).
   */
  private List<Series> unwrittenList = new ArrayList<>();
  private int unwrittenCount;
  private final LongSupplier nanoTime;
  private final double rowsPerSecond;
  private final double burst;
  private double tokens;
  private long tokensAt;
  private long newestMinute = NONE;
  private int plans;

  /**
   * @param provisionalRowsPerSecond row budget for provisional (open-minute) rows
   * @param burst most provisional rows written at once after a quiet spell
   */
  public MinuteRollups(double provisionalRowsPerSecond, double burst, LongSupplier nanoTime) {
    if (provisionalRowsPerSecond < 0 || burst < 0) {
      throw new IllegalArgumentException("provisional row budget must not be negative");
    }
    this.rowsPerSecond = provisionalRowsPerSecond;
    this.burst = burst;
    this.nanoTime = nanoTime;
    this.tokens = burst;
    this.tokensAt = nanoTime.getAsLong();
  }

  /** Active series held in memory. */
  public int size() {
    return series.size();
  }

  /** Open minutes (known exactly) with samples not written yet. */
  public int unwrittenOpenMinutes() {
    return unwrittenCount;
  }

  private void markUnwritten(Series s) {
    if (s.unwritten) {
      return;
    }
    s.unwritten = true;
    unwrittenCount++;
    if (!s.listed) {
      s.listed = true;
      unwrittenList.add(s);
      if (unwrittenList.size() > 2 * unwrittenCount + 1024) {
        List<Series> kept = new ArrayList<>(unwrittenCount + 1024);
        for (Series x : unwrittenList) {
          if (x.unwritten) {
            kept.add(x);
          } else {
            x.listed = false;
          }
        }
        unwrittenList = kept;
      }
    }
  }

  /** Entries of the unwritten list, stale ones included (for tests of its bound). */
  int unwrittenListSize() {
    return unwrittenList.size();
  }

  private void markWritten(Series s) {
    if (s.unwritten) {
      s.unwritten = false;
      unwrittenCount--;
    }
  }

  /** Forgets a series' state, if memory still holds this one. */
  private void forget(Series s) {
    if (series.get(s.id) == s) {
      series.remove(s.id);
    }
    markWritten(s);
  }

  /** Whether memory holds the state of this series (else the store must {@link Plan#anchor} it). */
  public boolean knows(long seriesId) {
    return series.containsKey(seriesId);
  }

  /** Whether the stored hour watermark is loaded (else call {@link #loadHoursCompleteBefore} first). */
  public boolean knowsHoursCompleteBefore() {
    return hoursCompleteBefore != NONE;
  }

  /**
   * The watermark as stored in the database: hour rows before it are complete.
   *
   * @param openHours whether a writer may have left hours at or after it unwritten (then the first
   *     watermark move recomputes them from their minute rows)
   */
  public void loadHoursCompleteBefore(long hourMillis, boolean openHours) {
    if (hourMillis == NONE) {
      throw new IllegalArgumentException("no hour watermark");
    }
    hoursCompleteBefore = hourMillis;
    recovered = !openHours;
  }

  /** Starts the rollup work of one transaction. */
  public Plan plan() {
    if (hoursCompleteBefore == NONE) {
      throw new IllegalStateException("load the hour watermark first (loadHoursCompleteBefore)");
    }
    return new Plan();
  }

  private record Anchor(long tsMillis, double value, boolean minuteWritten) {}

  /** One series-minute to recompute from raw samples. */
  public record Key(long seriesId, long minuteMillis) {}

  /** One series-hour to recompute from its minute rows. */
  public record Hour(long seriesId, long hourMillis) {}

  /**
   * A minute row to upsert: the whole minute so far. {@code fresh}: memory has not written this
   * minute before and knows it exactly, so the database should not hold a row for it (the store
   * inserts such rows without a conflict check and falls back to the upsert if one exists).
   */
  public record Row(long seriesId, long minuteMillis, int count, double sum, double min, double max, double first,
      double last, long lastTsMillis, double increase, boolean fresh) {}

  /** A complete hour row (the sum of its minute rows) to upsert. */
  public record HourRow(long seriesId, long hourMillis, int count, double sum, double min, double max,
      double increase) {}

  /** The rows and recompute keys of one transaction; {@link #committed} or {@link #abort} ends it. */
  public final class Plan {
    private final List<Row> rows = new ArrayList<>();
    private final Set<Key> keys = new HashSet<>();
    private final List<HourRow> hourRows = new ArrayList<>();
    private final Set<Hour> hourKeys = new HashSet<>();
    private long advanceTo = NONE;
    private long recoverFrom = NONE;
    private final Map<Long, Anchor> anchors = new HashMap<>();
    private final Set<Long> lateInPlan = new HashSet<>();
    private final List<Series> touched = new ArrayList<>();
    private final int number = ++plans; // compared for equality only: wrapping is harmless
    private boolean finished;
    private boolean over;

    private Plan() {
      keys.addAll(pending);
      hourKeys.addAll(pendingHours);
    }

    /**
     * What the database holds for a series memory does not know (see {@link #knows}): call before
     * {@link #add} for each such series ({@link #NO_SAMPLE} for one this write created).
     *
     * @param tsMillis time of its newest stored non-NaN sample, or {@link #NO_SAMPLE}
     * @param minuteWritten whether the rollup row of that sample's minute already includes it
     */
    public void anchor(long seriesId, long tsMillis, double value, boolean minuteWritten) {
      anchors.put(seriesId, new Anchor(tsMillis, value, minuteWritten));
    }

    /** One sample the transaction stored as new, in the order of the batch. */
    public void add(long seriesId, long tsMillis, double value) {
      if (Double.isNaN(value)) {
        return; // rollups leave NaN out, as the recompute does
      }
      long minute = minuteOf(tsMillis);
      newestMinute = Math.max(newestMinute, minute);
      if (lateInPlan.contains(seriesId)) {
        keys.add(new Key(seriesId, minute)); // the next plan anchors the series again
        return;
      }
      Series s = series.get(seriesId);
      if (s == null) {
        Anchor anchor = anchors.get(seriesId);
        if (anchor == null) {
          throw new IllegalStateException("series " + seriesId + " is not anchored; call anchor() first");
        }
        s = new Series(seriesId);
        series.put(seriesId, s);
        if (anchor.tsMillis() != NONE) {
          s.prevTs = anchor.tsMillis();
          s.prevValue = anchor.value();
          if (!anchor.minuteWritten()) { // a previous writer stopped before writing that minute
            keys.add(new Key(seriesId, minuteOf(anchor.tsMillis())));
          }
        }
      }
      touch(s);
      long seen = s.minute != NONE ? s.lastTs : s.prevTs;
      if (seen != NONE && tsMillis <= seen) {
        late(s, minute);
        return;
      }
      if (s.minute == minute) {
        if (s.closed) { // closed early (silent for a while), then more samples of the same minute
          s.closed = false;
          byMinute.computeIfAbsent(minute, m -> new ArrayList<>()).add(s);
        }
        s.increase += step(s.last, value);
        s.count++;
        s.sum += value;
        s.min = Math.min(s.min, value);
        s.max = Math.max(s.max, value);
        s.last = value;
        s.lastTs = tsMillis;
        if (!s.dirty && s.certain) {
          markUnwritten(s); // once per minute, not per sample: a hash set per sample showed in profiles
        }
        s.dirty = true;
      } else {
        if (s.minute != NONE && !s.closed) {
          close(s);
        }
        open(s, minute, tsMillis, value);
      }
    }

    /**
     * Closes minutes the newest data has left behind and adds provisional rows within the budget.
     * Call once, after the last {@link #add}.
     */
    public void finish() {
      markFinished();
      if (newestMinute != NONE) {
        long cutoff = newestMinute - CLOSE_AFTER_MINUTES * MINUTE;
        for (Iterator<Map.Entry<Long, List<Series>>> it = byMinute.headMap(cutoff, false).entrySet().iterator();
            it.hasNext(); ) {
          Map.Entry<Long, List<Series>> e = it.next();
          for (Series s : e.getValue()) {
            if (s.minute == e.getKey() && !s.closed && series.get(s.id) == s) {
              touch(s);
              close(s);
            }
          }
          it.remove();
        }
      }
      refill();
      List<Series> open = touched.stream().filter(this::hasUnwrittenOpenMinute).toList();
      if (!open.isEmpty() && open.size() <= tokens) {
        tokens -= open.size();
        open.forEach(this::emit);
      }
      settleHours();
    }

    /**
     * Moves the watermark to the hour the newest data has left behind and writes every hour before
     * it that changed: hours that just closed, and changes to older ones (late or replayed data).
     */
    private void settleHours() {
      long watermark = hoursCompleteBefore;
      if (newestMinute != NONE) {
        // every minute before the cutoff is closed, so every hour before the cutoff's hour is
        watermark = Math.max(watermark, hourOf(newestMinute - CLOSE_AFTER_MINUTES * MINUTE));
      }
      if (watermark > hoursCompleteBefore) {
        advanceTo = watermark;
        if (!recovered) {
          recoverFrom = hoursCompleteBefore;
        }
        for (Iterator<Map.Entry<Long, List<Series>>> it = byHour.headMap(watermark, false).entrySet().iterator();
            it.hasNext(); ) {
          Map.Entry<Long, List<Series>> e = it.next();
          for (Series s : e.getValue()) {
            if (s.hour == e.getKey() && s.hourDirty && series.get(s.id) == s) {
              touch(s);
              writeHour(s);
            }
          }
          it.remove();
        }
      }
      for (Series s : touched) {
        if (s.hourDirty && s.hour < watermark && series.get(s.id) == s) {
          writeHour(s);
        }
      }
    }

    /**
     * Instead of {@link #finish}, for a plan without samples: a provisional row for every open
     * minute with unwritten samples, whatever the budget (the writer is idle).
     */
    public void finishWritingOpenMinutes() {
      markFinished();
      List<Series> candidates = unwrittenList;
      unwrittenList = new ArrayList<>();
      for (Series s : candidates) {
        s.listed = false;
        if (!s.unwritten) {
          continue; // stale entry
        }
        if (hasUnwrittenOpenMinute(s)) {
          touch(s);
          emit(s);
        } else {
          markWritten(s);
        }
      }
      settleHours();
    }

    private void markFinished() {
      if (finished) {
        throw new IllegalStateException("plan already finished");
      }
      finished = true;
    }

    /** An open minute known exactly, with samples not written yet, of a series memory still holds. */
    private boolean hasUnwrittenOpenMinute(Series s) {
      return s.minute != NONE && !s.closed && s.dirty && s.certain && series.get(s.id) == s;
    }

    /** Whether {@link #committed} or {@link #abort} has ended this plan. */
    public boolean isOver() {
      return over;
    }

    public List<Row> rows() {
      return rows;
    }

    public Set<Key> recomputeKeys() {
      return keys;
    }

    /** Complete hour rows to write (after the minute rows). */
    public List<HourRow> hourRows() {
      return hourRows;
    }

    /** Hours to recompute from their minute rows (after the minute rows and recomputes). */
    public Set<Hour> hourRecomputeKeys() {
      return hourKeys;
    }

    /** The new watermark to store with this transaction, or {@link #NO_SAMPLE} if it stays. */
    public long hoursCompleteBefore() {
      return advanceTo;
    }

    /**
     * Where this writer's first watermark move starts: every hour from here to {@link
     * #hoursCompleteBefore()} is recomputed from its minute rows for every series. {@link #NO_SAMPLE}
     * when there is nothing to recover.
     */
    public long recoverHoursFrom() {
      return recoverFrom;
    }

    /** Whether this transaction must record that this writer has hours open (its first one does). */
    public boolean marksOpenHours() {
      return !openHoursMarked;
    }

    /** The transaction committed: recomputed keys are done. */
    public void committed() {
      over = true;
      pending.removeAll(keys);
      pendingHours.removeAll(hourKeys);
      if (advanceTo != NONE) {
        hoursCompleteBefore = advanceTo;
        recovered = true;
      }
      openHoursMarked = true;
    }

    /**
     * The transaction rolled back: nothing it wrote counts. Every touched series forgets its state
     * (its next minute is recomputed from raw), and all minutes of this plan are recomputed with
     * the next transaction that commits.
     */
    public void abort() {
      over = true;
      pending.addAll(keys);
      pendingHours.addAll(hourKeys);
      rows.forEach(r -> pending.add(new Key(r.seriesId(), r.minuteMillis())));
      hourRows.forEach(r -> pendingHours.add(new Hour(r.seriesId(), r.hourMillis())));
      for (Series s : touched) {
        if (s.minute != NONE) {
          pending.add(new Key(s.id, s.minute));
        }
        forget(s);
      }
    }

    private void touch(Series s) {
      if (s.touchedBy != number) { // a list plus a mark: a hash set per sample showed in profiles
        s.touchedBy = number;
        touched.add(s);
      }
    }

    private void open(Series s, long minute, long ts, double value) {
      long hour = hourOf(minute);
      if (hour != s.hour) {
        startHour(s, hour);
      }
      if (s.minute != NONE) { // the last sample of the previous minute steps into this one
        s.prevValue = s.last;
        s.prevTs = s.lastTs;
      }
      s.minute = minute;
      s.closed = false;
      // an anchored series' first minute may hold stored samples memory never saw
      s.certain = s.prevTs == NONE || minuteOf(s.prevTs) != minute;
      s.count = 1;
      s.sum = value;
      s.min = value;
      s.max = value;
      s.first = value;
      s.last = value;
      s.lastTs = ts;
      s.increase = s.prevTs != NONE && s.prevTs >= minute - STEP_LOOKBACK_MILLIS ? step(s.prevValue, value) : 0;
      s.writtenCount = 0;
      s.writtenSum = 0;
      s.writtenIncrease = 0;
      s.dirty = true;
      if (s.certain) {
        markUnwritten(s);
      }
      byMinute.computeIfAbsent(minute, m -> new ArrayList<>()).add(s);
    }

    /**
     * Ends the series' hour (written if it changed) and starts {@code hour}: complete unless the
     * database may hold minutes of it that memory never saw (an anchored series' first hour).
     */
    private void startHour(Series s, long hour) {
      if (s.hourDirty) {
        writeHour(s);
      }
      boolean first = s.hour == NONE;
      s.hour = hour;
      s.hourPartial = first && s.prevTs != NONE && hourOf(s.prevTs) == hour;
      s.hourCount = 0;
      s.hourSum = 0;
      s.hourMin = Double.POSITIVE_INFINITY;
      s.hourMax = Double.NEGATIVE_INFINITY;
      s.hourIncrease = 0;
      byHour.computeIfAbsent(hour, h -> new ArrayList<>()).add(s);
    }

    /** The hour row as memory holds it, or its recompute from minute rows if memory lacks some. */
    private void writeHour(Series s) {
      if (s.hourPartial) {
        hourKeys.add(new Hour(s.id, s.hour));
      } else {
        hourRows.add(new HourRow(s.id, s.hour, s.hourCount, s.hourSum, s.hourMin, s.hourMax, s.hourIncrease));
      }
      s.hourDirty = false;
    }

    /** Writes the minute (or asks for its recompute); its state stays until the series moves on. */
    private void close(Series s) {
      if (!s.certain) {
        keys.add(new Key(s.id, s.minute));
        s.hourPartial = true; // the recomputed minute is in the database, not in memory
        s.hourDirty = true;
      } else if (s.dirty) {
        emit(s);
      }
      s.closed = true;
    }

    /** A sample at or before what the series has seen: recompute its minute and the open one, start over. */
    private void late(Series s, long minute) {
      keys.add(new Key(s.id, minute));
      if (s.minute != NONE) {
        keys.add(new Key(s.id, s.minute));
      }
      forget(s);
      lateInPlan.add(s.id);
    }

    private void emit(Series s) {
      rows.add(new Row(s.id, s.minute, s.count, s.sum, s.min, s.max, s.first, s.last, s.lastTs, s.increase,
          s.writtenCount == 0));
      // the hour gains what this row adds to what was last written for the minute
      s.hourCount += s.count - s.writtenCount;
      s.hourSum += s.sum - s.writtenSum;
      s.hourIncrease += s.increase - s.writtenIncrease;
      s.hourMin = Math.min(s.hourMin, s.min);
      s.hourMax = Math.max(s.hourMax, s.max);
      s.hourDirty = true;
      s.writtenCount = s.count;
      s.writtenSum = s.sum;
      s.writtenIncrease = s.increase;
      s.dirty = false;
      markWritten(s);
    }
  }

  private void refill() {
    long now = nanoTime.getAsLong();
    tokens = Math.min(burst, tokens + (now - tokensAt) / 1e9 * rowsPerSecond);
    tokensAt = now;
  }

  private static long minuteOf(long tsMillis) {
    return Math.floorDiv(tsMillis, MINUTE) * MINUTE;
  }

  private static long hourOf(long tsMillis) {
    return Math.floorDiv(tsMillis, HOUR) * HOUR;
  }

  private static double step(double prev, double value) {
    return value >= prev ? value - prev : value;
  }

  private static final class Series {
    final long id;
    /** The newest minute with samples: open, or closed but kept for a late-arriving sample of it. */
    long minute = NONE;
    boolean closed;
    boolean certain;
    boolean dirty;
    /** Counted by {@code unwrittenCount}. */
    boolean unwritten;
    /** In {@code unwrittenList} (maybe stale: its mark cleared since). */
    boolean listed;
    /** The number of the plan that last touched this series (see Plan#touch; not the plan: that would keep it alive). */
    int touchedBy;
    int count;
    double sum;
    double min;
    double max;
    double first;
    double last;
    long lastTs;
    double increase;
    int writtenCount;
    double writtenSum;
    double writtenIncrease;
    /** The series' newest stored sample before {@code minute} (an anchor's while none is open). */
    double prevValue;
    long prevTs = NONE;
    /** The hour of {@code minute}, and what the minute rows written for it add up to. */
    long hour = NONE;
    boolean hourDirty;
    /** The database may hold minutes of this hour memory never saw: recompute instead of writing. */
    boolean hourPartial;
    int hourCount;
    double hourSum;
    double hourMin;
    double hourMax;
    double hourIncrease;

    Series(long id) {
      this.id = id;
    }
  }
}
