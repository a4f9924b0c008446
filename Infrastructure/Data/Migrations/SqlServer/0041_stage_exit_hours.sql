-- A stage's historical median (the stale-deal norm) is found from stage_exit_days (exits per whole day spent in the
-- stage), then read from ix_stage_moves_stage_duration from the middle day on. On three years of history a middle day
-- holds up to 140,000 exits, all stepped over to reach the middle rank. stage_exit_hours counts the same exits per whole
-- hour spent in the stage, so the read starts at the middle hour of the middle day and steps over one hour's exits at
-- most. Kept by the same changes as stage_exit_days (an exit counts once its duration is known and while its opportunity
-- is not deleted; the rollup StageExitHourRollup rebuilds it).
CREATE TABLE stage_exit_hours (
    stage_id UNIQUEIDENTIFIER NOT NULL,
    hour BIGINT NOT NULL,
    exits INT NOT NULL CONSTRAINT df_stage_exit_hours_exits DEFAULT 0,
    CONSTRAINT pk_stage_exit_hours PRIMARY KEY (stage_id, hour)
);
GO

CREATE TRIGGER tr_stage_moves_exit_hours ON stage_moves AFTER UPDATE AS
BEGIN
    SET NOCOUNT ON;
    IF NOT (UPDATE(from_stage_id) OR UPDATE(from_stage_ms) OR UPDATE(opportunity_deleted)) RETURN;
    MERGE stage_exit_hours AS h
    USING (
        SELECT r.stage_id, r.hour, SUM(r.sign) AS exits
        FROM (
            SELECT 1 AS sign, from_stage_id AS stage_id, from_stage_ms / 3600000 AS hour FROM inserted
            WHERE from_stage_id IS NOT NULL AND from_stage_ms IS NOT NULL AND opportunity_deleted = 0
            UNION ALL SELECT -1, from_stage_id, from_stage_ms / 3600000 FROM deleted
            WHERE from_stage_id IS NOT NULL AND from_stage_ms IS NOT NULL AND opportunity_deleted = 0
        ) r
        GROUP BY r.stage_id, r.hour
    ) AS s ON h.stage_id = s.stage_id AND h.hour = s.hour
    WHEN MATCHED THEN UPDATE SET exits = h.exits + s.exits
    WHEN NOT MATCHED THEN INSERT (stage_id, hour, exits) VALUES (s.stage_id, s.hour, s.exits);
END;
