-- metric_rollup_versions: the definition version each day rollup (Metrics/Rollups/DayRollups) was last built at for the
-- current zone. Start-up rebuilds a rollup only when its recorded version differs or is missing; a zone change clears the
-- table and rebuilds them all. So an unrelated migration costs no rebuild; a change to a rollup bumps its version in code.
CREATE TABLE metric_rollup_versions (
    name NVARCHAR(100) NOT NULL CONSTRAINT pk_metric_rollup_versions PRIMARY KEY,
    version INT NOT NULL
);

-- A rep's (or a team's) follow-up discipline reads its closed deals and late follow-ups of the window by owner first
-- (FollowUpMetricsStore.MemberDeals / MemberLate), from these indexes alone (a filtered index cannot compare two
-- columns, so the late follow-ups' index holds every live completed one).
CREATE INDEX ix_opportunities_owner_closed_follow_ups ON opportunities (owner_id, closed_at) INCLUDE (outcome, deleted_at, pipeline_id, follow_ups_at_close);
CREATE INDEX ix_follow_ups_owner_late ON follow_ups (owner_id, completed_at) INCLUDE (status, deleted_at, due_at, opportunity_id)
    WHERE status = 'completed' AND deleted_at IS NULL;

-- stage_move_follow_up_days: per owner (the opportunity's current one), local day of the move, stage left, stage entered
-- and completed follow-ups in the stage left (stage_moves.follow_ups_in_stage, 0013): the moves out of a stage of
-- opportunities not deleted. Follow-up discipline reads a window's stage advances from it (which moves are forward is
-- decided when read, from the stages as they are then); the follow-up count as a key makes the median exact.
-- The trigger on stage_moves keeps it exact: every change to those columns (a move written, its follow-up count moved by
-- a follow-up completed, deleted or restored later, the owner or deleted flag moved by 0015's triggers) is an insert, an
-- update or a delete of the move, so it subtracts the rows' old contribution and adds their new one.
-- Organisation rows (owner '00000000-0000-0000-0000-000000000000') sum every owner's rows, kept by a trigger on the
-- rollup as 0016 does. StageAdvanceDayRollup rebuilds it.
CREATE TABLE stage_move_follow_up_days (
    owner_id UNIQUEIDENTIFIER NOT NULL,
    day DATE NOT NULL,
    from_stage_id UNIQUEIDENTIFIER NOT NULL,
    to_stage_id UNIQUEIDENTIFIER NOT NULL,
    follow_ups INT NOT NULL,
    moves INT NOT NULL CONSTRAINT df_stage_move_follow_up_days_moves DEFAULT 0,
    CONSTRAINT pk_stage_move_follow_up_days PRIMARY KEY (owner_id, day, from_stage_id, to_stage_id, follow_ups)
);
GO

CREATE TRIGGER tr_stage_moves_follow_up_days ON stage_moves AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM inserted)
       AND NOT (UPDATE(from_stage_id) OR UPDATE(to_stage_id) OR UPDATE(occurred_at) OR UPDATE(owner_id)
                OR UPDATE(opportunity_deleted) OR UPDATE(follow_ups_in_stage))
        RETURN;
    MERGE stage_move_follow_up_days AS d
    USING (
        SELECT r.owner_id, c.day, r.from_stage_id, r.to_stage_id, r.follow_ups, SUM(r.sign) AS moves
        FROM (
            SELECT 1 AS sign, owner_id, from_stage_id, to_stage_id, follow_ups_in_stage AS follow_ups, occurred_at AS at
            FROM inserted WHERE owner_id IS NOT NULL AND opportunity_deleted = 0 AND from_stage_id IS NOT NULL
            UNION ALL SELECT -1, owner_id, from_stage_id, to_stage_id, follow_ups_in_stage, occurred_at
            FROM deleted WHERE owner_id IS NOT NULL AND opportunity_deleted = 0 AND from_stage_id IS NOT NULL
        ) r
        CROSS APPLY (SELECT TOP 1 mc.day FROM metric_calendar mc WHERE mc.starts_at <= r.at ORDER BY mc.starts_at DESC) c
        GROUP BY r.owner_id, c.day, r.from_stage_id, r.to_stage_id, r.follow_ups
        HAVING SUM(r.sign) <> 0
    ) AS s ON d.owner_id = s.owner_id AND d.day = s.day AND d.from_stage_id = s.from_stage_id AND d.to_stage_id = s.to_stage_id
              AND d.follow_ups = s.follow_ups
    WHEN MATCHED THEN UPDATE SET moves = d.moves + s.moves
    WHEN NOT MATCHED THEN INSERT (owner_id, day, from_stage_id, to_stage_id, follow_ups, moves)
        VALUES (s.owner_id, s.day, s.from_stage_id, s.to_stage_id, s.follow_ups, s.moves);
END;
GO

CREATE TRIGGER tr_stage_move_follow_up_days_organisation ON stage_move_follow_up_days AFTER INSERT, UPDATE AS
BEGIN
    SET NOCOUNT ON;
    MERGE stage_move_follow_up_days AS d
    USING (
        SELECT r.day, r.from_stage_id, r.to_stage_id, r.follow_ups, SUM(r.moves) AS moves
        FROM (
            SELECT day, from_stage_id, to_stage_id, follow_ups, moves FROM inserted WHERE owner_id <> '00000000-0000-0000-0000-000000000000'
            UNION ALL SELECT day, from_stage_id, to_stage_id, follow_ups, -moves FROM deleted WHERE owner_id <> '00000000-0000-0000-0000-000000000000'
        ) r
        GROUP BY r.day, r.from_stage_id, r.to_stage_id, r.follow_ups
    ) AS s ON d.owner_id = '00000000-0000-0000-0000-000000000000' AND d.day = s.day AND d.from_stage_id = s.from_stage_id
              AND d.to_stage_id = s.to_stage_id AND d.follow_ups = s.follow_ups
    WHEN MATCHED THEN UPDATE SET moves = d.moves + s.moves
    WHEN NOT MATCHED THEN INSERT (owner_id, day, from_stage_id, to_stage_id, follow_ups, moves)
        VALUES ('00000000-0000-0000-0000-000000000000', s.day, s.from_stage_id, s.to_stage_id, s.follow_ups, s.moves);
END;
