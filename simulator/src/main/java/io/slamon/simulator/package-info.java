/**
 * slamon fleet simulator: a deterministic GPU/LLM fleet that serves dcgm-exporter and vLLM
 * {@code /metrics}, pushes events to slamon's events API and accepts injected faults. Used by the
 * demo, tests and benchmarks; never needed in production. Entry point: {@link
 * io.slamon.simulator.Fleet#start}.
 */
package io.slamon.simulator;
