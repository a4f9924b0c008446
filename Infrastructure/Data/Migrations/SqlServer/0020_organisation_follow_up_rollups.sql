-- Organisation rows in follow_up_days, as 0016 does for the activity and opportunity rollups: the rows of owner
-- 00000000-0000-0000-0000-000000000000 hold, per day, the sum of every owner's row, kept by triggers on the rollup
-- itself, so the organisation's follow-up figures read one row per day whatever the number of reps.

CREATE TRIGGER tr_follow_up_days_organisation ON follow_up_days AFTER INSERT, UPDATE AS
BEGIN
    SET NOCOUNT ON;
    MERGE follow_up_days AS d
    USING (
        SELECT r.day, SUM(r.due) AS due, SUM(r.open_due) AS open_due, SUM(r.completed) AS completed, SUM(r.completed_on_time) AS completed_on_time
        FROM (
            SELECT day, due, open_due, completed, completed_on_time FROM inserted WHERE owner_id <> '00000000-0000-0000-0000-000000000000'
            UNION ALL SELECT day, -due, -open_due, -completed, -completed_on_time FROM deleted WHERE owner_id <> '00000000-0000-0000-0000-000000000000'
        ) r
        GROUP BY r.day
    ) AS s ON d.day = s.day AND d.owner_id = '00000000-0000-0000-0000-000000000000'
    WHEN MATCHED THEN UPDATE SET due = d.due + s.due, open_due = d.open_due + s.open_due, completed = d.completed + s.completed, completed_on_time = d.completed_on_time + s.completed_on_time
    WHEN NOT MATCHED THEN INSERT (day, owner_id, due, open_due, completed, completed_on_time) VALUES (s.day, '00000000-0000-0000-0000-000000000000', s.due, s.open_due, s.completed, s.completed_on_time);
END;
