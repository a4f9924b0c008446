-- Organisation totals in the day rollups: the rows of owner '00000000-0000-0000-0000-000000000000' hold, for each day (and each
-- other key of the rollup), the sum of every owner's rows, kept by triggers on the rollup itself (each change to an
-- owner's row adds the same change to the organisation's row, in the same statement and transaction), so an
-- organisation-wide metric reads one row per day whatever the number of reps. Readers pick rows with
-- MetricSql.RollupOwners; the rebuild (Rollups/DayRollups) fills them through these triggers. RECURSIVE_TRIGGERS is off, so a
-- trigger's own MERGE into its table does not fire it again.

CREATE TRIGGER tr_activity_days_organisation ON activity_days AFTER INSERT, UPDATE AS
BEGIN
    SET NOCOUNT ON;
    MERGE activity_days AS d
    USING (
        SELECT r.day, SUM(r.outbound_calls) AS outbound_calls, SUM(r.inbound_calls) AS inbound_calls, SUM(r.connected_calls) AS connected_calls, SUM(r.emails_sent) AS emails_sent, SUM(r.email_replies) AS email_replies, SUM(r.emails_received) AS emails_received, SUM(r.meetings) AS meetings, SUM(r.meetings_held) AS meetings_held, SUM(r.notes) AS notes, SUM(r.meetings_booked) AS meetings_booked
        FROM (
            SELECT day, outbound_calls, inbound_calls, connected_calls, emails_sent, email_replies, emails_received, meetings, meetings_held, notes, meetings_booked FROM inserted WHERE owner_id <> '00000000-0000-0000-0000-000000000000'
            UNION ALL SELECT day, -outbound_calls, -inbound_calls, -connected_calls, -emails_sent, -email_replies, -emails_received, -meetings, -meetings_held, -notes, -meetings_booked FROM deleted WHERE owner_id <> '00000000-0000-0000-0000-000000000000'
        ) r
        GROUP BY r.day
    ) AS s ON d.day = s.day AND d.owner_id = '00000000-0000-0000-0000-000000000000'
    WHEN MATCHED THEN UPDATE SET outbound_calls = d.outbound_calls + s.outbound_calls, inbound_calls = d.inbound_calls + s.inbound_calls, connected_calls = d.connected_calls + s.connected_calls, emails_sent = d.emails_sent + s.emails_sent, email_replies = d.email_replies + s.email_replies, emails_received = d.emails_received + s.emails_received, meetings = d.meetings + s.meetings, meetings_held = d.meetings_held + s.meetings_held, notes = d.notes + s.notes, meetings_booked = d.meetings_booked + s.meetings_booked
    WHEN NOT MATCHED THEN INSERT (day, owner_id, outbound_calls, inbound_calls, connected_calls, emails_sent, email_replies, emails_received, meetings, meetings_held, notes, meetings_booked) VALUES (s.day, '00000000-0000-0000-0000-000000000000', s.outbound_calls, s.inbound_calls, s.connected_calls, s.emails_sent, s.email_replies, s.emails_received, s.meetings, s.meetings_held, s.notes, s.meetings_booked);
END;
GO

CREATE TRIGGER tr_opportunity_days_organisation ON opportunity_days AFTER INSERT, UPDATE AS
BEGIN
    SET NOCOUNT ON;
    MERGE opportunity_days AS d
    USING (
        SELECT r.day, r.pipeline_id, SUM(r.created) AS created, SUM(r.won) AS won, SUM(r.won_amount) AS won_amount, SUM(r.lost) AS lost, SUM(r.opened) AS opened, SUM(r.closed) AS closed
        FROM (
            SELECT day, pipeline_id, created, won, won_amount, lost, opened, closed FROM inserted WHERE owner_id <> '00000000-0000-0000-0000-000000000000'
            UNION ALL SELECT day, pipeline_id, -created, -won, -won_amount, -lost, -opened, -closed FROM deleted WHERE owner_id <> '00000000-0000-0000-0000-000000000000'
        ) r
        GROUP BY r.day, r.pipeline_id
    ) AS s ON d.day = s.day AND d.owner_id = '00000000-0000-0000-0000-000000000000' AND d.pipeline_id = s.pipeline_id
    WHEN MATCHED THEN UPDATE SET created = d.created + s.created, won = d.won + s.won, won_amount = d.won_amount + s.won_amount, lost = d.lost + s.lost, opened = d.opened + s.opened, closed = d.closed + s.closed
    WHEN NOT MATCHED THEN INSERT (day, owner_id, pipeline_id, created, won, won_amount, lost, opened, closed) VALUES (s.day, '00000000-0000-0000-0000-000000000000', s.pipeline_id, s.created, s.won, s.won_amount, s.lost, s.opened, s.closed);
END;
