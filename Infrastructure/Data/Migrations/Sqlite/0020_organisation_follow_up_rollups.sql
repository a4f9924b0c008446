-- Organisation rows in follow_up_days, as 0016 does for the activity and opportunity rollups: the rows of owner
-- 00000000-0000-0000-0000-000000000000 hold, per day, the sum of every owner's row, kept by triggers on the rollup
-- itself, so the organisation's follow-up figures read one row per day whatever the number of reps.

CREATE TRIGGER tr_follow_up_days_organisation_insert AFTER INSERT ON follow_up_days
WHEN NEW.owner_id <> '00000000-0000-0000-0000-000000000000'
BEGIN
    INSERT INTO follow_up_days (day, owner_id, due, open_due, completed, completed_on_time)
    VALUES (NEW.day, '00000000-0000-0000-0000-000000000000', NEW.due, NEW.open_due, NEW.completed, NEW.completed_on_time)
    ON CONFLICT (day, owner_id) DO UPDATE SET due = due + excluded.due, open_due = open_due + excluded.open_due, completed = completed + excluded.completed, completed_on_time = completed_on_time + excluded.completed_on_time;
END;

CREATE TRIGGER tr_follow_up_days_organisation_update AFTER UPDATE ON follow_up_days
WHEN NEW.owner_id <> '00000000-0000-0000-0000-000000000000'
BEGIN
    INSERT INTO follow_up_days (day, owner_id, due, open_due, completed, completed_on_time)
    VALUES (NEW.day, '00000000-0000-0000-0000-000000000000', NEW.due - OLD.due, NEW.open_due - OLD.open_due, NEW.completed - OLD.completed, NEW.completed_on_time - OLD.completed_on_time)
    ON CONFLICT (day, owner_id) DO UPDATE SET due = due + excluded.due, open_due = open_due + excluded.open_due, completed = completed + excluded.completed, completed_on_time = completed_on_time + excluded.completed_on_time;
END;
