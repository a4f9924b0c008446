-- Non-selling time (selling time's other half) sums the live time entries of a window by kind. These indexes carry what
-- it reads, so a window is read from the index alone: by instant for the organisation, by owner then instant for a rep
-- or a team's members (each member's range is sought, not every owner's window filtered). Every statement on time
-- entries reads live ones only, so they replace 0027's two indexes (which SQLite preferred while they alone had statistics).
DROP INDEX ix_time_entries_owner ON time_entries;
DROP INDEX ix_time_entries_occurred ON time_entries;
CREATE INDEX ix_time_entries_live_window ON time_entries (occurred_at) INCLUDE (owner_id, kind, duration_minutes, id) WHERE deleted_at IS NULL;
CREATE INDEX ix_time_entries_live_owner_window ON time_entries (owner_id, occurred_at) INCLUDE (kind, duration_minutes, id) WHERE deleted_at IS NULL;
