-- Day rollups of the stage moves, so days in stage and stage conversion read a window's days instead of its moves, kept
-- exact by triggers on stage_moves in the same transaction as every write (StageDayRollup rebuilds them after a migration).
-- Both follow the columns 0015 keeps on each move (its neighbours, the opportunity's current owner and deleted flag): every
-- change to those is an insert or an update of the move (nested triggers, SQL Server's default), so this trigger subtracts
-- the rows' old contribution (deleted) and adds their new one (inserted). Only moves of opportunities not deleted, once
-- their owner is known, count.
--   stage_entry_days  per owner (current), local day of the entry, stage entered and the stage the next move went to
--                     ('00000000-0000-0000-0000-000000000000' while still in): entries. The fate is decided when read, from
--                     the stages as they are then (they can be reordered).
--   stage_time_days   per owner (current), local day of the exit, stage left and whole days spent in it: exits and the sum
--                     of their time in it (ms), so the average is exact and the median's whole day is found from the counts;
--                     the exits of that day are then read from stage_moves through from_stage_days (from_stage_ms in whole days).
-- Organisation rows (owner '00000000-0000-0000-0000-000000000000') sum every owner's rows, kept by triggers on the rollups
-- as 0016 does (RECURSIVE_TRIGGERS is off, so a trigger's own MERGE into its table does not fire it again).
ALTER TABLE stage_moves ADD from_stage_days AS (from_stage_ms / 86400000) PERSISTED;
GO

CREATE INDEX ix_stage_moves_stage_days_window ON stage_moves (from_stage_id, from_stage_days, occurred_at)
    INCLUDE (opportunity_deleted, owner_id, from_stage_ms);

CREATE TABLE stage_entry_days (
    owner_id UNIQUEIDENTIFIER NOT NULL,
    day DATE NOT NULL,
    stage_id UNIQUEIDENTIFIER NOT NULL,
    next_stage_id UNIQUEIDENTIFIER NOT NULL,
    entries INT NOT NULL CONSTRAINT df_stage_entry_days_entries DEFAULT 0,
    CONSTRAINT pk_stage_entry_days PRIMARY KEY (owner_id, day, stage_id, next_stage_id)
);

CREATE TABLE stage_time_days (
    owner_id UNIQUEIDENTIFIER NOT NULL,
    day DATE NOT NULL,
    stage_id UNIQUEIDENTIFIER NOT NULL,
    spent_days BIGINT NOT NULL,
    exits INT NOT NULL CONSTRAINT df_stage_time_days_exits DEFAULT 0,
    spent_ms BIGINT NOT NULL CONSTRAINT df_stage_time_days_spent_ms DEFAULT 0,
    CONSTRAINT pk_stage_time_days PRIMARY KEY (owner_id, day, stage_id, spent_days)
);
GO

CREATE TRIGGER tr_stage_moves_day_rollups ON stage_moves AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM inserted)
       AND NOT (UPDATE(to_stage_id) OR UPDATE(from_stage_id) OR UPDATE(from_stage_ms) OR UPDATE(occurred_at)
                OR UPDATE(next_stage_id) OR UPDATE(owner_id) OR UPDATE(opportunity_deleted))
        RETURN;
    MERGE stage_entry_days AS d
    USING (
        SELECT r.owner_id, c.day, r.stage_id, r.next_stage_id, SUM(r.sign) AS entries
        FROM (
            SELECT 1 AS sign, owner_id, to_stage_id AS stage_id, COALESCE(next_stage_id, '00000000-0000-0000-0000-000000000000') AS next_stage_id, occurred_at AS at
            FROM inserted WHERE owner_id IS NOT NULL AND opportunity_deleted = 0
            UNION ALL SELECT -1, owner_id, to_stage_id, COALESCE(next_stage_id, '00000000-0000-0000-0000-000000000000'), occurred_at
            FROM deleted WHERE owner_id IS NOT NULL AND opportunity_deleted = 0
        ) r
        CROSS APPLY (SELECT TOP 1 mc.day FROM metric_calendar mc WHERE mc.starts_at <= r.at ORDER BY mc.starts_at DESC) c
        GROUP BY r.owner_id, c.day, r.stage_id, r.next_stage_id
        HAVING SUM(r.sign) <> 0
    ) AS s ON d.owner_id = s.owner_id AND d.day = s.day AND d.stage_id = s.stage_id AND d.next_stage_id = s.next_stage_id
    WHEN MATCHED THEN UPDATE SET entries = d.entries + s.entries
    WHEN NOT MATCHED THEN INSERT (owner_id, day, stage_id, next_stage_id, entries) VALUES (s.owner_id, s.day, s.stage_id, s.next_stage_id, s.entries);
    MERGE stage_time_days AS d
    USING (
        SELECT r.owner_id, c.day, r.stage_id, r.spent_ms / 86400000 AS spent_days, SUM(r.sign) AS exits, SUM(r.sign * r.spent_ms) AS spent_ms
        FROM (
            SELECT 1 AS sign, owner_id, from_stage_id AS stage_id, from_stage_ms AS spent_ms, occurred_at AS at
            FROM inserted WHERE owner_id IS NOT NULL AND opportunity_deleted = 0 AND from_stage_id IS NOT NULL AND from_stage_ms IS NOT NULL
            UNION ALL SELECT -1, owner_id, from_stage_id, from_stage_ms, occurred_at
            FROM deleted WHERE owner_id IS NOT NULL AND opportunity_deleted = 0 AND from_stage_id IS NOT NULL AND from_stage_ms IS NOT NULL
        ) r
        CROSS APPLY (SELECT TOP 1 mc.day FROM metric_calendar mc WHERE mc.starts_at <= r.at ORDER BY mc.starts_at DESC) c
        GROUP BY r.owner_id, c.day, r.stage_id, r.spent_ms / 86400000
        HAVING SUM(r.sign) <> 0 OR SUM(r.sign * r.spent_ms) <> 0
    ) AS s ON d.owner_id = s.owner_id AND d.day = s.day AND d.stage_id = s.stage_id AND d.spent_days = s.spent_days
    WHEN MATCHED THEN UPDATE SET exits = d.exits + s.exits, spent_ms = d.spent_ms + s.spent_ms
    WHEN NOT MATCHED THEN INSERT (owner_id, day, stage_id, spent_days, exits, spent_ms) VALUES (s.owner_id, s.day, s.stage_id, s.spent_days, s.exits, s.spent_ms);
END;
GO

CREATE TRIGGER tr_stage_entry_days_organisation ON stage_entry_days AFTER INSERT, UPDATE AS
BEGIN
    SET NOCOUNT ON;
    MERGE stage_entry_days AS d
    USING (
        SELECT r.day, r.stage_id, r.next_stage_id, SUM(r.entries) AS entries
        FROM (
            SELECT day, stage_id, next_stage_id, entries FROM inserted WHERE owner_id <> '00000000-0000-0000-0000-000000000000'
            UNION ALL SELECT day, stage_id, next_stage_id, -entries FROM deleted WHERE owner_id <> '00000000-0000-0000-0000-000000000000'
        ) r
        GROUP BY r.day, r.stage_id, r.next_stage_id
    ) AS s ON d.owner_id = '00000000-0000-0000-0000-000000000000' AND d.day = s.day AND d.stage_id = s.stage_id AND d.next_stage_id = s.next_stage_id
    WHEN MATCHED THEN UPDATE SET entries = d.entries + s.entries
    WHEN NOT MATCHED THEN INSERT (owner_id, day, stage_id, next_stage_id, entries) VALUES ('00000000-0000-0000-0000-000000000000', s.day, s.stage_id, s.next_stage_id, s.entries);
END;
GO

CREATE TRIGGER tr_stage_time_days_organisation ON stage_time_days AFTER INSERT, UPDATE AS
BEGIN
    SET NOCOUNT ON;
    MERGE stage_time_days AS d
    USING (
        SELECT r.day, r.stage_id, r.spent_days, SUM(r.exits) AS exits, SUM(r.spent_ms) AS spent_ms
        FROM (
            SELECT day, stage_id, spent_days, exits, spent_ms FROM inserted WHERE owner_id <> '00000000-0000-0000-0000-000000000000'
            UNION ALL SELECT day, stage_id, spent_days, -exits, -spent_ms FROM deleted WHERE owner_id <> '00000000-0000-0000-0000-000000000000'
        ) r
        GROUP BY r.day, r.stage_id, r.spent_days
    ) AS s ON d.owner_id = '00000000-0000-0000-0000-000000000000' AND d.day = s.day AND d.stage_id = s.stage_id AND d.spent_days = s.spent_days
    WHEN MATCHED THEN UPDATE SET exits = d.exits + s.exits, spent_ms = d.spent_ms + s.spent_ms
    WHEN NOT MATCHED THEN INSERT (owner_id, day, stage_id, spent_days, exits, spent_ms) VALUES ('00000000-0000-0000-0000-000000000000', s.day, s.stage_id, s.spent_days, s.exits, s.spent_ms);
END;
