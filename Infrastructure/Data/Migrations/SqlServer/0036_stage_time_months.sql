-- stage_time_months: the organisation rows of stage_time_days (owner '00000000-0000-0000-0000-000000000000') summed per
-- calendar month of the organisation's zone (month = its first day): exits per stage left and whole days spent in it,
-- with their total time there (ms). Days in stage for the organisation reads a window's whole months from it and only the
-- days around them from stage_time_days. The trigger on stage_time_days keeps it exact, set-based: it subtracts the old
-- organisation rows (deleted) and adds the new ones (inserted). StageTimeMonthRollup rebuilds it.
CREATE TABLE stage_time_months (
    month DATE NOT NULL,
    stage_id UNIQUEIDENTIFIER NOT NULL,
    spent_days INT NOT NULL,
    exits INT NOT NULL CONSTRAINT df_stage_time_months_exits DEFAULT 0,
    spent_ms BIGINT NOT NULL CONSTRAINT df_stage_time_months_spent_ms DEFAULT 0,
    CONSTRAINT pk_stage_time_months PRIMARY KEY (month, stage_id, spent_days)
);
GO

CREATE TRIGGER tr_stage_time_days_months ON stage_time_days AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    MERGE stage_time_months AS t
    USING (
        SELECT DATEFROMPARTS(YEAR(r.day), MONTH(r.day), 1) AS month, r.stage_id, r.spent_days, SUM(r.exits) AS exits, SUM(r.spent_ms) AS spent_ms
        FROM (
            SELECT day, stage_id, spent_days, exits, spent_ms FROM inserted WHERE owner_id = '00000000-0000-0000-0000-000000000000'
            UNION ALL SELECT day, stage_id, spent_days, -exits, -spent_ms FROM deleted WHERE owner_id = '00000000-0000-0000-0000-000000000000'
        ) r
        GROUP BY DATEFROMPARTS(YEAR(r.day), MONTH(r.day), 1), r.stage_id, r.spent_days
    ) AS s ON t.month = s.month AND t.stage_id = s.stage_id AND t.spent_days = s.spent_days
    WHEN MATCHED THEN UPDATE SET exits = t.exits + s.exits, spent_ms = t.spent_ms + s.spent_ms
    WHEN NOT MATCHED THEN INSERT (month, stage_id, spent_days, exits, spent_ms) VALUES (s.month, s.stage_id, s.spent_days, s.exits, s.spent_ms);
END;
