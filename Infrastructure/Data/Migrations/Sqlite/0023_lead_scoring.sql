-- Lead scoring: the organisation's rules (event type -> points), its threshold and assignment rule, and each lead's
-- scoring events. A lead's score is the sum of the points stored on its events (the points of the rule in force when
-- the event was recorded; a later rule change does not re-score past events). leads.score is kept in the same
-- transaction as each event insert (score = score + points), and sales_qualified_at is set once, when the score first
-- reaches the threshold.

ALTER TABLE leads ADD COLUMN score INTEGER NOT NULL DEFAULT 0;
ALTER TABLE leads ADD COLUMN sales_qualified_at INTEGER NULL;

CREATE INDEX ix_leads_sales_qualified ON leads (sales_qualified_at, owner_id, id, deleted_at) WHERE sales_qualified_at IS NOT NULL AND deleted_at IS NULL;
-- Conversion by score band reads the leads created in a window with their score from one covering index.
CREATE INDEX ix_leads_created_score ON leads (created_at, owner_id, score, status, converted_opportunity_id, id, deleted_at) WHERE deleted_at IS NULL;

CREATE TABLE lead_scoring_rules (
    event_type TEXT NOT NULL PRIMARY KEY,
    points INTEGER NOT NULL CHECK (points BETWEEN -100 AND 100),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL
);

INSERT INTO lead_scoring_rules (event_type, points, created_at, updated_at, version) VALUES
    ('pricing_page_visit', 10, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), 1),
    ('email_opened', 1, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), 1),
    ('email_clicked', 3, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), 1),
    ('inaccurate_company_data', -5, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), 1),
    ('matches_buyer_persona', 5, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), 1);

CREATE TABLE lead_scoring_settings (
    id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    threshold INTEGER NOT NULL CHECK (threshold BETWEEN 1 AND 1000),
    assignment TEXT NOT NULL CHECK (assignment IN ('none', 'round_robin', 'owner')),
    assignment_team_id TEXT NULL REFERENCES teams (id),
    assignment_user_id TEXT NULL REFERENCES users (id),
    round_robin_last_user_id TEXT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL
);

INSERT INTO lead_scoring_settings (id, threshold, assignment, updated_at, version)
VALUES (1, 20, 'none', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), 1);

CREATE TABLE lead_score_events (
    id TEXT NOT NULL PRIMARY KEY,
    lead_id TEXT NOT NULL REFERENCES leads (id),
    event_type TEXT NOT NULL,
    points INTEGER NOT NULL,
    score_after INTEGER NOT NULL,
    occurred_at INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL,
    recorded_by TEXT NOT NULL,
    external_source TEXT NULL,
    external_id TEXT NULL
);

CREATE INDEX ix_lead_score_events_lead ON lead_score_events (lead_id, occurred_at);
CREATE UNIQUE INDEX ux_lead_score_events_external ON lead_score_events (external_source, external_id) WHERE external_id IS NOT NULL;
