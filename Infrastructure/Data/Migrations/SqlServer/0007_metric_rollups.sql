-- Day rollups of activities, kept exact by triggers in the same transaction as every write to activities.
-- metric_calendar holds each local calendar day of the organisation's time zone with the UTC instant it starts
-- (1970-01-01 to 2099-12-31; filled and refilled by MetricCalendar whenever the zone changes, which also rebuilds
-- activity_days). activity_days counts, per owner and local day, what section A of the metrics reports: calls, emails,
-- meetings and notes by the day they happened, and meetings booked by the day they were booked (recorded, or started
-- when recorded afterwards). Soft-deleted activities are not counted; an update moves the row's counts.

CREATE TABLE metric_calendar (
    day DATE NOT NULL CONSTRAINT pk_metric_calendar PRIMARY KEY,
    starts_at DATETIMEOFFSET(3) NOT NULL CONSTRAINT ux_metric_calendar_starts UNIQUE
);

CREATE TABLE metric_calendar_zone (
    id INT NOT NULL CONSTRAINT pk_metric_calendar_zone PRIMARY KEY CONSTRAINT ck_metric_calendar_zone_id CHECK (id = 1),
    time_zone NVARCHAR(100) NOT NULL
);

CREATE TABLE activity_days (
    day DATE NOT NULL,
    owner_id UNIQUEIDENTIFIER NOT NULL,
    outbound_calls INT NOT NULL CONSTRAINT df_activity_days_outbound_calls DEFAULT 0,
    inbound_calls INT NOT NULL CONSTRAINT df_activity_days_inbound_calls DEFAULT 0,
    connected_calls INT NOT NULL CONSTRAINT df_activity_days_connected_calls DEFAULT 0,
    emails_sent INT NOT NULL CONSTRAINT df_activity_days_emails_sent DEFAULT 0,
    email_replies INT NOT NULL CONSTRAINT df_activity_days_email_replies DEFAULT 0,
    emails_received INT NOT NULL CONSTRAINT df_activity_days_emails_received DEFAULT 0,
    meetings INT NOT NULL CONSTRAINT df_activity_days_meetings DEFAULT 0,
    meetings_held INT NOT NULL CONSTRAINT df_activity_days_meetings_held DEFAULT 0,
    notes INT NOT NULL CONSTRAINT df_activity_days_notes DEFAULT 0,
    meetings_booked INT NOT NULL CONSTRAINT df_activity_days_meetings_booked DEFAULT 0,
    CONSTRAINT pk_activity_days PRIMARY KEY (day, owner_id)
);

CREATE INDEX ix_activity_days_owner ON activity_days (owner_id, day);
GO

CREATE TRIGGER tr_activities_rollup ON activities AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    MERGE activity_days AS d
    USING (
        SELECT r.owner_id, c.day,
                SUM(CASE WHEN r.booking = 0 AND r.type = 'call' AND r.direction = 'outbound' THEN r.sign ELSE 0 END) AS outbound_calls,
                SUM(CASE WHEN r.booking = 0 AND r.type = 'call' AND r.direction = 'inbound' THEN r.sign ELSE 0 END) AS inbound_calls,
                SUM(CASE WHEN r.booking = 0 AND r.type = 'call' AND r.outcome = 'connected' THEN r.sign ELSE 0 END) AS connected_calls,
                SUM(CASE WHEN r.booking = 0 AND r.type = 'email' AND r.direction = 'outbound' THEN r.sign ELSE 0 END) AS emails_sent,
                SUM(CASE WHEN r.booking = 0 AND r.type = 'email' AND r.direction = 'outbound' AND r.replied_at IS NOT NULL THEN r.sign ELSE 0 END) AS email_replies,
                SUM(CASE WHEN r.booking = 0 AND r.type = 'email' AND r.direction = 'inbound' THEN r.sign ELSE 0 END) AS emails_received,
                SUM(CASE WHEN r.booking = 0 AND r.type = 'meeting' THEN r.sign ELSE 0 END) AS meetings,
                SUM(CASE WHEN r.booking = 0 AND r.type = 'meeting' AND r.outcome = 'held' THEN r.sign ELSE 0 END) AS meetings_held,
                SUM(CASE WHEN r.booking = 0 AND r.type = 'note' THEN r.sign ELSE 0 END) AS notes,
                SUM(CASE WHEN r.booking = 1 THEN r.sign ELSE 0 END) AS meetings_booked
        FROM (
            SELECT 1 AS sign, 0 AS booking, owner_id, type, direction, outcome, replied_at, occurred_at AS at FROM inserted WHERE deleted_at IS NULL
            UNION ALL SELECT -1, 0, owner_id, type, direction, outcome, replied_at, occurred_at FROM deleted WHERE deleted_at IS NULL
            UNION ALL SELECT 1, 1, owner_id, type, direction, outcome, replied_at, CASE WHEN occurred_at < created_at THEN occurred_at ELSE created_at END FROM inserted WHERE deleted_at IS NULL AND type = 'meeting'
            UNION ALL SELECT -1, 1, owner_id, type, direction, outcome, replied_at, CASE WHEN occurred_at < created_at THEN occurred_at ELSE created_at END FROM deleted WHERE deleted_at IS NULL AND type = 'meeting'
        ) r
        CROSS APPLY (SELECT TOP 1 mc.day FROM metric_calendar mc WHERE mc.starts_at <= r.at ORDER BY mc.starts_at DESC) c
        GROUP BY r.owner_id, c.day
    ) AS s ON d.day = s.day AND d.owner_id = s.owner_id
    WHEN MATCHED THEN UPDATE SET outbound_calls = d.outbound_calls + s.outbound_calls, inbound_calls = d.inbound_calls + s.inbound_calls, connected_calls = d.connected_calls + s.connected_calls, emails_sent = d.emails_sent + s.emails_sent, email_replies = d.email_replies + s.email_replies, emails_received = d.emails_received + s.emails_received, meetings = d.meetings + s.meetings, meetings_held = d.meetings_held + s.meetings_held, notes = d.notes + s.notes, meetings_booked = d.meetings_booked + s.meetings_booked
    WHEN NOT MATCHED THEN INSERT (day, owner_id, outbound_calls, inbound_calls, connected_calls, emails_sent, email_replies, emails_received, meetings, meetings_held, notes, meetings_booked) VALUES (s.day, s.owner_id, s.outbound_calls, s.inbound_calls, s.connected_calls, s.emails_sent, s.email_replies, s.emails_received, s.meetings, s.meetings_held, s.notes, s.meetings_booked);
END;
