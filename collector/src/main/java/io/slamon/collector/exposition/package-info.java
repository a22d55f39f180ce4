/** Exposition formats: the Prometheus text 0.0.4 / simple OpenMetrics parser. Pure, no I/O. */
package io.slamon.collector.exposition;
