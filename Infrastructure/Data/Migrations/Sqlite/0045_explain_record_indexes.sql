-- Explain pages of the activity figures (ActivityMetricsStore) read their records in (instant, id) order from an index led
-- by the instant, or by the owner and the instant for a rep or team, from the cursor on, and stop after the page. Three
-- instants had no such index:
--   booked_at  (on activities) when a meeting was booked: when it was recorded, or at its start when it was recorded after
--              it (imported history has no separate booking time); NULL for the other activities. meetings_booked counts
--              meetings by it (activity_days).
--   a follow-up's completion time for a rep or team (the owner index is keyed by status and due time), and the due time of
--   the open ones (follow_ups_overdue: the due-time index holds every status, so a past window read all its follow-ups to
--   find none open);
--   an opportunity's creation time for a rep or team (the owner index is keyed by stage).
ALTER TABLE activities ADD COLUMN booked_at INTEGER GENERATED ALWAYS AS (
    CASE WHEN type = 'meeting' THEN CASE WHEN occurred_at < created_at THEN occurred_at ELSE created_at END END) VIRTUAL;

CREATE INDEX ix_activities_booked ON activities (booked_at) WHERE type = 'meeting' AND deleted_at IS NULL;
CREATE INDEX ix_activities_owner_booked ON activities (owner_id, booked_at) WHERE type = 'meeting' AND deleted_at IS NULL;

CREATE INDEX ix_follow_ups_owner_completed ON follow_ups (owner_id, completed_at) WHERE status = 'completed' AND deleted_at IS NULL;
CREATE INDEX ix_follow_ups_open_due ON follow_ups (due_at) WHERE status = 'open' AND deleted_at IS NULL;

CREATE INDEX ix_opportunities_owner_created ON opportunities (owner_id, created_at) WHERE deleted_at IS NULL;
