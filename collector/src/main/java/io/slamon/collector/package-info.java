/**
 * slamon collector: scraping ({@link io.slamon.collector.Scraper}), tenant attribution
 * ({@link io.slamon.collector.TenantResolver}), the bounded write path
 * ({@link io.slamon.collector.WritePipeline}), the HTTP server
 * ({@link io.slamon.collector.CollectorServer}) and the wiring ({@link io.slamon.collector.Collector}).
 * Inputs are the collector's own small types; the application maps configuration onto them.
 */
package io.slamon.collector;
