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
-- id is a key column here (activities, follow_ups and opportunities are heaps with a nonclustered primary key), so the
-- index order is the page order and TOP stops after the page instead of sorting the window.
-- booked_at is not persisted: the indexes hold it, and persisting it would rewrite every activity.
ALTER TABLE activities ADD
    booked_at AS (CASE WHEN type = 'meeting' THEN CASE WHEN occurred_at < created_at THEN occurred_at ELSE created_at END END);
GO

-- Not filtered (SQL Server does not filter an index keyed on a computed column): type and deleted_at are carried instead.
CREATE INDEX ix_activities_booked ON activities (booked_at, id) INCLUDE (type, deleted_at, owner_id);
CREATE INDEX ix_activities_owner_booked ON activities (owner_id, booked_at, id) INCLUDE (type, deleted_at);

CREATE INDEX ix_follow_ups_owner_completed ON follow_ups (owner_id, completed_at, id) WHERE status = 'completed' AND deleted_at IS NULL;
CREATE INDEX ix_follow_ups_open_due ON follow_ups (due_at, id) INCLUDE (owner_id) WHERE status = 'open' AND deleted_at IS NULL;

CREATE INDEX ix_opportunities_owner_created ON opportunities (owner_id, created_at, id) WHERE deleted_at IS NULL;
