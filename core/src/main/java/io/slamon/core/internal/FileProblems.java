package io.slamon.core.internal;

import io.slamon.core.config.ConfigProblem;
import java.util.List;

/** Collects problems for one file (path relative to the config directory). */
public final class FileProblems {
  private final String file;
  private final List<ConfigProblem> sink;

  public FileProblems(String file, List<ConfigProblem> sink) {
    this.file = file;
    this.sink = sink;
  }

  public String file() {
    return file;
  }

  private int own;

  public void add(int line, String field, String message) {
    sink.add(new ConfigProblem(file, line, field, message));
    own++;
  }

  /** True when a problem was reported for this file. */
  public boolean hasAny() {
    return own > 0;
  }

  /** How many problems were collected so far (all files), to tell whether a subtree was clean. */
  public int count() {
    return sink.size();
  }
}
