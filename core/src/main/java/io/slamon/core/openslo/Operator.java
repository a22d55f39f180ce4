package io.slamon.core.openslo;

import io.slamon.core.config.ConfigEnum;

/** Comparison operator of a threshold objective. */
public enum Operator implements ConfigEnum {
  LT,
  LTE,
  GT,
  GTE;

  @Override
  public String configName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public boolean test(double observed, double value) {
    return switch (this) {
      case LT -> observed < value;
      case LTE -> observed <= value;
      case GT -> observed > value;
      case GTE -> observed >= value;
    };
  }
}
