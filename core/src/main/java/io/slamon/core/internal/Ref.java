package io.slamon.core.internal;

/** A by-name reference written in a file, kept with its location to report it if dangling. */
public record Ref(String name, FileProblems problems, int line, String field) {
  public void error(String message) {
    problems.add(line, field, message);
  }

  /** A reference to {@code key} of {@code f}, or null if the key is absent. */
  static Ref of(Fields f, String key, String name) {
    return name == null ? null : new Ref(name, f.problems(), f.lineOf(key), f.child(key));
  }
}
