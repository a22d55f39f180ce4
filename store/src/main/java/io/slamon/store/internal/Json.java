package io.slamon.store.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;

/** jsonb columns <-> maps. */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};
  private static final TypeReference<Map<String, Object>> OBJECT_MAP = new TypeReference<>() {};

  private Json() {}

  public static String write(Map<String, ?> map) {
    try {
      return MAPPER.writeValueAsString(map);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot store as JSON (only strings, numbers, booleans, lists and maps): " + map, e);
    }
  }

  public static Map<String, String> readStrings(String json) {
    try {
      return MAPPER.readValue(json, STRING_MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored labels are not a JSON object of strings: " + json, e);
    }
  }

  public static Map<String, Object> readObjects(String json) {
    try {
      return MAPPER.readValue(json, OBJECT_MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored attributes are not a JSON object: " + json, e);
    }
  }
}
