-- Follow-ups counted in a window by due time and by completion time (sections A and B): covering indexes, so a
-- quarter across every rep is read from the index alone. The completion index replaces 0008's narrower one.
CREATE INDEX ix_follow_ups_due ON follow_ups (due_at, status, owner_id, deleted_at);
CREATE INDEX ix_follow_ups_completed_cover ON follow_ups (completed_at, status, owner_id, deleted_at);
DROP INDEX ix_follow_ups_completed;
