-- The sales records: directory, leads, pipelines and stages, opportunities with their stage history,
-- activities and follow-ups, and idempotency keys. Soft-deleted rows keep deleted_at/deleted_by.
-- external_source is the integration client (or person) that owns external_id; the pair is unique per table.

CREATE TABLE pipelines (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY NONCLUSTERED,
    name NVARCHAR(200) NOT NULL UNIQUE,
    is_default BIT NOT NULL,
    created_at DATETIMEOFFSET(3) NOT NULL,
    archived_at DATETIMEOFFSET(3) NULL,
    version INT NOT NULL
);

CREATE TABLE stages (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY NONCLUSTERED,
    pipeline_id UNIQUEIDENTIFIER NOT NULL REFERENCES pipelines (id),
    name NVARCHAR(200) NOT NULL,
    position INT NOT NULL,
    probability INT NOT NULL CHECK (probability BETWEEN 0 AND 100),
    stale_after_days INT NULL CHECK (stale_after_days > 0),
    kind VARCHAR(16) NOT NULL CHECK (kind IN ('open', 'won', 'lost')),
    archived_at DATETIMEOFFSET(3) NULL,
    version INT NOT NULL,
    UNIQUE (pipeline_id, name)
);

CREATE INDEX ix_stages_pipeline ON stages (pipeline_id, position);

CREATE TABLE lost_reasons (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY NONCLUSTERED,
    name NVARCHAR(200) NOT NULL UNIQUE,
    created_at DATETIMEOFFSET(3) NOT NULL,
    archived_at DATETIMEOFFSET(3) NULL
);

CREATE TABLE accounts (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY NONCLUSTERED,
    name NVARCHAR(200) NOT NULL,
    domain NVARCHAR(200) NULL,
    industry NVARCHAR(200) NULL,
    owner_id UNIQUEIDENTIFIER NOT NULL REFERENCES users (id),
    created_at DATETIMEOFFSET(3) NOT NULL,
    created_by UNIQUEIDENTIFIER NOT NULL,
    external_source NVARCHAR(64) NULL,
    external_id NVARCHAR(200) NULL,
    deleted_at DATETIMEOFFSET(3) NULL,
    deleted_by UNIQUEIDENTIFIER NULL,
    version INT NOT NULL
);

CREATE INDEX ix_accounts_owner ON accounts (owner_id);
CREATE UNIQUE INDEX ux_accounts_external ON accounts (external_source, external_id) WHERE external_id IS NOT NULL;

CREATE TABLE contacts (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY NONCLUSTERED,
    account_id UNIQUEIDENTIFIER NULL REFERENCES accounts (id),
    first_name NVARCHAR(200) NOT NULL,
    last_name NVARCHAR(200) NOT NULL,
    email NVARCHAR(254) NULL,
    phone NVARCHAR(50) NULL,
    title NVARCHAR(200) NULL,
    owner_id UNIQUEIDENTIFIER NOT NULL REFERENCES users (id),
    created_at DATETIMEOFFSET(3) NOT NULL,
    created_by UNIQUEIDENTIFIER NOT NULL,
    external_source NVARCHAR(64) NULL,
    external_id NVARCHAR(200) NULL,
    deleted_at DATETIMEOFFSET(3) NULL,
    deleted_by UNIQUEIDENTIFIER NULL,
    version INT NOT NULL
);

CREATE INDEX ix_contacts_account ON contacts (account_id);
CREATE INDEX ix_contacts_owner ON contacts (owner_id);
CREATE UNIQUE INDEX ux_contacts_external ON contacts (external_source, external_id) WHERE external_id IS NOT NULL;

CREATE TABLE leads (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY NONCLUSTERED,
    name NVARCHAR(200) NOT NULL,
    company NVARCHAR(200) NULL,
    email NVARCHAR(254) NULL,
    phone NVARCHAR(50) NULL,
    source NVARCHAR(200) NULL,
    owner_id UNIQUEIDENTIFIER NOT NULL REFERENCES users (id),
    status VARCHAR(16) NOT NULL CHECK (status IN ('new', 'working', 'qualified', 'disqualified', 'converted')),
    disqualification_reason NVARCHAR(200) NULL,
    created_at DATETIMEOFFSET(3) NOT NULL,
    created_by UNIQUEIDENTIFIER NOT NULL,
    converted_at DATETIMEOFFSET(3) NULL,
    converted_account_id UNIQUEIDENTIFIER NULL REFERENCES accounts (id),
    converted_contact_id UNIQUEIDENTIFIER NULL REFERENCES contacts (id),
    converted_opportunity_id UNIQUEIDENTIFIER NULL,
    external_source NVARCHAR(64) NULL,
    external_id NVARCHAR(200) NULL,
    deleted_at DATETIMEOFFSET(3) NULL,
    deleted_by UNIQUEIDENTIFIER NULL,
    version INT NOT NULL
);

CREATE INDEX ix_leads_owner ON leads (owner_id, created_at);
CREATE INDEX ix_leads_created ON leads (created_at);
CREATE UNIQUE INDEX ux_leads_external ON leads (external_source, external_id) WHERE external_id IS NOT NULL;

CREATE TABLE opportunities (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY NONCLUSTERED,
    name NVARCHAR(200) NOT NULL,
    account_id UNIQUEIDENTIFIER NOT NULL REFERENCES accounts (id),
    primary_contact_id UNIQUEIDENTIFIER NULL REFERENCES contacts (id),
    owner_id UNIQUEIDENTIFIER NOT NULL REFERENCES users (id),
    pipeline_id UNIQUEIDENTIFIER NOT NULL REFERENCES pipelines (id),
    stage_id UNIQUEIDENTIFIER NOT NULL REFERENCES stages (id),
    amount DECIMAL(19,4) NOT NULL,
    expected_close_date DATE NULL,
    lead_id UNIQUEIDENTIFIER NULL REFERENCES leads (id),
    created_at DATETIMEOFFSET(3) NOT NULL,
    created_by UNIQUEIDENTIFIER NOT NULL,
    stage_entered_at DATETIMEOFFSET(3) NOT NULL,
    closed_at DATETIMEOFFSET(3) NULL,
    outcome VARCHAR(16) NULL CHECK (outcome IN ('won', 'lost')),
    lost_reason_id UNIQUEIDENTIFIER NULL REFERENCES lost_reasons (id),
    competitor NVARCHAR(200) NULL,
    external_source NVARCHAR(64) NULL,
    external_id NVARCHAR(200) NULL,
    deleted_at DATETIMEOFFSET(3) NULL,
    deleted_by UNIQUEIDENTIFIER NULL,
    version INT NOT NULL
);

CREATE INDEX ix_opportunities_owner ON opportunities (owner_id, stage_id);
CREATE INDEX ix_opportunities_stage ON opportunities (stage_id);
CREATE INDEX ix_opportunities_account ON opportunities (account_id);
CREATE INDEX ix_opportunities_lead ON opportunities (lead_id);
CREATE UNIQUE INDEX ux_opportunities_external ON opportunities (external_source, external_id) WHERE external_id IS NOT NULL;

-- Append-only: the opportunity's creation is the first move (from_stage_id NULL).
CREATE TABLE stage_moves (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY NONCLUSTERED,
    opportunity_id UNIQUEIDENTIFIER NOT NULL REFERENCES opportunities (id),
    from_stage_id UNIQUEIDENTIFIER NULL REFERENCES stages (id),
    to_stage_id UNIQUEIDENTIFIER NOT NULL REFERENCES stages (id),
    occurred_at DATETIMEOFFSET(3) NOT NULL,
    moved_by UNIQUEIDENTIFIER NOT NULL,
    recorded_at DATETIMEOFFSET(3) NOT NULL
);

CREATE INDEX ix_stage_moves_opportunity ON stage_moves (opportunity_id, occurred_at);
CREATE INDEX ix_stage_moves_occurred ON stage_moves (occurred_at);

CREATE TABLE owner_changes (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY NONCLUSTERED,
    opportunity_id UNIQUEIDENTIFIER NOT NULL REFERENCES opportunities (id),
    from_owner_id UNIQUEIDENTIFIER NOT NULL,
    to_owner_id UNIQUEIDENTIFIER NOT NULL,
    occurred_at DATETIMEOFFSET(3) NOT NULL,
    changed_by UNIQUEIDENTIFIER NOT NULL
);

CREATE INDEX ix_owner_changes_opportunity ON owner_changes (opportunity_id, occurred_at);

-- Calls, emails, meetings and notes share one table: one timeline, one set of links, one owner.
-- team_id is the owner's team when the activity was recorded (metrics can follow the team at the time).
CREATE TABLE activities (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY NONCLUSTERED,
    type VARCHAR(16) NOT NULL CHECK (type IN ('call', 'email', 'meeting', 'note')),
    owner_id UNIQUEIDENTIFIER NOT NULL REFERENCES users (id),
    team_id UNIQUEIDENTIFIER NULL,
    occurred_at DATETIMEOFFSET(3) NOT NULL,
    lead_id UNIQUEIDENTIFIER NULL REFERENCES leads (id),
    contact_id UNIQUEIDENTIFIER NULL REFERENCES contacts (id),
    account_id UNIQUEIDENTIFIER NULL REFERENCES accounts (id),
    opportunity_id UNIQUEIDENTIFIER NULL REFERENCES opportunities (id),
    direction VARCHAR(16) NULL CHECK (direction IN ('outbound', 'inbound')),
    outcome VARCHAR(16) NULL,
    duration_seconds INT NULL CHECK (duration_seconds BETWEEN 0 AND 86400),
    subject NVARCHAR(500) NULL,
    body NVARCHAR(MAX) NULL,
    replied_at DATETIMEOFFSET(3) NULL,
    created_at DATETIMEOFFSET(3) NOT NULL,
    created_by UNIQUEIDENTIFIER NOT NULL,
    external_source NVARCHAR(64) NULL,
    external_id NVARCHAR(200) NULL,
    deleted_at DATETIMEOFFSET(3) NULL,
    deleted_by UNIQUEIDENTIFIER NULL,
    version INT NOT NULL,
    CHECK (lead_id IS NOT NULL OR contact_id IS NOT NULL OR account_id IS NOT NULL OR opportunity_id IS NOT NULL)
);

CREATE INDEX ix_activities_owner ON activities (owner_id, occurred_at);
CREATE INDEX ix_activities_occurred ON activities (occurred_at);
CREATE INDEX ix_activities_lead ON activities (lead_id, occurred_at);
CREATE INDEX ix_activities_contact ON activities (contact_id, occurred_at);
CREATE INDEX ix_activities_account ON activities (account_id, occurred_at);
CREATE INDEX ix_activities_opportunity ON activities (opportunity_id, occurred_at);
CREATE UNIQUE INDEX ux_activities_external ON activities (external_source, external_id) WHERE external_id IS NOT NULL;

CREATE TABLE follow_ups (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY NONCLUSTERED,
    owner_id UNIQUEIDENTIFIER NOT NULL REFERENCES users (id),
    channel VARCHAR(16) NOT NULL CHECK (channel IN ('call', 'email', 'meeting')),
    due_at DATETIMEOFFSET(3) NOT NULL,
    lead_id UNIQUEIDENTIFIER NULL REFERENCES leads (id),
    opportunity_id UNIQUEIDENTIFIER NULL REFERENCES opportunities (id),
    notes NVARCHAR(4000) NULL,
    status VARCHAR(16) NOT NULL CHECK (status IN ('open', 'completed', 'cancelled')),
    completed_at DATETIMEOFFSET(3) NULL,
    fulfilled_by_activity_id UNIQUEIDENTIFIER NULL REFERENCES activities (id),
    cancelled_at DATETIMEOFFSET(3) NULL,
    created_at DATETIMEOFFSET(3) NOT NULL,
    created_by UNIQUEIDENTIFIER NOT NULL,
    external_source NVARCHAR(64) NULL,
    external_id NVARCHAR(200) NULL,
    deleted_at DATETIMEOFFSET(3) NULL,
    deleted_by UNIQUEIDENTIFIER NULL,
    version INT NOT NULL,
    CHECK (lead_id IS NOT NULL OR opportunity_id IS NOT NULL)
);

CREATE INDEX ix_follow_ups_owner ON follow_ups (owner_id, status, due_at);
CREATE INDEX ix_follow_ups_lead ON follow_ups (lead_id);
CREATE INDEX ix_follow_ups_opportunity ON follow_ups (opportunity_id);
CREATE UNIQUE INDEX ux_follow_ups_external ON follow_ups (external_source, external_id) WHERE external_id IS NOT NULL;

-- A create sent with an Idempotency-Key: the first response is kept (24 h at least) and replayed.
CREATE TABLE idempotency_keys (
    caller_id UNIQUEIDENTIFIER NOT NULL,
    idempotency_key NVARCHAR(200) NOT NULL,
    request_hash VARCHAR(64) NOT NULL,
    status_code INT NULL,
    response_body NVARCHAR(MAX) NULL,
    response_location NVARCHAR(500) NULL,
    created_at DATETIMEOFFSET(3) NOT NULL,
    expires_at DATETIMEOFFSET(3) NOT NULL,
    PRIMARY KEY (caller_id, idempotency_key)
);

CREATE INDEX ix_idempotency_keys_expires ON idempotency_keys (expires_at);

-- Every organisation starts with a default pipeline and a few lost reasons; admins change them later.
INSERT INTO pipelines (id, name, is_default, created_at, archived_at, version) VALUES ('0190f1a0-0000-7000-8000-000000000001', N'Sales', 1, '1970-01-01T00:00:00+00:00', NULL, 1);
INSERT INTO stages (id, pipeline_id, name, position, probability, stale_after_days, kind, archived_at, version) VALUES
    ('0190f1a0-0000-7000-8000-000000000101', '0190f1a0-0000-7000-8000-000000000001', N'Discovery', 1, 10, NULL, 'open', NULL, 1),
    ('0190f1a0-0000-7000-8000-000000000102', '0190f1a0-0000-7000-8000-000000000001', N'Qualified', 2, 20, NULL, 'open', NULL, 1),
    ('0190f1a0-0000-7000-8000-000000000103', '0190f1a0-0000-7000-8000-000000000001', N'Demo', 3, 40, NULL, 'open', NULL, 1),
    ('0190f1a0-0000-7000-8000-000000000104', '0190f1a0-0000-7000-8000-000000000001', N'Trial', 4, 60, NULL, 'open', NULL, 1),
    ('0190f1a0-0000-7000-8000-000000000105', '0190f1a0-0000-7000-8000-000000000001', N'Final conversation', 5, 80, NULL, 'open', NULL, 1),
    ('0190f1a0-0000-7000-8000-000000000106', '0190f1a0-0000-7000-8000-000000000001', N'Won', 6, 100, NULL, 'won', NULL, 1),
    ('0190f1a0-0000-7000-8000-000000000107', '0190f1a0-0000-7000-8000-000000000001', N'Lost', 7, 0, NULL, 'lost', NULL, 1);
INSERT INTO lost_reasons (id, name, created_at, archived_at) VALUES
    ('0190f1a0-0000-7000-8000-000000000201', N'Price', '1970-01-01T00:00:00+00:00', NULL),
    ('0190f1a0-0000-7000-8000-000000000202', N'Timing', '1970-01-01T00:00:00+00:00', NULL),
    ('0190f1a0-0000-7000-8000-000000000203', N'Lost to competitor', '1970-01-01T00:00:00+00:00', NULL),
    ('0190f1a0-0000-7000-8000-000000000204', N'No decision', '1970-01-01T00:00:00+00:00', NULL),
    ('0190f1a0-0000-7000-8000-000000000205', N'No budget', '1970-01-01T00:00:00+00:00', NULL),
    ('0190f1a0-0000-7000-8000-000000000206', N'Other', '1970-01-01T00:00:00+00:00', NULL);
