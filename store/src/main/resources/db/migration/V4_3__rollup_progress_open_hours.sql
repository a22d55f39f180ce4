-- Whether a writer has written minute rows in hours at or after the watermark whose hour rows it
-- may not have written (docs/storage.md "Rollups"). Set by a writer with its first such minute
-- row; a writer that finds it set recomputes those hours from their minute rows the first time it
-- moves the watermark. A fresh database has none, so its first writer skips that scan.
ALTER TABLE rollup_progress ADD COLUMN open_hours boolean NOT NULL DEFAULT false;
UPDATE rollup_progress SET open_hours = true; -- written before this column existed: assume the worst
