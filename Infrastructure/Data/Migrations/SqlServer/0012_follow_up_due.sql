-- Follow-ups by due time (section A: due and overdue in a window).
CREATE INDEX ix_follow_ups_due ON follow_ups (due_at);
