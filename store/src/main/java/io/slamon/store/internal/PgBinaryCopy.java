package io.slamon.store.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Rows in PostgreSQL's binary COPY format ({@code COPY … FROM STDIN (FORMAT binary)}): the server
 * reads fixed-width integers, doubles and timestamps as they are instead of parsing text, which
 * docs/benchmarks.md "Storage" measured as the faster write method. Only the column types samples
 * and rollups need. Not thread-safe; one instance per batch.
 */
public final class PgBinaryCopy {
  private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
      0, 0, 0, 0, // flags: no OIDs
      0, 0, 0, 0}; // no header extension
  /** 2000-01-01T00:00:00Z, PostgreSQL's timestamp epoch, in Unix milliseconds. */
  private static final long PG_EPOCH_MILLIS = 946_684_800_000L;

  private ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

  public PgBinaryCopy() {
    buffer.put(HEADER);
  }

  /** Starts a row of {@code fields} columns; follow with exactly that many values. */
  public PgBinaryCopy row(int fields) {
    room(2).putShort((short) fields);
    return this;
  }

  public PgBinaryCopy int4(int value) {
    room(8).putInt(4).putInt(value);
    return this;
  }

  public PgBinaryCopy int8(long value) {
    room(12).putInt(8).putLong(value);
    return this;
  }

  public PgBinaryCopy float8(double value) {
    room(12).putInt(8).putDouble(value);
    return this;
  }

  /** A timestamptz from Unix epoch milliseconds (sent as microseconds since 2000-01-01 UTC). */
  public PgBinaryCopy timestamptz(long epochMillis) {
    room(12).putInt(8).putLong((epochMillis - PG_EPOCH_MILLIS) * 1000);
    return this;
  }

  /** The rows so far plus the end marker, for {@code CopyManager.copyIn}. */
  public byte[] toByteArray() {
    byte[] data = Arrays.copyOf(buffer.array(), buffer.position() + 2);
    data[data.length - 2] = (byte) 0xff; // int16 -1: end of data
    data[data.length - 1] = (byte) 0xff;
    return data;
  }

  private ByteBuffer room(int bytes) {
    if (buffer.remaining() < bytes) {
      buffer = ByteBuffer.allocate(buffer.capacity() * 2).put(buffer.flip());
    }
    return buffer;
  }
}
