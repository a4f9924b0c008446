-- owner_months: per owner and calendar month of the organisation's zone (month = its first day), the sums of that owner's
-- day rollup rows of the month: won, won_amount from opportunity_days; calls (outbound + inbound), emails (sent +
-- received), meetings and notes from activity_days. Organisation rows (owner '00000000-0000-0000-0000-000000000000') are
-- not summed. Triggers on the two day rollups keep it exact in the same statement as every change to a day row (inserted
-- rows add, deleted rows subtract), so a per-rep figure over whole months reads one row per rep and month.
-- OwnerMonthRollup rebuilds it from the day rollups.
CREATE TABLE owner_months (
    month DATE NOT NULL,
    owner_id UNIQUEIDENTIFIER NOT NULL,
    won INT NOT NULL CONSTRAINT df_owner_months_won DEFAULT 0,
    won_amount DECIMAL(19,4) NOT NULL CONSTRAINT df_owner_months_won_amount DEFAULT 0,
    calls INT NOT NULL CONSTRAINT df_owner_months_calls DEFAULT 0,
    emails INT NOT NULL CONSTRAINT df_owner_months_emails DEFAULT 0,
    meetings INT NOT NULL CONSTRAINT df_owner_months_meetings DEFAULT 0,
    notes INT NOT NULL CONSTRAINT df_owner_months_notes DEFAULT 0,
    CONSTRAINT pk_owner_months PRIMARY KEY (month, owner_id)
);

CREATE INDEX ix_owner_months_owner ON owner_months (owner_id, month);
GO

CREATE TRIGGER tr_opportunity_days_owner_months ON opportunity_days AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    MERGE owner_months AS m
    USING (
        SELECT DATEFROMPARTS(YEAR(r.day), MONTH(r.day), 1) AS month, r.owner_id, SUM(r.won) AS won, SUM(r.won_amount) AS won_amount
        FROM (
            SELECT day, owner_id, won, won_amount FROM inserted WHERE owner_id <> '00000000-0000-0000-0000-000000000000'
            UNION ALL SELECT day, owner_id, -won, -won_amount FROM deleted WHERE owner_id <> '00000000-0000-0000-0000-000000000000'
        ) r
        GROUP BY DATEFROMPARTS(YEAR(r.day), MONTH(r.day), 1), r.owner_id
        HAVING SUM(r.won) <> 0 OR SUM(r.won_amount) <> 0
    ) AS s ON m.month = s.month AND m.owner_id = s.owner_id
    WHEN MATCHED THEN UPDATE SET won = m.won + s.won, won_amount = m.won_amount + s.won_amount
    WHEN NOT MATCHED THEN INSERT (month, owner_id, won, won_amount) VALUES (s.month, s.owner_id, s.won, s.won_amount);
END;
GO

CREATE TRIGGER tr_activity_days_owner_months ON activity_days AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    MERGE owner_months AS m
    USING (
        SELECT DATEFROMPARTS(YEAR(r.day), MONTH(r.day), 1) AS month, r.owner_id, SUM(r.calls) AS calls, SUM(r.emails) AS emails,
               SUM(r.meetings) AS meetings, SUM(r.notes) AS notes
        FROM (
            SELECT day, owner_id, outbound_calls + inbound_calls AS calls, emails_sent + emails_received AS emails, meetings, notes
            FROM inserted WHERE owner_id <> '00000000-0000-0000-0000-000000000000'
            UNION ALL SELECT day, owner_id, -(outbound_calls + inbound_calls), -(emails_sent + emails_received), -meetings, -notes
            FROM deleted WHERE owner_id <> '00000000-0000-0000-0000-000000000000'
        ) r
        GROUP BY DATEFROMPARTS(YEAR(r.day), MONTH(r.day), 1), r.owner_id
        HAVING SUM(r.calls) <> 0 OR SUM(r.emails) <> 0 OR SUM(r.meetings) <> 0 OR SUM(r.notes) <> 0
    ) AS s ON m.month = s.month AND m.owner_id = s.owner_id
    WHEN MATCHED THEN UPDATE SET calls = m.calls + s.calls, emails = m.emails + s.emails, meetings = m.meetings + s.meetings, notes = m.notes + s.notes
    WHEN NOT MATCHED THEN INSERT (month, owner_id, calls, emails, meetings, notes) VALUES (s.month, s.owner_id, s.calls, s.emails, s.meetings, s.notes);
END;
GO
