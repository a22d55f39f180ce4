package io.slamon.collector.exposition;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Remembers, per sample line of the previous page from the same target, the exact series text
 * ({@code name{labels}}) and its parsed name and labels. Exporters print the same series in the
 * same order on every scrape, so on the next page the parser compares the line's start with the
 * remembered text (one vectorised comparison) and, when equal and followed by a blank, takes the
 * name, label strings and label map from here instead of scanning and allocating them; only the
 * value (and timestamp) is parsed. Any difference — a changed label, an inserted line — is a miss
 * and the line is parsed normally and remembered. Results are identical with and without a cache.
 *
 * <p>Memory: about the series text (1 byte per character for Latin-1 pages) plus ~150 bytes per
 * remembered line, bounded by {@code maxEntries}; dcgm-exporter's ~285-character lines cost
 * ~0.45 KB per series. Label values are kept once per target and a family's label-name array once
 * per run of lines, since dcgm-exporter repeats both on every field line of a GPU. One cache serves one target; a parse that finds it in use (an overlapping
 * scrape of the same target) parses without it.
 */
public final class SeriesCache {
  /** One remembered sample line. */
  static final class Entry {
    final String text;
    final String name;
    final String[] names;
    final String[] values;
    final int size;
    private Map<String, String> map;

    Entry(String text, String name, LabelSet labels, Entry previous, Map<String, String> pool) {
      this.text = text;
      this.name = name;
      this.size = labels.size();
      String[] n = new String[size];
      this.values = new String[size];
      for (int i = 0; i < size; i++) {
        n[i] = labels.name(i);
        // dcgm-exporter repeats a GPU's UUID, bus id, host, model … on each of its ~20 field lines
        values[i] = pool.computeIfAbsent(labels.value(i), v -> v);
      }
      // consecutive lines of a family carry the same label names: share one array
      this.names = previous != null && Arrays.equals(previous.names, n) ? previous.names : n;
    }

    /** The labels as an immutable map over the entry's own arrays, built once per remembered line. */
    Map<String, String> map() {
      Map<String, String> m = map;
      if (m == null) {
        m = io.slamon.store.Labels.sharing(names, values);
        map = m;
      }
      return m;
    }
  }

  private final int maxEntries;
  private final ReentrantLock inUse = new ReentrantLock();
  private Entry[] entries = new Entry[64];
  /** Label values of the remembered lines, each kept once (cleared when it outgrows the entries). */
  private final Map<String, String> values = new java.util.HashMap<>();

  /** @param maxEntries sample lines remembered per page; lines beyond are parsed without the cache */
  public SeriesCache(int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be >= 1");
    }
    this.maxEntries = maxEntries;
  }

  boolean tryAcquire() {
    return inUse.tryLock();
  }

  void release() {
    inUse.unlock();
  }

  /** The entry of sample line {@code ordinal} if the line at {@code [pos, end)} starts with its series text and a blank. */
  Entry match(String page, int pos, int end, int ordinal) {
    if (ordinal >= entries.length) {
      return null;
    }
    Entry e = entries[ordinal];
    if (e == null) {
      return null;
    }
    int after = pos + e.text.length();
    if (after >= end || !page.startsWith(e.text, pos)) {
      return null;
    }
    char c = page.charAt(after);
    return c == ' ' || c == '\t' ? e : null;
  }

  /** Remembers sample line {@code ordinal}; returns the entry, or null beyond the bound. */
  Entry remember(int ordinal, String text, String name, LabelSet labels) {
    if (ordinal >= maxEntries) {
      return null;
    }
    if (ordinal >= entries.length) {
      entries = Arrays.copyOf(entries, Math.min(maxEntries, Math.max(ordinal + 1, entries.length * 2)));
    }
    if (values.size() > 4 * maxEntries) {
      values.clear(); // strings of lines long gone; the live entries keep theirs
    }
    Entry e = new Entry(text, name, labels, ordinal > 0 ? entries[ordinal - 1] : null, values);
    entries[ordinal] = e;
    return e;
  }
}
