/**
 * Alert delivery (Alertmanager API v2, webhooks) and Prometheus rule generation. Today it holds
 * the label model every delivery shares; delivery and the outbox follow.
 */
package io.slamon.alerts;
