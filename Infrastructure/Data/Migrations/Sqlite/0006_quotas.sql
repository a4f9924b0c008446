-- Quotas per rep and period (month, quarter or year), as revenue or as a count of won deals.
-- Every target ever set is kept in quota_history, so attainment can be read against the target in force.

CREATE TABLE quotas (
    id TEXT NOT NULL PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id),
    period TEXT NOT NULL CHECK (period IN ('month', 'quarter', 'year')),
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('revenue', 'deals')),
    target INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted_at INTEGER NULL,
    deleted_by TEXT NULL,
    version INTEGER NOT NULL
);

CREATE UNIQUE INDEX ux_quotas_user_period ON quotas (user_id, period, period_start) WHERE deleted_at IS NULL;
CREATE INDEX ix_quotas_period ON quotas (period_start, period_end);

CREATE TABLE quota_history (
    id TEXT NOT NULL PRIMARY KEY,
    quota_id TEXT NOT NULL REFERENCES quotas (id),
    kind TEXT NOT NULL,
    target INTEGER NOT NULL,
    changed_at INTEGER NOT NULL,
    changed_by TEXT NOT NULL,
    change TEXT NOT NULL CHECK (change IN ('created', 'updated', 'deleted'))
);

CREATE INDEX ix_quota_history_quota ON quota_history (quota_id, changed_at);
