-- A pipeline snapshot as of a past instant finds the deals through the stage moves that span it, then each deal's
-- amount, pipeline, creation and deleted flag: this index answers that lookup alone (the table row is never read).
CREATE INDEX ix_opportunities_id_snapshot ON opportunities (id) INCLUDE (deleted_at, created_at, owner_id, pipeline_id, amount);
