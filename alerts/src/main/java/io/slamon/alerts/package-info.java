/**
 * Alert delivery: the label model, the Alertmanager API v2 client, and signed webhooks (generic
 * JSON, Slack, Microsoft Teams) with retries. The persistent outbox, routing rules and Prometheus rule
 * generation follow.
 */
package io.slamon.alerts;
