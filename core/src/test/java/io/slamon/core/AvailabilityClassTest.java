package io.slamon.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AvailabilityClassTest {

  @Test
  void targetsFollowTheContractTable() {
    assertThat(AvailabilityClass.VK1.target()).isEqualTo(0.99);
    assertThat(AvailabilityClass.VK2.target()).isEqualTo(0.999);
    assertThat(AvailabilityClass.VK3.target()).isEqualTo(0.9999);
    assertThat(AvailabilityClass.VK4.target()).isEqualTo(0.99999);
    assertThat(AvailabilityClass.VK3.targetPercent()).isEqualTo(99.99);
  }

  @Test
  void allowedDowntimePerMonthStaysUnderTheContractualFigures() {
    // the table says VK1 < 8 h, VK2 < 44 min, VK3 < 5 min, VK4 < 26 s per month
    assertThat(AvailabilityClass.VK1.allowedDowntimePerMonth()).isEqualTo(Duration.ofMinutes(432));
    assertThat(AvailabilityClass.VK2.allowedDowntimePerMonth())
        .isEqualTo(Duration.ofMinutes(43).plusSeconds(12));
    assertThat(AvailabilityClass.VK3.allowedDowntimePerMonth())
        .isEqualTo(Duration.ofMillis(259_200));
    assertThat(AvailabilityClass.VK4.allowedDowntimePerMonth())
        .isLessThan(Duration.ofSeconds(26))
        .isGreaterThan(Duration.ofSeconds(25));
  }

  @Test
  void allowedDowntimeScalesWithThePeriod() {
    assertThat(AvailabilityClass.VK2.allowedDowntime(Duration.ofDays(1)))
        .isEqualTo(Duration.ofMillis(86_400));
  }
}
