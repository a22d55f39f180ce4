package io.slamon.collector;

import io.slamon.store.Sample;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The spool's record format: {@code int length, int crc32c(payload), payload}, big-endian. The
 * payload is {@code int count} followed per sample by {@code byte hasTenant, [str tenant], str
 * metric, int labelCount, (str name, str value)*, long timestampMillis, double value}, where
 * {@code str} is {@code int byteLength} plus UTF-8 (not {@code writeUTF}, whose 64 KiB limit a
 * long label value could exceed).
 */
final class SpoolRecords {
  /** Header bytes before the payload. */
  static final int HEADER = 8;
  /** Payloads above this are treated as corrupt lengths, not allocated. */
  static final int MAX_PAYLOAD = 256 << 20;
  /** The smallest valid payload (the sample count); a zero-filled tail is therefore never valid. */
  static final int MIN_PAYLOAD = 4;

  private SpoolRecords() {}

  /** One framed record (header and payload), ready to append. */
  static ByteBuffer frame(List<Sample> samples) {
    byte[] payload = encode(samples);
    if (payload.length > MAX_PAYLOAD) {
      throw new IllegalArgumentException("spool record of " + payload.length + " bytes exceeds " + MAX_PAYLOAD);
    }
    ByteBuffer buf = ByteBuffer.allocate(HEADER + payload.length);
    buf.putInt(payload.length).putInt(crc(payload)).put(payload).flip();
    return buf;
  }

  static int crc(byte[] payload) {
    CRC32C crc = new CRC32C();
    crc.update(payload);
    return (int) crc.getValue();
  }

  static byte[] encode(List<Sample> samples) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + samples.size() * 64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(samples.size());
      for (Sample s : samples) {
        out.writeBoolean(s.tenant() != null);
        if (s.tenant() != null) {
          writeString(out, s.tenant());
        }
        writeString(out, s.metric());
        out.writeInt(s.labels().size());
        for (Map.Entry<String, String> e : s.labels().entrySet()) {
          writeString(out, e.getKey());
          writeString(out, e.getValue());
        }
        out.writeLong(s.timestampMillis());
        out.writeDouble(s.value());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not throw
    }
    return bytes.toByteArray();
  }

  /** Decodes a payload whose CRC matched; throws IOException when it is not a valid record anyway. */
  static List<Sample> decode(byte[] payload) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
    int count = in.readInt();
    if (count < 1 || count > payload.length) {
      throw new IOException("invalid sample count " + count);
    }
    List<Sample> samples = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String tenant = in.readBoolean() ? readString(in, payload.length) : null;
      String metric = readString(in, payload.length);
      int labelCount = in.readInt();
      if (labelCount < 0 || labelCount > payload.length) {
        throw new IOException("invalid label count " + labelCount);
      }
      Map<String, String> labels = HashMap.newHashMap(labelCount);
      for (int j = 0; j < labelCount; j++) {
        labels.put(readString(in, payload.length), readString(in, payload.length));
      }
      long ts = in.readLong();
      double value = in.readDouble();
      try {
        samples.add(new Sample(tenant, metric, labels, ts, value));
      } catch (IllegalArgumentException e) {
        throw new IOException("invalid sample " + i + ": " + e.getMessage(), e);
      }
    }
    if (in.available() > 0) {
      throw new IOException(in.available() + " trailing bytes after " + count + " samples");
    }
    return samples;
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in, int max) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > max) {
      throw new IOException("invalid string length " + n);
    }
    byte[] b = in.readNBytes(n);
    if (b.length != n) {
      throw new java.io.EOFException("string of " + n + " bytes cut short");
    }
    return new String(b, StandardCharsets.UTF_8);
  }
}
