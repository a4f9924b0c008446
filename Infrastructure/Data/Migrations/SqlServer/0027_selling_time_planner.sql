-- Non-selling time a rep logs (admin, training, internal meetings, travel), read by the selling-time metric beside the
-- durations of calls, meetings and emails; and the organisation's calendar of non-working days, read by the planner.

CREATE TABLE time_entries (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY NONCLUSTERED,
    owner_id UNIQUEIDENTIFIER NOT NULL REFERENCES users (id),
    kind VARCHAR(32) NOT NULL CHECK (kind IN ('admin', 'training', 'internal_meeting', 'travel')),
    occurred_at DATETIMEOFFSET(3) NOT NULL,
    duration_minutes INT NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
    note NVARCHAR(2000) NULL,
    created_at DATETIMEOFFSET(3) NOT NULL,
    created_by UNIQUEIDENTIFIER NOT NULL,
    updated_at DATETIMEOFFSET(3) NOT NULL,
    deleted_at DATETIMEOFFSET(3) NULL,
    deleted_by UNIQUEIDENTIFIER NULL,
    version INT NOT NULL
);

CREATE INDEX ix_time_entries_owner ON time_entries (owner_id, occurred_at);
CREATE INDEX ix_time_entries_occurred ON time_entries (occurred_at);

-- The organisation's selling time over a window reads only what it sums: live calls, emails and meetings by start,
-- with owner, type, duration and outcome in the index, so a quarter never touches the activity rows themselves.
CREATE INDEX ix_activities_selling_time ON activities (occurred_at, type)
    INCLUDE (owner_id, duration_seconds, outcome, deleted_at) WHERE deleted_at IS NULL;

CREATE TABLE non_working_days (
    day DATE NOT NULL PRIMARY KEY,
    name NVARCHAR(100) NOT NULL,
    created_at DATETIMEOFFSET(3) NOT NULL,
    created_by UNIQUEIDENTIFIER NOT NULL
);
