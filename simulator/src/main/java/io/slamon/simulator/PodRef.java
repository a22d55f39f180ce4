package io.slamon.simulator;

import java.util.Objects;

/** The Kubernetes pod a GPU (or MIG instance) is allocated to, as dcgm-exporter labels it. */
public record PodRef(String namespace, String pod, String container) {
  public PodRef {
    requireText(namespace, "namespace");
    requireText(pod, "pod");
    requireText(container, "container");
  }

  static void requireText(String value, String what) {
    Objects.requireNonNull(value, what + " must not be null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
  }
}
