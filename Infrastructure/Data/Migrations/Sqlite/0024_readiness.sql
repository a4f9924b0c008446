-- Rep readiness: certifications (admin-managed, archived rather than deleted once used) and assessment results per rep.
-- A passed assessment for a certification holds it from assessed_on until assessed_on + validity_months (never expires
-- when validity_months is NULL). users.started_on is a rep's start date for ramp time (NULL: the created_at date).

ALTER TABLE users ADD COLUMN started_on TEXT NULL;

CREATE TABLE certifications (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    required INTEGER NOT NULL,
    validity_months INTEGER NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    archived_at INTEGER NULL,
    version INTEGER NOT NULL
);

CREATE UNIQUE INDEX ux_certifications_name ON certifications (name_key) WHERE archived_at IS NULL;

CREATE TABLE assessments (
    id TEXT NOT NULL PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id),
    certification_id TEXT NULL REFERENCES certifications (id),
    name TEXT NOT NULL,
    score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
    passed INTEGER NOT NULL,
    assessed_on TEXT NOT NULL,
    assessor_id TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE INDEX ix_assessments_user ON assessments (user_id, assessed_on);
CREATE INDEX ix_assessments_certification ON assessments (certification_id);

-- Ramp time: a rep's first won deal since their start is one seek per rep.
CREATE INDEX ix_opportunities_owner_won ON opportunities (owner_id, closed_at) WHERE outcome = 'won' AND deleted_at IS NULL;
