-- Non-selling time a rep logs (admin, training, internal meetings, travel), read by the selling-time metric beside the
-- durations of calls, meetings and emails; and the organisation's calendar of non-working days, read by the planner.

CREATE TABLE time_entries (
    id TEXT NOT NULL PRIMARY KEY,
    owner_id TEXT NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL CHECK (kind IN ('admin', 'training', 'internal_meeting', 'travel')),
    occurred_at INTEGER NOT NULL,
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
    note TEXT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted_at INTEGER NULL,
    deleted_by TEXT NULL,
    version INTEGER NOT NULL
);

CREATE INDEX ix_time_entries_owner ON time_entries (owner_id, occurred_at);
CREATE INDEX ix_time_entries_occurred ON time_entries (occurred_at);

-- The organisation's selling time over a window reads only what it sums: live calls, emails and meetings by start,
-- with owner, type, duration and outcome in the index, so a quarter never touches the activity rows themselves.
CREATE INDEX ix_activities_selling_time ON activities (occurred_at, type, owner_id, duration_seconds, outcome, deleted_at)
    WHERE deleted_at IS NULL;

CREATE TABLE non_working_days (
    day TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL
);
