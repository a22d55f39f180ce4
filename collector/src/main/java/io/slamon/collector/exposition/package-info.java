/**
 * Exposition formats: the Prometheus text 0.0.4 and OpenMetrics 1.0 parser
 * ({@link io.slamon.collector.exposition.PrometheusTextParser}; lenient by default, strict
 * OpenMetrics on request). Pure, no I/O.
 */
package io.slamon.collector.exposition;
