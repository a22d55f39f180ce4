-- Incidents, part 3 (issue 5): NIS2 significance of a running incident for a cloud computing
-- service provider (Implementing Regulation (EU) 2024/2690 Art. 7(a): service completely
-- unavailable for more than 30 minutes; (b): availability limited for more than 5 % of its users for
-- more than one hour). Each column holds the instant the stored availability data showed the
-- threshold crossed; it is set once (NULL -> instant), which is what makes the flag exactly-once.
ALTER TABLE incidents ADD COLUMN nis2_complete_at timestamptz;
ALTER TABLE incidents ADD COLUMN nis2_limited_at  timestamptz;
