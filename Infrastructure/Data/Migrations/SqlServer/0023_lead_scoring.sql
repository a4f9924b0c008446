-- Lead scoring: the organisation's rules (event type -> points), its threshold and assignment rule, and each lead's
-- scoring events. A lead's score is the sum of the points stored on its events (the points of the rule in force when
-- the event was recorded; a later rule change does not re-score past events). leads.score is kept in the same
-- transaction as each event insert (score = score + points), and sales_qualified_at is set once, when the score first
-- reaches the threshold.

ALTER TABLE leads ADD score INT NOT NULL CONSTRAINT df_leads_score DEFAULT 0, sales_qualified_at DATETIMEOFFSET(3) NULL;
GO

CREATE INDEX ix_leads_sales_qualified ON leads (sales_qualified_at, owner_id) INCLUDE (id, deleted_at) WHERE sales_qualified_at IS NOT NULL AND deleted_at IS NULL;
-- Conversion by score band reads the leads created in a window with their score from one covering index.
CREATE INDEX ix_leads_created_score ON leads (created_at, owner_id) INCLUDE (score, status, converted_opportunity_id, id, deleted_at) WHERE deleted_at IS NULL;

CREATE TABLE lead_scoring_rules (
    event_type VARCHAR(50) NOT NULL PRIMARY KEY,
    points INT NOT NULL CHECK (points BETWEEN -100 AND 100),
    created_at DATETIMEOFFSET(3) NOT NULL,
    updated_at DATETIMEOFFSET(3) NOT NULL,
    version INT NOT NULL
);

INSERT INTO lead_scoring_rules (event_type, points, created_at, updated_at, version) VALUES
    ('pricing_page_visit', 10, SYSUTCDATETIME(), SYSUTCDATETIME(), 1),
    ('email_opened', 1, SYSUTCDATETIME(), SYSUTCDATETIME(), 1),
    ('email_clicked', 3, SYSUTCDATETIME(), SYSUTCDATETIME(), 1),
    ('inaccurate_company_data', -5, SYSUTCDATETIME(), SYSUTCDATETIME(), 1),
    ('matches_buyer_persona', 5, SYSUTCDATETIME(), SYSUTCDATETIME(), 1);

CREATE TABLE lead_scoring_settings (
    id INT NOT NULL PRIMARY KEY CHECK (id = 1),
    threshold INT NOT NULL CHECK (threshold BETWEEN 1 AND 1000),
    assignment VARCHAR(16) NOT NULL CHECK (assignment IN ('none', 'round_robin', 'owner')),
    assignment_team_id UNIQUEIDENTIFIER NULL REFERENCES teams (id),
    assignment_user_id UNIQUEIDENTIFIER NULL REFERENCES users (id),
    round_robin_last_user_id UNIQUEIDENTIFIER NULL,
    updated_at DATETIMEOFFSET(3) NOT NULL,
    version INT NOT NULL
);

INSERT INTO lead_scoring_settings (id, threshold, assignment, updated_at, version) VALUES (1, 20, 'none', SYSUTCDATETIME(), 1);

CREATE TABLE lead_score_events (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY NONCLUSTERED,
    lead_id UNIQUEIDENTIFIER NOT NULL REFERENCES leads (id),
    event_type VARCHAR(50) NOT NULL,
    points INT NOT NULL,
    score_after INT NOT NULL,
    occurred_at DATETIMEOFFSET(3) NOT NULL,
    recorded_at DATETIMEOFFSET(3) NOT NULL,
    recorded_by UNIQUEIDENTIFIER NOT NULL,
    external_source NVARCHAR(64) NULL,
    external_id NVARCHAR(200) NULL
);

CREATE INDEX ix_lead_score_events_lead ON lead_score_events (lead_id, occurred_at);
CREATE UNIQUE INDEX ux_lead_score_events_external ON lead_score_events (external_source, external_id) WHERE external_id IS NOT NULL;
