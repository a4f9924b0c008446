-- 0042's covering owner-first indexes for the other two day rollups keyed (day, owner): follow_up_days and
-- lost_reason_days. With only (owner, day) the planner may prefer the primary key's day range and read every owner's
-- rows of the window to keep the organisation's or a rep's (it did on the medium database: 4,700 rows for 92).
DROP INDEX ix_follow_up_days_owner;
CREATE INDEX ix_follow_up_days_owner ON follow_up_days (owner_id, day, due, open_due, completed, completed_on_time);
DROP INDEX ix_lost_reason_days_owner;
CREATE INDEX ix_lost_reason_days_owner ON lost_reason_days (owner_id, day, pipeline_id, lost_reason_id, competitor, lost, lost_amount);
