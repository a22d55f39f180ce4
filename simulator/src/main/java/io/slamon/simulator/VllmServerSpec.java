package io.slamon.simulator;

/**
 * A vLLM OpenAI-compatible server with its own {@code /metrics} port (0 = ephemeral), serving one
 * model for one tenant at a mean request rate.
 */
public record VllmServerSpec(int port, String tenant, String modelName, double requestsPerSecond) {
  public VllmServerSpec {
    FleetSpec.requirePort(port, "vLLM port of " + modelName);
    PodRef.requireText(tenant, "tenant");
    PodRef.requireText(modelName, "modelName");
    if (!(requestsPerSecond > 0 && requestsPerSecond <= 1000)) {
      throw new IllegalArgumentException(
          "requestsPerSecond must be in (0, 1000], got " + requestsPerSecond);
    }
  }

  VllmServerSpec withPort(int newPort) {
    return new VllmServerSpec(newPort, tenant, modelName, requestsPerSecond);
  }
}
