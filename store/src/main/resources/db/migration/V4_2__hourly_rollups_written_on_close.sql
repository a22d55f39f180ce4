-- Hourly rollups are written once, when their hour closes, instead of being updated with every
-- minute row (docs/storage.md "Rollups"). Rows of hours before hours_complete_before are complete
-- (the sums of their minute rows); readers take later hours from rollups_1m. One row, moved
-- forward by the sample writer in the transaction that writes the hours it passes.
CREATE TABLE rollup_progress (
  singleton             boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
  hours_complete_before timestamptz NOT NULL
);

-- Until this migration every write kept rollups_1h complete, so every hour before the current
-- one is (a fresh database has no hours at all).
INSERT INTO rollup_progress (hours_complete_before)
VALUES (date_bin('1 hour', now(), timestamptz '2000-01-01 00:00:00+00'));
