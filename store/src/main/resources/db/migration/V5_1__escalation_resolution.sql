-- When a handed-over regulatory escalation stopped being a condition (its deadline's notification
-- was recorded, or the incident ended) and its resolution was queued: set in the same transaction
-- as the outbox rows of the resolution, so it is queued exactly once. NULL = still open: slamon
-- re-sends it to Alertmanager so it does not expire there while the deadline is open.
ALTER TABLE escalation_handoffs ADD COLUMN resolved_at timestamptz;
