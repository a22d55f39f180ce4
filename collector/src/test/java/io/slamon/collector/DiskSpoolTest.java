package io.slamon.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.store.Sample;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DiskSpoolTest {
  Path dir;

  @BeforeEach
  void freshDirectory() {
    dir = Path.of("target", "spool-test", UUID.randomUUID().toString()).toAbsolutePath();
  }

  static List<Sample> samples(int from, int count) {
    return WritePipelineTest.samples(from, count);
  }

  static List<List<Sample>> drain(DiskSpool spool) throws IOException {
    List<List<Sample>> out = new ArrayList<>();
    for (List<Sample> r = spool.peek(); r != null; r = spool.peek()) {
      out.add(r);
      spool.commit();
    }
    return out;
  }

  List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  Path onlySegment() throws IOException {
    assertThat(files()).singleElement();
    return dir.resolve(files().get(0));
  }

  @Test
  void recordsRoundTripInOrderAcrossARestartWithEveryFieldIntact() throws IOException {
    String longValue = "x".repeat(70_000); // longer than DataOutputStream.writeUTF allows
    Sample odd = new Sample("tenant-ä", "DCGM_FI_DEV_XID_ERRORS", Map.of("modelName", "NVIDIA H100 \"SXM\"",
        "long", longValue), -5, Double.NaN);
    Sample inf = new Sample(null, "m", Map.of(), Long.MAX_VALUE, Double.NEGATIVE_INFINITY);
    try (DiskSpool spool = DiskSpool.open(dir, 1 << 20, 1 << 20)) {
      assertThat(spool.append(List.of(List.of(odd), samples(0, 3)))).isTrue();
      assertThat(spool.append(List.of(List.of(inf)))).isTrue();
      assertThat(spool.records()).isEqualTo(3);
    }
    try (DiskSpool spool = DiskSpool.open(dir, 1 << 20, 1 << 20)) {
      assertThat(spool.isEmpty()).isFalse();
      assertThat(spool.peek()).containsExactly(odd); // peeking twice returns the same record
      assertThat(drain(spool)).containsExactly(List.of(odd), samples(0, 3), List.of(inf));
      assertThat(spool.isEmpty()).isTrue();
      assertThat(spool.bytes()).isZero();
      assertThat(spool.tornRecords()).isZero();
    }
    assertThat(files()).isEmpty();
  }

  @Test
  void aRecordCutShortByACrashIsTruncatedAndCountedAndTheRecordsBeforeItAreKept() throws IOException {
    try (DiskSpool spool = DiskSpool.open(dir, 1 << 20, 1 << 20)) {
      spool.append(List.of(samples(0, 2), samples(2, 2)));
    }
    Path seg = onlySegment();
    long goodSize = Files.size(seg);
    ByteBuffer frame = SpoolRecords.frame(samples(4, 5));
    frame.limit(frame.limit() - 7); // the crash hit in the middle of the payload
    try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.APPEND)) {
      ch.write(frame);
    }
    try (DiskSpool spool = DiskSpool.open(dir, 1 << 20, 1 << 20)) {
      assertThat(spool.tornRecords()).isEqualTo(1);
      assertThat(Files.size(seg)).isEqualTo(goodSize);
      assertThat(drain(spool)).containsExactly(samples(0, 2), samples(2, 2));
    }
  }

  @Test
  void aBadChecksumOnTheLastRecordIsTreatedAsATornAppend() throws IOException {
    try (DiskSpool spool = DiskSpool.open(dir, 1 << 20, 1 << 20)) {
      spool.append(List.of(samples(0, 2)));
      spool.append(List.of(samples(2, 2)));
    }
    Path seg = onlySegment();
    flipByte(seg, Files.size(seg) - 3);
    try (DiskSpool spool = DiskSpool.open(dir, 1 << 20, 1 << 20)) {
      assertThat(spool.tornRecords()).isEqualTo(1);
      assertThat(spool.corruptSegments()).isZero();
      assertThat(drain(spool)).containsExactly(samples(0, 2));
    }
  }

  @Test
  void aZeroFilledTailLeftByTheFilesystemIsTreatedAsATornAppend() throws IOException {
    try (DiskSpool spool = DiskSpool.open(dir, 1 << 20, 1 << 20)) {
      spool.append(List.of(samples(0, 2)));
    }
    Path seg = onlySegment();
    try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.APPEND)) {
      ch.write(ByteBuffer.allocate(4096));
    }
    try (DiskSpool spool = DiskSpool.open(dir, 1 << 20, 1 << 20)) {
      assertThat(spool.tornRecords()).isEqualTo(1);
      assertThat(drain(spool)).containsExactly(samples(0, 2));
    }
  }

  @Test
  void aBadChecksumInTheMiddleStopsReplayThereAndKeepsTheFileForInspection() throws IOException {
    try (DiskSpool spool = DiskSpool.open(dir, 1 << 20, 1 << 20)) {
      spool.append(List.of(samples(0, 2)));
      spool.append(List.of(samples(2, 2)));
      spool.append(List.of(samples(4, 2)));
    }
    Path seg = onlySegment();
    long recordSize = Files.size(seg) / 3;
    flipByte(seg, recordSize + SpoolRecords.HEADER + 5); // inside the second record's payload
    try (DiskSpool spool = DiskSpool.open(dir, 1 << 20, 1 << 20)) {
      assertThat(spool.corruptSegments()).isEqualTo(1);
      assertThat(spool.tornRecords()).isZero();
      assertThat(drain(spool)).containsExactly(samples(0, 2));
      assertThat(spool.isEmpty()).isTrue();
    }
    assertThat(files()).containsExactly(seg.getFileName() + ".corrupt");
    assertThat(Files.size(dir.resolve(seg.getFileName() + ".corrupt"))).isEqualTo(3 * recordSize);
  }

  @Test
  void anAppendBeyondTheSizeBoundIsRefusedWithNothingWritten() throws IOException {
    long oneRecord = SpoolRecords.frame(samples(0, 3)).remaining();
    try (DiskSpool spool = DiskSpool.open(dir, oneRecord * 2, 1 << 20)) {
      assertThat(spool.append(List.of(samples(0, 3)))).isTrue();
      assertThat(spool.append(List.of(samples(3, 3), samples(6, 3)))).isFalse();
      assertThat(spool.bytes()).isEqualTo(oneRecord);
      assertThat(spool.append(List.of(samples(3, 3)))).isTrue();
      assertThat(drain(spool)).containsExactly(samples(0, 3), samples(3, 3));
    }
  }

  @Test
  void segmentsRollAtTheirSizeAndEachIsDeletedOnlyOnceAllItsRecordsAreCommitted() throws IOException {
    long oneRecord = SpoolRecords.frame(samples(0, 3)).remaining();
    try (DiskSpool spool = DiskSpool.open(dir, 1 << 20, oneRecord * 2)) {
      for (int i = 0; i < 5; i++) {
        spool.append(List.of(samples(i * 3, 3)));
      }
      assertThat(files()).hasSize(3);
      spool.peek();
      spool.commit();
      assertThat(files()).hasSize(3); // half of the first segment is still unreplayed
      spool.peek();
      spool.commit();
      assertThat(files()).hasSize(2);
      assertThat(spool.bytes()).isEqualTo(oneRecord * 3);
      assertThat(drain(spool)).hasSize(3);
      assertThat(files()).isEmpty();
      spool.append(List.of(samples(100, 1))); // appending after a full drain starts a new segment
      assertThat(drain(spool)).containsExactly(samples(100, 1));
    }
  }

  static void flipByte(Path file, long position) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(1);
      ch.read(b, position);
      b.put(0, (byte) (b.get(0) ^ 0x5a)).rewind();
      ch.write(b, position);
    }
  }
}
