-- The sales records: directory, leads, pipelines and stages, opportunities with their stage history,
-- activities and follow-ups, and idempotency keys. Soft-deleted rows keep deleted_at/deleted_by.
-- external_source is the integration client (or person) that owns external_id; the pair is unique per table.

CREATE TABLE pipelines (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL COLLATE NOCASE UNIQUE,
    is_default INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    archived_at INTEGER NULL,
    version INTEGER NOT NULL
);

CREATE TABLE stages (
    id TEXT NOT NULL PRIMARY KEY,
    pipeline_id TEXT NOT NULL REFERENCES pipelines (id),
    name TEXT NOT NULL COLLATE NOCASE,
    position INTEGER NOT NULL,
    probability INTEGER NOT NULL CHECK (probability BETWEEN 0 AND 100),
    stale_after_days INTEGER NULL CHECK (stale_after_days > 0),
    kind TEXT NOT NULL CHECK (kind IN ('open', 'won', 'lost')),
    archived_at INTEGER NULL,
    version INTEGER NOT NULL,
    UNIQUE (pipeline_id, name)
);

CREATE INDEX ix_stages_pipeline ON stages (pipeline_id, position);

CREATE TABLE lost_reasons (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL COLLATE NOCASE UNIQUE,
    created_at INTEGER NOT NULL,
    archived_at INTEGER NULL
);

CREATE TABLE accounts (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    domain TEXT NULL,
    industry TEXT NULL,
    owner_id TEXT NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    external_source TEXT NULL,
    external_id TEXT NULL,
    deleted_at INTEGER NULL,
    deleted_by TEXT NULL,
    version INTEGER NOT NULL
);

CREATE INDEX ix_accounts_owner ON accounts (owner_id);
CREATE UNIQUE INDEX ux_accounts_external ON accounts (external_source, external_id) WHERE external_id IS NOT NULL;

CREATE TABLE contacts (
    id TEXT NOT NULL PRIMARY KEY,
    account_id TEXT NULL REFERENCES accounts (id),
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    email TEXT NULL,
    phone TEXT NULL,
    title TEXT NULL,
    owner_id TEXT NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    external_source TEXT NULL,
    external_id TEXT NULL,
    deleted_at INTEGER NULL,
    deleted_by TEXT NULL,
    version INTEGER NOT NULL
);

CREATE INDEX ix_contacts_account ON contacts (account_id);
CREATE INDEX ix_contacts_owner ON contacts (owner_id);
CREATE UNIQUE INDEX ux_contacts_external ON contacts (external_source, external_id) WHERE external_id IS NOT NULL;

CREATE TABLE leads (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    company TEXT NULL,
    email TEXT NULL,
    phone TEXT NULL,
    source TEXT NULL,
    owner_id TEXT NOT NULL REFERENCES users (id),
    status TEXT NOT NULL CHECK (status IN ('new', 'working', 'qualified', 'disqualified', 'converted')),
    disqualification_reason TEXT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    converted_at INTEGER NULL,
    converted_account_id TEXT NULL REFERENCES accounts (id),
    converted_contact_id TEXT NULL REFERENCES contacts (id),
    converted_opportunity_id TEXT NULL,
    external_source TEXT NULL,
    external_id TEXT NULL,
    deleted_at INTEGER NULL,
    deleted_by TEXT NULL,
    version INTEGER NOT NULL
);

CREATE INDEX ix_leads_owner ON leads (owner_id, created_at);
CREATE INDEX ix_leads_created ON leads (created_at);
CREATE UNIQUE INDEX ux_leads_external ON leads (external_source, external_id) WHERE external_id IS NOT NULL;

CREATE TABLE opportunities (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    primary_contact_id TEXT NULL REFERENCES contacts (id),
    owner_id TEXT NOT NULL REFERENCES users (id),
    pipeline_id TEXT NOT NULL REFERENCES pipelines (id),
    stage_id TEXT NOT NULL REFERENCES stages (id),
    amount INTEGER NOT NULL,
    expected_close_date TEXT NULL,
    lead_id TEXT NULL REFERENCES leads (id),
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    stage_entered_at INTEGER NOT NULL,
    closed_at INTEGER NULL,
    outcome TEXT NULL CHECK (outcome IN ('won', 'lost')),
    lost_reason_id TEXT NULL REFERENCES lost_reasons (id),
    competitor TEXT NULL,
    external_source TEXT NULL,
    external_id TEXT NULL,
    deleted_at INTEGER NULL,
    deleted_by TEXT NULL,
    version INTEGER NOT NULL
);

CREATE INDEX ix_opportunities_owner ON opportunities (owner_id, stage_id);
CREATE INDEX ix_opportunities_stage ON opportunities (stage_id);
CREATE INDEX ix_opportunities_account ON opportunities (account_id);
CREATE INDEX ix_opportunities_lead ON opportunities (lead_id);
CREATE UNIQUE INDEX ux_opportunities_external ON opportunities (external_source, external_id) WHERE external_id IS NOT NULL;

-- Append-only: the opportunity's creation is the first move (from_stage_id NULL).
CREATE TABLE stage_moves (
    id TEXT NOT NULL PRIMARY KEY,
    opportunity_id TEXT NOT NULL REFERENCES opportunities (id),
    from_stage_id TEXT NULL REFERENCES stages (id),
    to_stage_id TEXT NOT NULL REFERENCES stages (id),
    occurred_at INTEGER NOT NULL,
    moved_by TEXT NOT NULL,
    recorded_at INTEGER NOT NULL
);

CREATE INDEX ix_stage_moves_opportunity ON stage_moves (opportunity_id, occurred_at);
CREATE INDEX ix_stage_moves_occurred ON stage_moves (occurred_at);

CREATE TABLE owner_changes (
    id TEXT NOT NULL PRIMARY KEY,
    opportunity_id TEXT NOT NULL REFERENCES opportunities (id),
    from_owner_id TEXT NOT NULL,
    to_owner_id TEXT NOT NULL,
    occurred_at INTEGER NOT NULL,
    changed_by TEXT NOT NULL
);

CREATE INDEX ix_owner_changes_opportunity ON owner_changes (opportunity_id, occurred_at);

-- Calls, emails, meetings and notes share one table: one timeline, one set of links, one owner.
-- team_id is the owner's team when the activity was recorded (metrics can follow the team at the time).
CREATE TABLE activities (
    id TEXT NOT NULL PRIMARY KEY,
    type TEXT NOT NULL CHECK (type IN ('call', 'email', 'meeting', 'note')),
    owner_id TEXT NOT NULL REFERENCES users (id),
    team_id TEXT NULL,
    occurred_at INTEGER NOT NULL,
    lead_id TEXT NULL REFERENCES leads (id),
    contact_id TEXT NULL REFERENCES contacts (id),
    account_id TEXT NULL REFERENCES accounts (id),
    opportunity_id TEXT NULL REFERENCES opportunities (id),
    direction TEXT NULL CHECK (direction IN ('outbound', 'inbound')),
    outcome TEXT NULL,
    duration_seconds INTEGER NULL CHECK (duration_seconds BETWEEN 0 AND 86400),
    subject TEXT NULL,
    body TEXT NULL,
    replied_at INTEGER NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    external_source TEXT NULL,
    external_id TEXT NULL,
    deleted_at INTEGER NULL,
    deleted_by TEXT NULL,
    version INTEGER NOT NULL,
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
    id TEXT NOT NULL PRIMARY KEY,
    owner_id TEXT NOT NULL REFERENCES users (id),
    channel TEXT NOT NULL CHECK (channel IN ('call', 'email', 'meeting')),
    due_at INTEGER NOT NULL,
    lead_id TEXT NULL REFERENCES leads (id),
    opportunity_id TEXT NULL REFERENCES opportunities (id),
    notes TEXT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'completed', 'cancelled')),
    completed_at INTEGER NULL,
    fulfilled_by_activity_id TEXT NULL REFERENCES activities (id),
    cancelled_at INTEGER NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    external_source TEXT NULL,
    external_id TEXT NULL,
    deleted_at INTEGER NULL,
    deleted_by TEXT NULL,
    version INTEGER NOT NULL,
    CHECK (lead_id IS NOT NULL OR opportunity_id IS NOT NULL)
);

CREATE INDEX ix_follow_ups_owner ON follow_ups (owner_id, status, due_at);
CREATE INDEX ix_follow_ups_lead ON follow_ups (lead_id);
CREATE INDEX ix_follow_ups_opportunity ON follow_ups (opportunity_id);
CREATE UNIQUE INDEX ux_follow_ups_external ON follow_ups (external_source, external_id) WHERE external_id IS NOT NULL;

-- A create sent with an Idempotency-Key: the first response is kept (24 h at least) and replayed.
CREATE TABLE idempotency_keys (
    caller_id TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status_code INTEGER NULL,
    response_body TEXT NULL,
    response_location TEXT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (caller_id, idempotency_key)
);

CREATE INDEX ix_idempotency_keys_expires ON idempotency_keys (expires_at);

-- Every organisation starts with a default pipeline and a few lost reasons; admins change them later.
INSERT INTO pipelines (id, name, is_default, created_at, archived_at, version) VALUES ('0190f1a0-0000-7000-8000-000000000001', 'Sales', 1, 0, NULL, 1);
INSERT INTO stages (id, pipeline_id, name, position, probability, stale_after_days, kind, archived_at, version) VALUES
    ('0190f1a0-0000-7000-8000-000000000101', '0190f1a0-0000-7000-8000-000000000001', 'Discovery', 1, 10, NULL, 'open', NULL, 1),
    ('0190f1a0-0000-7000-8000-000000000102', '0190f1a0-0000-7000-8000-000000000001', 'Qualified', 2, 20, NULL, 'open', NULL, 1),
    ('0190f1a0-0000-7000-8000-000000000103', '0190f1a0-0000-7000-8000-000000000001', 'Demo', 3, 40, NULL, 'open', NULL, 1),
    ('0190f1a0-0000-7000-8000-000000000104', '0190f1a0-0000-7000-8000-000000000001', 'Trial', 4, 60, NULL, 'open', NULL, 1),
    ('0190f1a0-0000-7000-8000-000000000105', '0190f1a0-0000-7000-8000-000000000001', 'Final conversation', 5, 80, NULL, 'open', NULL, 1),
    ('0190f1a0-0000-7000-8000-000000000106', '0190f1a0-0000-7000-8000-000000000001', 'Won', 6, 100, NULL, 'won', NULL, 1),
    ('0190f1a0-0000-7000-8000-000000000107', '0190f1a0-0000-7000-8000-000000000001', 'Lost', 7, 0, NULL, 'lost', NULL, 1);
INSERT INTO lost_reasons (id, name, created_at, archived_at) VALUES
    ('0190f1a0-0000-7000-8000-000000000201', 'Price', 0, NULL),
    ('0190f1a0-0000-7000-8000-000000000202', 'Timing', 0, NULL),
    ('0190f1a0-0000-7000-8000-000000000203', 'Lost to competitor', 0, NULL),
    ('0190f1a0-0000-7000-8000-000000000204', 'No decision', 0, NULL),
    ('0190f1a0-0000-7000-8000-000000000205', 'No budget', 0, NULL),
    ('0190f1a0-0000-7000-8000-000000000206', 'Other', 0, NULL);
