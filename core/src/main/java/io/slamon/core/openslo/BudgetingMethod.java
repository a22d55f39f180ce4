package io.slamon.core.openslo;

import io.slamon.core.config.ConfigEnum;

/** OpenSLO budgeting methods. */
public enum BudgetingMethod implements ConfigEnum {
  OCCURRENCES("Occurrences"),
  TIMESLICES("Timeslices"),
  RATIO_TIMESLICES("RatioTimeslices");

  private final String configName;

  BudgetingMethod(String configName) {
    this.configName = configName;
  }

  @Override
  public String configName() {
    return configName;
  }
}
