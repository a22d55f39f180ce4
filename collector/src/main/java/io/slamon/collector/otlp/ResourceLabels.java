package io.slamon.collector.otlp;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The labels an OTLP resource contributes to each of its series. Only the attributes below are
 * kept (every resource attribute as a label would multiply series; the rest is dropped):
 *
 * <table>
 * <caption>resource attribute → label</caption>
 * <tr><td>{@code service.name}</td><td>{@code service_name}; also {@code job} (with
 *     {@code service.namespace/} in front when set), as the compatibility specification says</td></tr>
 * <tr><td>{@code service.namespace}</td><td>{@code service_namespace}</td></tr>
 * <tr><td>{@code service.instance.id}</td><td>{@code instance}</td></tr>
 * <tr><td>{@code k8s.namespace.name}</td><td>{@code namespace} (tenant attribution by namespace)</td></tr>
 * <tr><td>{@code k8s.pod.name}</td><td>{@code pod} (tenant attribution by pod prefix)</td></tr>
 * <tr><td>{@code k8s.container.name}</td><td>{@code container}</td></tr>
 * <tr><td>{@code k8s.node.name}, {@code host.name}</td><td>{@code node}, {@code host}</td></tr>
 * <tr><td>{@code slamon.tenant} or {@code tenant}</td><td>{@code tenant} (must name a configured tenant)</td></tr>
 * </table>
 */
final class ResourceLabels {
  private static final Map<String, String> MAPPED = Map.of(
      "service.name", "service_name",
      "service.namespace", "service_namespace",
      "service.instance.id", "instance",
      "k8s.namespace.name", "namespace",
      "k8s.pod.name", "pod",
      "k8s.container.name", "container",
      "k8s.node.name", "node",
      "host.name", "host",
      "tenant", "tenant",
      "slamon.tenant", "tenant");

  private ResourceLabels() {}

  static Map<String, String> of(List<KeyValue> attributes) {
    Map<String, String> labels = new HashMap<>();
    for (KeyValue kv : attributes) {
      String label = MAPPED.get(kv.getKey());
      String value = text(kv.getValue());
      if (label != null && !value.isEmpty()) {
        labels.put(label, value);
      }
    }
    String service = labels.get("service_name");
    if (service != null) {
      String ns = labels.get("service_namespace");
      labels.put("job", ns == null ? service : ns + "/" + service);
    }
    return Map.copyOf(labels);
  }

  /** An attribute value as label text: strings as they are, arrays and maps as JSON. */
  static String text(AnyValue v) {
    return switch (v.getValueCase()) {
      case STRING_VALUE -> v.getStringValue();
      case BOOL_VALUE -> Boolean.toString(v.getBoolValue());
      case INT_VALUE -> Long.toString(v.getIntValue());
      case DOUBLE_VALUE -> Double.toString(v.getDoubleValue());
      case BYTES_VALUE -> Base64.getEncoder().encodeToString(v.getBytesValue().toByteArray());
      case ARRAY_VALUE, KVLIST_VALUE -> json(v).toString();
      default -> "";
    };
  }

  private static Object json(AnyValue v) {
    return switch (v.getValueCase()) {
      case ARRAY_VALUE -> {
        JsonArray a = new JsonArray();
        v.getArrayValue().getValuesList().forEach(e -> a.add(json(e)));
        yield a;
      }
      case KVLIST_VALUE -> {
        JsonObject o = new JsonObject();
        v.getKvlistValue().getValuesList().forEach(kv -> o.put(kv.getKey(), json(kv.getValue())));
        yield o;
      }
      case BOOL_VALUE -> v.getBoolValue();
      case INT_VALUE -> v.getIntValue();
      case DOUBLE_VALUE -> v.getDoubleValue();
      default -> text(v);
    };
  }
}
