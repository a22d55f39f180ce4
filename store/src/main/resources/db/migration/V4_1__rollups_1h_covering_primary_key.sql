-- slamon schema v4.1: the hourly rollups' primary key itself carries (count, increase), replacing
-- the separate covering index of V4. Same index-only 30-day reads for the engine, but every
-- hourly upsert of the write path maintains one index instead of two (the covering columns
-- change on every update, so these updates are never HOT); docs/benchmarks.md "Storage".
ALTER TABLE rollups_1h DROP CONSTRAINT rollups_1h_pkey;
ALTER TABLE rollups_1h ADD CONSTRAINT rollups_1h_pkey PRIMARY KEY (series_id, hour) INCLUDE (count, increase);
DROP INDEX rollups_1h_series_covering;
