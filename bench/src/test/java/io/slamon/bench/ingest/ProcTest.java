package io.slamon.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProcTest {
  @Test
  void cpuIsUserPlusSystemPlusWaitedForChildrenEvenWhenTheCommandNameHasSpacesAndParentheses() {
    // fields 14..17 (utime stime cutime cstime) = 250 100 30 20 ticks
    String stat = "4242 (postgres: wal (writer)) S 1 4242 4242 0 -1 4194368 100 0 0 0 250 100 30 20 20 0 1 0 123 456 789";
    assertThat(Proc.cpuSecondsOfStat(stat)).isCloseTo(4.0, within(1e-9));
  }

  @Test
  void memoryLinesAreReadInKilobytesAndAMissingKeyIsZero() {
    String status = "Name:\tjava\nVmPeak:\t 9000 kB\nVmHWM:\t  123456 kB\nVmRSS:\t 100000 kB\n";
    assertThat(Proc.statusKilobytes(status, "VmHWM:")).isEqualTo(123_456);
    assertThat(Proc.statusKilobytes(status, "Pss:")).isZero();
    assertThat(Proc.statusKilobytes(null, "VmHWM:")).isZero();
  }

  @Test
  void theLiveHeapIsTheFirstUsedFigureOfHeapInfoAndAJvmAnswersIt() {
    assertThat(Jcmd.usedKilobytes("garbage-first heap   total reserved 6172672K, committed 180224K, used 105885K [0x0, 0x1)\n"
        + " region size 4096K, 10 young (40960K), 1 survivors (4096K)")).hasValue(105_885);
    assertThat(Jcmd.usedKilobytes("no heap here")).isEmpty();
    assertThat(Jcmd.liveHeapBytes(ProcessHandle.current().pid())).isPresent();
  }

  @Test
  void thisProcessHasUsedCpuAndMemoryAndAGoneProcessReadsAsZero() {
    long self = ProcessHandle.current().pid();
    assertThat(Proc.cpuSeconds(self)).isPositive();
    assertThat(Proc.peakRssBytes(self)).isGreaterThan(10L << 20);
    assertThat(new ProcessGroup("self", self, true).memoryBytes()).isPositive();
    assertThat(Proc.cpuSeconds(Integer.MAX_VALUE)).isZero();
  }
}
