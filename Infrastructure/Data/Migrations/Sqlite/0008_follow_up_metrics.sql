-- Follow-up discipline metrics (docs/metrics/follow-ups.md): follow-ups completed in a window, and the completed
-- follow-ups of one opportunity between two instants (counted once per stage advance and per closed deal).
CREATE INDEX ix_follow_ups_completed ON follow_ups (completed_at);
CREATE INDEX ix_follow_ups_opportunity_completed ON follow_ups (opportunity_id, status, completed_at);
