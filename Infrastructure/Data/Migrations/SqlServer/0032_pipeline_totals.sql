-- pipeline_totals: the deals not deleted per owner, pipeline and current stage, with their amount and the sum of the
-- instants they entered that stage (Unix ms), as they are now. A pipeline snapshot as of an instant after which nothing
-- moved (the usual "now") reads these few rows instead of every open deal; the average days in stage follows from the
-- sum of entry instants. The trigger on opportunities keeps it exact: it subtracts the old rows' contribution (deleted)
-- and adds the new rows' (inserted), set-based. PipelineTotalsRollup rebuilds it. Rows of won and lost stages are kept
-- too (the reader takes the open stages).
CREATE TABLE pipeline_totals (
    owner_id UNIQUEIDENTIFIER NOT NULL,
    pipeline_id UNIQUEIDENTIFIER NOT NULL,
    stage_id UNIQUEIDENTIFIER NOT NULL,
    deals INT NOT NULL CONSTRAINT df_pipeline_totals_deals DEFAULT 0,
    amount DECIMAL(19, 4) NOT NULL CONSTRAINT df_pipeline_totals_amount DEFAULT 0,
    entered_ms BIGINT NOT NULL CONSTRAINT df_pipeline_totals_entered_ms DEFAULT 0,
    CONSTRAINT pk_pipeline_totals PRIMARY KEY (owner_id, pipeline_id, stage_id)
);
GO

CREATE TRIGGER tr_opportunities_pipeline_totals ON opportunities AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM inserted)
       AND NOT (UPDATE(owner_id) OR UPDATE(pipeline_id) OR UPDATE(stage_id) OR UPDATE(amount) OR UPDATE(stage_entered_at) OR UPDATE(deleted_at))
        RETURN;
    MERGE pipeline_totals AS t
    USING (
        SELECT r.owner_id, r.pipeline_id, r.stage_id, SUM(r.sign) AS deals, SUM(r.sign * r.amount) AS amount,
               SUM(r.sign * DATEDIFF_BIG(millisecond, CAST('1970-01-01T00:00:00+00:00' AS DATETIMEOFFSET(3)), r.stage_entered_at)) AS entered_ms
        FROM (
            SELECT 1 AS sign, owner_id, pipeline_id, stage_id, amount, stage_entered_at FROM inserted WHERE deleted_at IS NULL
            UNION ALL SELECT -1, owner_id, pipeline_id, stage_id, amount, stage_entered_at FROM deleted WHERE deleted_at IS NULL
        ) r
        GROUP BY r.owner_id, r.pipeline_id, r.stage_id
    ) AS s ON t.owner_id = s.owner_id AND t.pipeline_id = s.pipeline_id AND t.stage_id = s.stage_id
    WHEN MATCHED THEN UPDATE SET deals = t.deals + s.deals, amount = t.amount + s.amount, entered_ms = t.entered_ms + s.entered_ms
    WHEN NOT MATCHED THEN INSERT (owner_id, pipeline_id, stage_id, deals, amount, entered_ms)
        VALUES (s.owner_id, s.pipeline_id, s.stage_id, s.deals, s.amount, s.entered_ms);
END;
GO

-- The deals in each stage by the instant they entered it: the middle deal(s) of an organisation's stage by time in stage
-- (OFFSET along it), the stale deals of a stage (entered before its limit), and whether any deal entered its stage after
-- an instant.
CREATE INDEX ix_opportunities_stage_entered ON opportunities (stage_id, stage_entered_at, id) INCLUDE (owner_id, pipeline_id)
    WHERE deleted_at IS NULL;

-- The same per owner: a rep's or a team's open deals by stage and entry instant, read from the index alone.
CREATE INDEX ix_opportunities_owner_stage_entered ON opportunities (owner_id, stage_id, stage_entered_at, id) INCLUDE (pipeline_id)
    WHERE deleted_at IS NULL;

-- Whether any owner changed after an instant (a snapshot then cannot take the current owners).
CREATE INDEX ix_owner_changes_occurred ON owner_changes (occurred_at);
