-- Stage moves carry what the pipeline metrics would otherwise find by joining each move to its neighbours, kept exact
-- by triggers in the same transaction as every write (StageMoveRollup rebuilds them after a migration):
--   from_entered_at, from_stage_ms  when the stage this move leaves was entered (the previous move) and the time spent in it;
--   left_at, next_stage_id          when the stage this move entered was left and for which stage (the next move; NULL while still there);
--   owner_id, opportunity_deleted   the opportunity's current owner and whether it is soft-deleted.
-- Days in stage and stage conversion read a window's moves alone; the pipeline as of a past instant reads the moves left
-- after it. stage_exit_days counts, per stage and whole day spent in it, the exits of opportunities not deleted, so a
-- stage's historical median is found by summing a few hundred day counts and reading the index from the right day on.
ALTER TABLE stage_moves ADD from_entered_at DATETIMEOFFSET(3) NULL;
ALTER TABLE stage_moves ADD from_stage_ms BIGINT NULL;
ALTER TABLE stage_moves ADD left_at DATETIMEOFFSET(3) NULL;
ALTER TABLE stage_moves ADD next_stage_id UNIQUEIDENTIFIER NULL;
ALTER TABLE stage_moves ADD owner_id UNIQUEIDENTIFIER NULL;
ALTER TABLE stage_moves ADD opportunity_deleted INT NOT NULL CONSTRAINT df_stage_moves_opportunity_deleted DEFAULT 0;
GO

CREATE INDEX ix_stage_moves_owner_window ON stage_moves (owner_id, occurred_at)
    INCLUDE (opportunity_deleted, from_stage_id, from_entered_at, to_stage_id, next_stage_id);
CREATE INDEX ix_stage_moves_left ON stage_moves (left_at, occurred_at) INCLUDE (to_stage_id, opportunity_id);
CREATE INDEX ix_stage_moves_stage_duration ON stage_moves (from_stage_id, opportunity_deleted, from_stage_ms);

CREATE TABLE stage_exit_days (
    stage_id UNIQUEIDENTIFIER NOT NULL,
    day BIGINT NOT NULL,
    exits INT NOT NULL CONSTRAINT df_stage_exit_days_exits DEFAULT 0,
    CONSTRAINT pk_stage_exit_days PRIMARY KEY (stage_id, day)
);
GO

CREATE TRIGGER tr_stage_moves_links ON stage_moves AFTER INSERT AS
BEGIN
    SET NOCOUNT ON;
    UPDATE m SET from_entered_at = p.occurred_at, from_stage_ms = DATEDIFF_BIG(millisecond, p.occurred_at, m.occurred_at)
    FROM stage_moves m
    JOIN stage_moves p ON p.opportunity_id = m.opportunity_id AND p.move_number = m.move_number - 1
    WHERE EXISTS (SELECT 1 FROM inserted i WHERE i.opportunity_id = m.opportunity_id AND i.move_number IN (m.move_number, m.move_number - 1));
    UPDATE m SET left_at = n.occurred_at, next_stage_id = n.to_stage_id
    FROM stage_moves m
    JOIN stage_moves n ON n.opportunity_id = m.opportunity_id AND n.move_number = m.move_number + 1
    WHERE EXISTS (SELECT 1 FROM inserted i WHERE i.opportunity_id = m.opportunity_id AND i.move_number IN (m.move_number, m.move_number + 1));
    UPDATE m SET owner_id = o.owner_id, opportunity_deleted = CASE WHEN o.deleted_at IS NULL THEN 0 ELSE 1 END
    FROM stage_moves m
    JOIN inserted i ON i.id = m.id
    JOIN opportunities o ON o.id = m.opportunity_id;
END;
GO

CREATE TRIGGER tr_stage_moves_opportunity ON opportunities AFTER INSERT, UPDATE AS
BEGIN
    SET NOCOUNT ON;
    IF UPDATE(owner_id) OR UPDATE(deleted_at)
        UPDATE m SET owner_id = i.owner_id, opportunity_deleted = CASE WHEN i.deleted_at IS NULL THEN 0 ELSE 1 END
        FROM stage_moves m
        JOIN inserted i ON i.id = m.opportunity_id
        WHERE m.owner_id IS NULL OR m.owner_id <> i.owner_id
           OR m.opportunity_deleted <> CASE WHEN i.deleted_at IS NULL THEN 0 ELSE 1 END;
END;
GO

-- An exit counts once its duration is known and while its opportunity is not deleted; every change to those columns is an
-- update made by the triggers above (nested triggers, SQL Server's default), so this one trigger moves the count.
CREATE TRIGGER tr_stage_moves_exit_days ON stage_moves AFTER UPDATE AS
BEGIN
    SET NOCOUNT ON;
    IF NOT (UPDATE(from_stage_id) OR UPDATE(from_stage_ms) OR UPDATE(opportunity_deleted)) RETURN;
    MERGE stage_exit_days AS d
    USING (
        SELECT r.stage_id, r.day, SUM(r.sign) AS exits
        FROM (
            SELECT 1 AS sign, from_stage_id AS stage_id, from_stage_ms / 86400000 AS day FROM inserted
            WHERE from_stage_id IS NOT NULL AND from_stage_ms IS NOT NULL AND opportunity_deleted = 0
            UNION ALL SELECT -1, from_stage_id, from_stage_ms / 86400000 FROM deleted
            WHERE from_stage_id IS NOT NULL AND from_stage_ms IS NOT NULL AND opportunity_deleted = 0
        ) r
        GROUP BY r.stage_id, r.day
    ) AS s ON d.stage_id = s.stage_id AND d.day = s.day
    WHEN MATCHED THEN UPDATE SET exits = d.exits + s.exits
    WHEN NOT MATCHED THEN INSERT (stage_id, day, exits) VALUES (s.stage_id, s.day, s.exits);
END;
