/**
 * Alert delivery: the label model, the Alertmanager API v2 client, and signed webhooks (generic
 * JSON, Slack, Microsoft Teams) with retries, the persistent outbox with its dispatcher, routing, and
 * Prometheus rule generation.
 */
package io.slamon.alerts;
