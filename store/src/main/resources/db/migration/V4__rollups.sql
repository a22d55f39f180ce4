-- slamon schema v4: 1-minute rollups per series, maintained by the sample writer as data
-- arrives (see docs/storage.md "Rollups"). ${rollups_partitioning} is "PARTITION BY RANGE
-- (minute)" on plain PostgreSQL and empty on TimescaleDB (then a hypertable, see TimescaleSchema).
--
-- One row per (series, minute) that has at least one non-NaN sample. The row is recomputed from
-- the raw samples of that minute (plus the sample just before it) whenever a batch inserts new
-- samples into it, so re-delivered samples never count twice.
CREATE TABLE rollups_1m (
  series_id bigint           NOT NULL,
  minute    timestamptz      NOT NULL, -- start of the UTC minute
  count     integer          NOT NULL, -- non-NaN samples in the minute
  sum       double precision NOT NULL,
  min       double precision NOT NULL,
  max       double precision NOT NULL,
  first     double precision NOT NULL,
  last      double precision NOT NULL,
  last_ts   timestamptz      NOT NULL,
  -- counter increase, Prometheus-style without extrapolation: the reset-aware steps between the
  -- minute's samples plus the step from the series' previous sample (within the lookback) into
  -- the minute; summing it over adjacent minutes gives the increase over the whole range
  increase  double precision NOT NULL,
  PRIMARY KEY (series_id, minute)
) ${rollups_partitioning};

-- Hourly rollups: the 1-minute rows of each hour summed (no first/last: nothing reads them per
-- hour). Recomputed from rollups_1m for every hour whose minutes a batch recomputed, in the same
-- transaction, so they stay exactly the sum of their minutes. What long windows read for whole
-- hours (30 days = 720 rows per series instead of 43,200); ${rollups_1h_partitioning} as above.
CREATE TABLE rollups_1h (
  series_id bigint           NOT NULL,
  hour      timestamptz      NOT NULL, -- start of the UTC hour
  count     integer          NOT NULL,
  sum       double precision NOT NULL,
  min       double precision NOT NULL,
  max       double precision NOT NULL,
  increase  double precision NOT NULL,
  PRIMARY KEY (series_id, hour)
) ${rollups_1h_partitioning};
-- Long windows read (count, increase) of one series' hours. Rollups arrive time-major (every
-- minute, all series), so one series' hours lie on a different heap page each; this covering
-- index lets the read be an index-only scan over a few adjacent index pages instead
-- (docs/benchmarks.md "SLO engine").
CREATE INDEX rollups_1h_series_covering ON rollups_1h (series_id, hour) INCLUDE (count, increase);
