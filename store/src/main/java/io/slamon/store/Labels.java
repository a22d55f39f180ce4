package io.slamon.store;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable label set with its hash codes computed once. Label maps are the identity of a
 * series and are hashed and compared on every sample (cardinality limits, the store's series-id
 * cache); the JDK's immutable maps recompute {@code hashCode} by iterating their entries each time,
 * which profiling showed as a large share of the collector's CPU at 100,000 samples/s. The
 * scraper keeps one instance per series across scrapes, so equality is mostly identity.
 */
public final class Labels extends AbstractMap<String, String> {
  private static final Labels EMPTY = new Labels(new String[0], new String[0]);

  private final String[] names; // in the order given, no duplicates
  private final String[] values;
  private final int hash;
  private long hash64; // 0 until computed

  private Labels(String[] names, String[] values) {
    this.names = names;
    this.values = values;
    int h = 0;
    for (int i = 0; i < names.length; i++) {
      h += names[i].hashCode() ^ values[i].hashCode(); // Map.hashCode's definition
    }
    this.hash = h;
  }

  /** {@code labels} itself when it is a {@code Labels}, else an immutable copy (no null names or values). */
  public static Labels of(Map<String, String> labels) {
    if (labels instanceof Labels l) {
      return l;
    }
    if (labels.isEmpty()) {
      return EMPTY;
    }
    String[] names = new String[labels.size()];
    String[] values = new String[names.length];
    int i = 0;
    for (Map.Entry<String, String> e : labels.entrySet()) {
      names[i] = java.util.Objects.requireNonNull(e.getKey(), "label name is null");
      values[i++] = java.util.Objects.requireNonNull(e.getValue(), () -> "label " + e.getKey() + " has a null value");
    }
    return new Labels(names, values);
  }

  /**
   * A label set over the given arrays, <b>without copying them</b>: for callers that already hold
   * distinct names and their values in arrays they never change again (the scraper's series cache
   * keeps one such pair per series, and sharing it saves a copy per series at a million series).
   */
  public static Labels sharing(String[] names, String[] values) {
    if (names.length != values.length) {
      throw new IllegalArgumentException(names.length + " label names but " + values.length + " values");
    }
    return names.length == 0 ? EMPTY : new Labels(names, values);
  }

  /**
   * A 64-bit hash of the label set (order-independent: a sum of mixed per-label hashes), for
   * compact series sets that keep hashes instead of labels.
   */
  public long hash64() {
    long h = hash64;
    if (h == 0) {
      for (int i = 0; i < names.length; i++) {
        h += mix(fnv(names[i]) * 0x9E3779B97F4A7C15L + fnv(values[i]));
      }
      h = h == 0 ? 1 : h;
      hash64 = h;
    }
    return h;
  }

  /** FNV-1a over the string's chars. */
  public static long fnv(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** MurmurHash3's 64-bit finaliser. */
  public static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  @Override
  public int size() {
    return names.length;
  }

  @Override
  public String get(Object key) {
    for (int i = 0; i < names.length; i++) { // a series has a dozen labels: a scan beats hashing
      if (names[i].equals(key)) {
        return values[i];
      }
    }
    return null;
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (o instanceof Labels l) {
      if (hash != l.hash || names.length != l.names.length) {
        return false;
      }
      if (Arrays.equals(names, l.names) && Arrays.equals(values, l.values)) {
        return true; // the usual case: same order
      }
    }
    return super.equals(o);
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int i;

          @Override
          public boolean hasNext() {
            return i < names.length;
          }

          @Override
          public Entry<String, String> next() {
            if (i >= names.length) {
              throw new NoSuchElementException();
            }
            Entry<String, String> e = Map.entry(names[i], values[i]);
            i++;
            return e;
          }
        };
      }

      @Override
      public int size() {
        return names.length;
      }
    };
  }

  // immutable: every mutator of AbstractMap already throws UnsupportedOperationException
}
