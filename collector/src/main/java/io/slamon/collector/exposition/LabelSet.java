package io.slamon.collector.exposition;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The labels of one sample as a reusable view: the parser refills the same instance for
 * every sample, so reading labels costs no map per sample. Label strings are reused from
 * the previous sample when the text at the same position is identical (dcgm-exporter
 * repeats {@code modelName}, {@code Hostname}, the driver version on every line), so a
 * typical page allocates few label strings. Valid only during the callback; {@link #toMap()}
 * gives a fresh map to keep.
 */
public final class LabelSet {
  private String[] names = new String[16];
  private String[] values = new String[16];
  private int size;

  /** Number of labels. */
  public int size() {
    return size;
  }

  /** Name of label {@code i} in page order. */
  public String name(int i) {
    return names[checked(i)];
  }

  /** Unescaped value of label {@code i} in page order. */
  public String value(int i) {
    return values[checked(i)];
  }

  /** The value of label {@code name}, or {@code null}. */
  public String get(String name) {
    for (int i = 0; i < size; i++) {
      if (names[i].equals(name)) {
        return values[i];
      }
    }
    return null;
  }

  /** A fresh, mutable copy. */
  public Map<String, String> toMap() {
    Map<String, String> m = HashMap.newHashMap(size);
    for (int i = 0; i < size; i++) {
      m.put(names[i], values[i]);
    }
    return m;
  }

  @Override
  public String toString() {
    return toMap().toString();
  }

  private int checked(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("label " + i + " of " + size);
    }
    return i;
  }

  /** Size of the previous label set if it was complete and free of duplicates, else 0. */
  private int validPrefix;
  private boolean complete;

  void clear() {
    validPrefix = complete ? size : 0;
    complete = false;
    size = 0;
  }

  /** Fills the view with a remembered, already validated label set (a {@link SeriesCache} hit). */
  void copyFrom(String[] fromNames, String[] fromValues, int n) {
    if (n > names.length) {
      names = Arrays.copyOf(names, n);
      values = Arrays.copyOf(values, n);
    }
    System.arraycopy(fromNames, 0, names, 0, n);
    System.arraycopy(fromValues, 0, values, 0, n);
    size = n;
    complete = true;
  }

  /** The set was read to its closing brace with no duplicate names. */
  void markComplete() {
    complete = true;
  }

  boolean contains(String name) {
    return get(name) != null;
  }

  /**
   * Appends a label read from {@code page}; {@code escaped} is the unescaped value when the
   * text had escapes, else the value is the raw region {@code [vs, ve)}. Returns whether the
   * name was reused from the previous label set at this position.
   */
  boolean add(String page, int ns, int ne, int vs, int ve, String escaped) {
    // Reuse vouches for distinctness only against the previous, validated label set.
    boolean reused = size < validPrefix;
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    String n = names[size];
    if (n == null || n.length() != ne - ns || !page.regionMatches(ns, n, 0, n.length())) {
      names[size] = page.substring(ns, ne);
      reused = false;
    }
    if (escaped != null) {
      values[size] = escaped;
    } else {
      String v = values[size];
      if (v == null || v.length() != ve - vs || !page.regionMatches(vs, v, 0, v.length())) {
        values[size] = page.substring(vs, ve);
      }
    }
    size++;
    return reused;
  }

  /** The name read at the next position on the previous line, or null. */
  String cachedName() {
    return size < names.length ? names[size] : null;
  }

  /** Sum of name and value lengths in code points (OpenMetrics' exemplar limit). */
  int codePointLength() {
    int n = 0;
    for (int i = 0; i < size; i++) {
      n += names[i].codePointCount(0, names[i].length())
          + values[i].codePointCount(0, values[i].length());
    }
    return n;
  }
}
