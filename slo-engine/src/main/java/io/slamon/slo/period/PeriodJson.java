package io.slamon.slo.period;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Canonical JSON for period results and report twins: keys sorted, no whitespace, every number
 * rounded to {@value #DECIMALS} decimals and written in plain notation without trailing zeros,
 * NaN as {@code null}. The same values always give the same bytes, so a SHA-256 over them is a
 * stable fingerprint.
 */
public final class PeriodJson {
  static final int DECIMALS = 6;

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      // record components are creator properties: without this they keep declaration order
      .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .addModule(new SimpleModule("canonical-numbers")
          .addSerializer(Double.class, new CanonicalDouble())
          .addSerializer(double.class, new CanonicalDouble())
          .addDeserializer(Double.class, new NullIsNaN())
          .addDeserializer(double.class, new NullIsNaN()))
      .build();

  private PeriodJson() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Canonical JSON text of any value (records, maps, lists). */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write canonical JSON: " + e.getMessage(), e);
    }
  }

  public static PeriodResult read(String json) {
    try {
      return MAPPER.readValue(json, PeriodResult.class);
    } catch (IOException e) {
      throw new UncheckedIOException("stored period result is not readable: " + e.getMessage(), e);
    }
  }

  /** Lowercase hex SHA-256 of the UTF-8 bytes. */
  /** Rounds to {@link #DECIMALS} places (half-even) and writes plain notation; NaN and infinities as null. */
  private static final class CanonicalDouble extends StdSerializer<Double> {
    CanonicalDouble() {
      super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      if (value == null || value.isNaN() || value.isInfinite()) {
        gen.writeNull();
        return;
      }
      BigDecimal d = BigDecimal.valueOf(value).setScale(DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros();
      gen.writeNumber(d.signum() == 0 ? "0" : d.toPlainString());
    }
  }

  /** Reads numbers back; {@code null} (how NaN was written) becomes NaN again. */
  private static final class NullIsNaN extends StdDeserializer<Double> {
    NullIsNaN() {
      super(Double.class);
    }

    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return p.getValueAsDouble();
    }

    @Override
    public Double getNullValue(DeserializationContext ctxt) {
      return Double.NaN;
    }
  }
}
