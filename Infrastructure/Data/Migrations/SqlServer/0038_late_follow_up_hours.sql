-- Late follow-ups in whole-hour buckets, as lead response time (0030) keeps its leads: 0031 keyed late_follow_up_days by
-- the exact lateness in ms, which real completions almost never share, so it held about one row per late follow-up.
--   late_hour  (on follow_ups) the whole hours of completed_at - due_at rounded up when the follow-up was completed after
--              its due time (k for more than k - 1 and at most k hours: 1 ms late is hour 1), NULL otherwise. Its order is
--              the order of the lateness, so a median's bucket is found from the counts and only that bucket's follow-ups
--              are read (ix_follow_ups_late_hour).
--   late_follow_up_days  per owner, local day of completed_at and late_hour: the live follow-ups completed after their due
--              time, and the sum of their exact lateness in ms (so the average is exact from the sums).
-- The trigger on follow_ups keeps it exact (a set-based MERGE subtracting the deleted rows' contribution and adding the
-- inserted rows'). Organisation rows (owner '00000000-0000-0000-0000-000000000000') sum every owner's rows, kept by a
-- trigger on the rollup as 0016 does (RECURSIVE_TRIGGERS is off). Metrics/Rollups/FollowUpOutcomeDayRollup (version 2)
-- rebuilds it on start-up.
DROP TRIGGER tr_follow_ups_late_days;
DROP TRIGGER tr_late_follow_up_days_organisation;
DROP TABLE late_follow_up_days;
GO

ALTER TABLE follow_ups ADD
    late_hour AS (CASE WHEN completed_at > due_at THEN (DATEDIFF_BIG(MILLISECOND, due_at, completed_at) + 3599999) / 3600000 END) PERSISTED;
GO

-- Not filtered (SQL Server does not filter an index keyed on a computed column, nor on a comparison of two columns):
-- status, deleted_at and due_at are carried instead.
CREATE INDEX ix_follow_ups_late_hour ON follow_ups (late_hour, completed_at)
    INCLUDE (owner_id, due_at, status, deleted_at);

CREATE TABLE late_follow_up_days (
    owner_id UNIQUEIDENTIFIER NOT NULL,
    day DATE NOT NULL,
    late_hour BIGINT NOT NULL,
    follow_ups INT NOT NULL CONSTRAINT df_late_follow_up_days_follow_ups DEFAULT 0,
    late_ms BIGINT NOT NULL CONSTRAINT df_late_follow_up_days_late_ms DEFAULT 0,
    CONSTRAINT pk_late_follow_up_days PRIMARY KEY (owner_id, day, late_hour)
);
GO

CREATE TRIGGER tr_follow_ups_late_days ON follow_ups AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM inserted)
       AND NOT (UPDATE(owner_id) OR UPDATE(due_at) OR UPDATE(status) OR UPDATE(completed_at) OR UPDATE(deleted_at))
        RETURN;
    MERGE late_follow_up_days AS d
    USING (
        SELECT r.owner_id, c.day, r.late_hour, SUM(r.sign) AS follow_ups, SUM(r.sign * r.late_ms) AS late_ms
        FROM (
            SELECT 1 AS sign, owner_id, late_hour, DATEDIFF_BIG(MILLISECOND, due_at, completed_at) AS late_ms, completed_at AS at
            FROM inserted WHERE status = 'completed' AND deleted_at IS NULL AND completed_at > due_at
            UNION ALL SELECT -1, owner_id, late_hour, DATEDIFF_BIG(MILLISECOND, due_at, completed_at), completed_at
            FROM deleted WHERE status = 'completed' AND deleted_at IS NULL AND completed_at > due_at
        ) r
        CROSS APPLY (SELECT TOP 1 mc.day FROM metric_calendar mc WHERE mc.starts_at <= r.at ORDER BY mc.starts_at DESC) c
        GROUP BY r.owner_id, c.day, r.late_hour
        HAVING SUM(r.sign) <> 0 OR SUM(r.sign * r.late_ms) <> 0
    ) AS s ON d.owner_id = s.owner_id AND d.day = s.day AND d.late_hour = s.late_hour
    WHEN MATCHED THEN UPDATE SET follow_ups = d.follow_ups + s.follow_ups, late_ms = d.late_ms + s.late_ms
    WHEN NOT MATCHED THEN INSERT (owner_id, day, late_hour, follow_ups, late_ms)
        VALUES (s.owner_id, s.day, s.late_hour, s.follow_ups, s.late_ms);
END;
GO

CREATE TRIGGER tr_late_follow_up_days_organisation ON late_follow_up_days AFTER INSERT, UPDATE AS
BEGIN
    SET NOCOUNT ON;
    MERGE late_follow_up_days AS d
    USING (
        SELECT r.day, r.late_hour, SUM(r.follow_ups) AS follow_ups, SUM(r.late_ms) AS late_ms
        FROM (
            SELECT day, late_hour, follow_ups, late_ms FROM inserted WHERE owner_id <> '00000000-0000-0000-0000-000000000000'
            UNION ALL SELECT day, late_hour, -follow_ups, -late_ms FROM deleted WHERE owner_id <> '00000000-0000-0000-0000-000000000000'
        ) r
        GROUP BY r.day, r.late_hour
    ) AS s ON d.owner_id = '00000000-0000-0000-0000-000000000000' AND d.day = s.day AND d.late_hour = s.late_hour
    WHEN MATCHED THEN UPDATE SET follow_ups = d.follow_ups + s.follow_ups, late_ms = d.late_ms + s.late_ms
    WHEN NOT MATCHED THEN INSERT (owner_id, day, late_hour, follow_ups, late_ms)
        VALUES ('00000000-0000-0000-0000-000000000000', s.day, s.late_hour, s.follow_ups, s.late_ms);
END;
