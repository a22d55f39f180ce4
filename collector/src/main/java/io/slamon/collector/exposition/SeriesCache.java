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
 * ~0.45 KB per series. One cache serves one target; a parse that finds it in use (an overlapping
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

    Entry(String text, String name, LabelSet labels) {
      this.text = text;
      this.name = name;
      this.size = labels.size();
      this.names = new String[size];
      this.values = new String[size];
      for (int i = 0; i < size; i++) {
        names[i] = labels.name(i);
        values[i] = labels.value(i);
      }
    }

    /** The labels as an immutable map, built once per remembered line. */
    Map<String, String> map() {
      Map<String, String> m = map;
      if (m == null) {
        @SuppressWarnings("unchecked")
        Map.Entry<String, String>[] es = new Map.Entry[size];
        for (int i = 0; i < size; i++) {
          es[i] = Map.entry(names[i], values[i]);
        }
        m = Map.ofEntries(es);
        map = m;
      }
      return m;
    }
  }

  private final int maxEntries;
  private final ReentrantLock inUse = new ReentrantLock();
  private Entry[] entries = new Entry[64];

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
    Entry e = new Entry(text, name, labels);
    entries[ordinal] = e;
    return e;
  }
}
