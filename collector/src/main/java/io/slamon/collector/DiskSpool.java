package io.slamon.collector;

import io.slamon.store.Sample;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Append-only, checksummed segment files ({@code spool-<seq>.seg}, see {@link SpoolRecords})
 * holding batches the database could not take. Records are read back oldest first; a segment
 * is deleted only after all of its records were {@linkplain #commit() committed} (written to
 * the store), so a crash during replay re-delivers at most that segment, which the store
 * de-duplicates.
 *
 * <p>Opening scans every segment: a record cut short or failing its CRC at the end of a file
 * (a crash during an append, never acknowledged) is truncated away and counted; one failing in
 * the middle, with valid-looking data behind it, means the file was damaged afterwards: the
 * records before it are replayed, and the file is then kept as {@code *.seg.corrupt} for
 * inspection and logged, never silently deleted.
 *
 * <p>Used by one thread (the write pipeline's worker); the counters may be read by any thread.
 */
final class DiskSpool implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DiskSpool.class);
  private static final Pattern NAME = Pattern.compile("spool-(\\d{20})\\.seg");
  static final long DEFAULT_SEGMENT_BYTES = 64L << 20;

  private static final class Segment {
    final long seq;
    final Path path;
    long size;
    long limit; // bytes that hold valid records; < size only when the file is corrupt after it
    boolean corrupt;

    Segment(long seq, Path path, long size) {
      this.seq = seq;
      this.path = path;
      this.size = size;
      this.limit = size;
    }
  }

  private record Peeked(List<Sample> samples, long next) {}

  private final Path directory;
  private final long maxBytes;
  private final long segmentBytes;
  private final ArrayDeque<Segment> segments = new ArrayDeque<>();
  private long nextSeq;
  private FileChannel appendChannel; // open on the last segment while it takes appends
  private long readOffset; // in the first segment
  private Peeked peeked;

  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong records = new AtomicLong();
  private final AtomicLong tornRecords = new AtomicLong();
  private final AtomicLong corruptSegments = new AtomicLong();

  private DiskSpool(Path directory, long maxBytes, long segmentBytes) {
    this.directory = directory;
    this.maxBytes = maxBytes;
    this.segmentBytes = segmentBytes;
  }

  /**
   * Opens (creating) the spool under {@code directory}, repairing torn tails of existing segments.
   *
   * @param maxBytes bound of all segment files together; appends beyond it are refused
   * @param segmentBytes a new segment is started once the current one reaches this size
   */
  static DiskSpool open(Path directory, long maxBytes, long segmentBytes) throws IOException {
    if (maxBytes < 1 || segmentBytes < 1) {
      throw new IllegalArgumentException("spool maxBytes and segmentBytes must be >= 1");
    }
    Files.createDirectories(directory);
    DiskSpool spool = new DiskSpool(directory, maxBytes, segmentBytes);
    List<Segment> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        if (m.matches()) {
          found.add(new Segment(Long.parseLong(m.group(1)), p, Files.size(p)));
        }
      }
    }
    found.sort(Comparator.comparingLong(s -> s.seq));
    for (Segment s : found) {
      spool.nextSeq = Math.max(spool.nextSeq, s.seq + 1);
      spool.scan(s);
      if (s.limit == 0) {
        spool.retire(s);
      } else {
        spool.segments.addLast(s);
        spool.bytes.addAndGet(s.size);
      }
    }
    if (!spool.segments.isEmpty()) {
      LOG.warn("disk spool {} holds {} records ({} bytes) from an earlier run; replaying them", directory,
          spool.records.get(), spool.bytes.get());
    }
    return spool;
  }

  /** Validates every record; truncates a torn tail, marks corruption in the middle. */
  private void scan(Segment s) throws IOException {
    try (FileChannel ch = FileChannel.open(s.path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long offset = 0;
      ByteBuffer header = ByteBuffer.allocate(SpoolRecords.HEADER);
      while (offset < s.size) {
        String problem = null;
        boolean cutShort = false;
        long end = -1; // where the damaged record would end, when its length is plausible
        header.clear();
        if (s.size - offset < SpoolRecords.HEADER) {
          problem = "header cut short";
          cutShort = true;
        } else {
          readFully(ch, header, offset);
          header.flip();
          int length = header.getInt();
          int crc = header.getInt();
          if (length < SpoolRecords.MIN_PAYLOAD || length > SpoolRecords.MAX_PAYLOAD) {
            problem = "invalid length " + length;
          } else if (offset + SpoolRecords.HEADER + length > s.size) {
            problem = "payload cut short";
            cutShort = true;
          } else {
            end = offset + SpoolRecords.HEADER + length;
            ByteBuffer payload = ByteBuffer.allocate(length);
            readFully(ch, payload, offset + SpoolRecords.HEADER);
            if (SpoolRecords.crc(payload.array()) != crc) {
              problem = "CRC mismatch";
            }
          }
        }
        if (problem == null) {
          records.incrementAndGet();
          offset = end;
          continue;
        }
        if (cutShort || end == s.size || zerosFrom(ch, offset, s.size)) {
          // The last append never finished (and was never acknowledged): cut it off.
          tornRecords.incrementAndGet();
          LOG.warn("disk spool {}: torn record at byte {} ({}); truncating {} bytes", s.path, offset, problem,
              s.size - offset);
          ch.truncate(offset);
          ch.force(true);
          s.size = offset;
          s.limit = offset;
        } else {
          corruptSegments.incrementAndGet();
          s.corrupt = true;
          s.limit = offset;
          LOG.error("disk spool {}: record at byte {} is damaged ({}) with {} more bytes behind it; replaying"
              + " the records before it, then keeping the file as {}.corrupt for inspection", s.path, offset,
              problem, s.size - offset, s.path.getFileName());
        }
        return;
      }
    }
  }

  private static boolean zerosFrom(FileChannel ch, long from, long to) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(8192);
    for (long pos = from; pos < to; ) {
      buf.clear();
      int n = ch.read(buf, pos);
      if (n <= 0) {
        return true;
      }
      for (int i = 0; i < n; i++) {
        if (buf.get(i) != 0) {
          return false;
        }
      }
      pos += n;
    }
    return true;
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
    long pos = position;
    while (buf.hasRemaining()) {
      int n = ch.read(buf, pos);
      if (n < 0) {
        throw new IOException("unexpected end of file at byte " + pos);
      }
      pos += n;
    }
  }

  /**
   * Appends one record per chunk and forces them to disk before returning. All or nothing
   * against the size bound: false (nothing written) when they would not fit.
   */
  boolean append(List<List<Sample>> chunks) throws IOException {
    List<ByteBuffer> frames = new ArrayList<>(chunks.size());
    long size = 0;
    for (List<Sample> chunk : chunks) {
      ByteBuffer f = SpoolRecords.frame(chunk);
      frames.add(f);
      size += f.remaining();
    }
    if (bytes.get() + size > maxBytes) {
      return false;
    }
    if (appendChannel == null || segments.peekLast().size >= segmentBytes) {
      startSegment();
    }
    Segment tail = segments.peekLast();
    long start = tail.size;
    try {
      for (ByteBuffer f : frames) {
        while (f.hasRemaining()) {
          tail.size += appendChannel.write(f, tail.size);
        }
      }
      appendChannel.force(false);
    } catch (IOException e) {
      // Drop the partial append so later records are not written behind garbage.
      tail.size = start;
      try {
        appendChannel.truncate(start);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    tail.limit = tail.size;
    bytes.addAndGet(tail.size - start);
    records.addAndGet(frames.size());
    return true;
  }

  private void startSegment() throws IOException {
    closeAppendChannel();
    Path path = directory.resolve("spool-%020d.seg".formatted(nextSeq));
    appendChannel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
        StandardOpenOption.READ);
    segments.addLast(new Segment(nextSeq++, path, 0));
    // The new file's directory entry must survive a crash too.
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      LOG.debug("cannot fsync spool directory {}: {}", directory, e.getMessage());
    }
  }

  /** The oldest record not yet committed, or null when the spool is empty. Reading again returns the same record. */
  List<Sample> peek() throws IOException {
    if (peeked != null) {
      return peeked.samples();
    }
    while (!segments.isEmpty()) {
      Segment head = segments.peekFirst();
      if (readOffset >= head.limit) {
        finishHead();
        continue;
      }
      try (FileChannel ch = head == segments.peekLast() && appendChannel != null ? null
          : FileChannel.open(head.path, StandardOpenOption.READ)) {
        FileChannel in = ch != null ? ch : appendChannel;
        ByteBuffer header = ByteBuffer.allocate(SpoolRecords.HEADER);
        readFully(in, header, readOffset);
        header.flip();
        int length = header.getInt();
        int crc = header.getInt();
        if (length < SpoolRecords.MIN_PAYLOAD || readOffset + SpoolRecords.HEADER + length > head.limit) {
          damagedSinceOpen(head, "invalid length " + length);
          continue;
        }
        ByteBuffer payload = ByteBuffer.allocate(length);
        readFully(in, payload, readOffset + SpoolRecords.HEADER);
        if (SpoolRecords.crc(payload.array()) != crc) {
          damagedSinceOpen(head, "CRC mismatch");
          continue;
        }
        List<Sample> samples;
        try {
          samples = SpoolRecords.decode(payload.array());
        } catch (IOException e) {
          damagedSinceOpen(head, e.getMessage());
          continue;
        }
        peeked = new Peeked(samples, readOffset + SpoolRecords.HEADER + length);
        return samples;
      }
    }
    return null;
  }

  private void damagedSinceOpen(Segment head, String problem) throws IOException {
    if (head == segments.peekLast()) {
      closeAppendChannel(); // later appends go to a fresh segment, not behind the damage
    }
    corruptSegments.incrementAndGet();
    LOG.error("disk spool {}: record at byte {} is damaged ({}); keeping the file as {}.corrupt", head.path,
        readOffset, problem, head.path.getFileName());
    head.corrupt = true;
    head.limit = readOffset;
  }

  /** The record returned by {@link #peek()} is in the store: move past it, deleting a finished segment. */
  void commit() throws IOException {
    if (peeked == null) {
      throw new IllegalStateException("commit without peek");
    }
    readOffset = peeked.next();
    peeked = null;
    records.decrementAndGet();
    Segment head = segments.peekFirst();
    if (readOffset >= head.limit) {
      finishHead();
    }
  }

  private void finishHead() throws IOException {
    Segment head = segments.peekFirst();
    if (head == segments.peekLast()) {
      closeAppendChannel();
    }
    segments.pollFirst();
    bytes.addAndGet(-head.size);
    readOffset = 0;
    retire(head);
  }

  private void retire(Segment s) throws IOException {
    if (s.corrupt) {
      Files.move(s.path, s.path.resolveSibling(s.path.getFileName() + ".corrupt"),
          StandardCopyOption.REPLACE_EXISTING);
    } else {
      Files.deleteIfExists(s.path);
    }
  }

  private void closeAppendChannel() throws IOException {
    if (appendChannel != null) {
      appendChannel.close();
      appendChannel = null;
    }
  }

  /** True when no record waits for replay. */
  boolean isEmpty() {
    return segments.isEmpty();
  }

  /** Bytes of all live segment files (replayed records count until their segment is deleted). */
  long bytes() {
    return bytes.get();
  }

  long maxBytes() {
    return maxBytes;
  }

  /** Records waiting for replay (records behind a damaged one stay counted until restart). */
  long records() {
    return records.get();
  }

  long tornRecords() {
    return tornRecords.get();
  }

  long corruptSegments() {
    return corruptSegments.get();
  }

  Path directory() {
    return directory;
  }

  @Override
  public void close() throws IOException {
    closeAppendChannel();
  }
}
