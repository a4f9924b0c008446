-- selling_time_days: per owner and local day of the organisation's zone, what selling time sums (SellingTimeMetricsStore's
-- Sums) over the activities that are selling time without regard to the clock: live calls, emails and meetings, a meeting
-- only if not cancelled. The one rule that depends on the clock (a meeting counts only once started) is applied when read:
-- the store reads these rows for the whole days before today and the activities themselves from the start of today.
-- The trigger on activities keeps it exact: it subtracts the old rows' contribution (deleted) and adds the new rows'
-- (inserted), set-based. Organisation rows (owner '00000000-0000-0000-0000-000000000000') sum every owner's rows, kept
-- by a trigger on the rollup as 0021 does. SellingTimeDayRollup rebuilds it.
CREATE TABLE selling_time_days (
    owner_id UNIQUEIDENTIFIER NOT NULL,
    day DATE NOT NULL,
    call_seconds BIGINT NOT NULL CONSTRAINT df_selling_time_days_call_seconds DEFAULT 0,
    meeting_seconds BIGINT NOT NULL CONSTRAINT df_selling_time_days_meeting_seconds DEFAULT 0,
    email_seconds BIGINT NOT NULL CONSTRAINT df_selling_time_days_email_seconds DEFAULT 0,
    timed INT NOT NULL CONSTRAINT df_selling_time_days_timed DEFAULT 0,
    untimed INT NOT NULL CONSTRAINT df_selling_time_days_untimed DEFAULT 0,
    CONSTRAINT pk_selling_time_days PRIMARY KEY (owner_id, day)
);
GO

CREATE TRIGGER tr_activities_selling_time_days ON activities AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM inserted)
       AND NOT (UPDATE(type) OR UPDATE(owner_id) OR UPDATE(occurred_at) OR UPDATE(duration_seconds) OR UPDATE(outcome) OR UPDATE(deleted_at))
        RETURN;
    MERGE selling_time_days AS d
    USING (
        SELECT r.owner_id, c.day,
               SUM(CASE WHEN r.type = 'call' THEN r.sign * CAST(COALESCE(r.duration_seconds, 0) AS BIGINT) ELSE 0 END) AS call_seconds,
               SUM(CASE WHEN r.type = 'meeting' THEN r.sign * CAST(COALESCE(r.duration_seconds, 0) AS BIGINT) ELSE 0 END) AS meeting_seconds,
               SUM(CASE WHEN r.type = 'email' THEN r.sign * CAST(COALESCE(r.duration_seconds, 0) AS BIGINT) ELSE 0 END) AS email_seconds,
               SUM(CASE WHEN r.duration_seconds IS NOT NULL THEN r.sign ELSE 0 END) AS timed,
               SUM(CASE WHEN r.duration_seconds IS NULL THEN r.sign ELSE 0 END) AS untimed
        FROM (
            SELECT 1 AS sign, owner_id, type, duration_seconds, occurred_at AS at FROM inserted
            WHERE deleted_at IS NULL AND type IN ('call', 'email', 'meeting') AND (type <> 'meeting' OR COALESCE(outcome, '') <> 'cancelled')
            UNION ALL SELECT -1, owner_id, type, duration_seconds, occurred_at FROM deleted
            WHERE deleted_at IS NULL AND type IN ('call', 'email', 'meeting') AND (type <> 'meeting' OR COALESCE(outcome, '') <> 'cancelled')
        ) r
        CROSS APPLY (SELECT TOP 1 mc.day FROM metric_calendar mc WHERE mc.starts_at <= r.at ORDER BY mc.starts_at DESC) c
        GROUP BY r.owner_id, c.day
    ) AS s ON d.owner_id = s.owner_id AND d.day = s.day
    WHEN MATCHED THEN UPDATE SET call_seconds = d.call_seconds + s.call_seconds, meeting_seconds = d.meeting_seconds + s.meeting_seconds,
        email_seconds = d.email_seconds + s.email_seconds, timed = d.timed + s.timed, untimed = d.untimed + s.untimed
    WHEN NOT MATCHED THEN INSERT (owner_id, day, call_seconds, meeting_seconds, email_seconds, timed, untimed)
        VALUES (s.owner_id, s.day, s.call_seconds, s.meeting_seconds, s.email_seconds, s.timed, s.untimed);
END;
GO

CREATE TRIGGER tr_selling_time_days_organisation ON selling_time_days AFTER INSERT, UPDATE AS
BEGIN
    SET NOCOUNT ON;
    MERGE selling_time_days AS d
    USING (
        SELECT r.day, SUM(r.call_seconds) AS call_seconds, SUM(r.meeting_seconds) AS meeting_seconds, SUM(r.email_seconds) AS email_seconds,
               SUM(r.timed) AS timed, SUM(r.untimed) AS untimed
        FROM (
            SELECT day, call_seconds, meeting_seconds, email_seconds, timed, untimed
            FROM inserted WHERE owner_id <> '00000000-0000-0000-0000-000000000000'
            UNION ALL SELECT day, -call_seconds, -meeting_seconds, -email_seconds, -timed, -untimed
            FROM deleted WHERE owner_id <> '00000000-0000-0000-0000-000000000000'
        ) r
        GROUP BY r.day
    ) AS s ON d.owner_id = '00000000-0000-0000-0000-000000000000' AND d.day = s.day
    WHEN MATCHED THEN UPDATE SET call_seconds = d.call_seconds + s.call_seconds, meeting_seconds = d.meeting_seconds + s.meeting_seconds,
        email_seconds = d.email_seconds + s.email_seconds, timed = d.timed + s.timed, untimed = d.untimed + s.untimed
    WHEN NOT MATCHED THEN INSERT (owner_id, day, call_seconds, meeting_seconds, email_seconds, timed, untimed)
        VALUES ('00000000-0000-0000-0000-000000000000', s.day, s.call_seconds, s.meeting_seconds, s.email_seconds, s.timed, s.untimed);
END;
