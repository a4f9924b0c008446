-- Quotas per rep and period (month, quarter or year), as revenue or as a count of won deals.
-- Every target ever set is kept in quota_history, so attainment can be read against the target in force.

CREATE TABLE quotas (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY NONCLUSTERED,
    user_id UNIQUEIDENTIFIER NOT NULL REFERENCES users (id),
    period VARCHAR(16) NOT NULL CHECK (period IN ('month', 'quarter', 'year')),
    period_start DATE NOT NULL,
    period_end DATE NOT NULL,
    kind VARCHAR(16) NOT NULL CHECK (kind IN ('revenue', 'deals')),
    target DECIMAL(19,4) NOT NULL,
    created_at DATETIMEOFFSET(3) NOT NULL,
    created_by UNIQUEIDENTIFIER NOT NULL,
    updated_at DATETIMEOFFSET(3) NOT NULL,
    deleted_at DATETIMEOFFSET(3) NULL,
    deleted_by UNIQUEIDENTIFIER NULL,
    version INT NOT NULL
);

CREATE UNIQUE INDEX ux_quotas_user_period ON quotas (user_id, period, period_start) WHERE deleted_at IS NULL;
CREATE INDEX ix_quotas_period ON quotas (period_start, period_end);

CREATE TABLE quota_history (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY NONCLUSTERED,
    quota_id UNIQUEIDENTIFIER NOT NULL REFERENCES quotas (id),
    kind VARCHAR(16) NOT NULL,
    target DECIMAL(19,4) NOT NULL,
    changed_at DATETIMEOFFSET(3) NOT NULL,
    changed_by UNIQUEIDENTIFIER NOT NULL,
    change VARCHAR(16) NOT NULL CHECK (change IN ('created', 'updated', 'deleted'))
);

CREATE INDEX ix_quota_history_quota ON quota_history (quota_id, changed_at);
