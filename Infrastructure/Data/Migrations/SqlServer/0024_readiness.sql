-- Rep readiness: certifications (admin-managed, archived rather than deleted once used) and assessment results per rep.
-- A passed assessment for a certification holds it from assessed_on until assessed_on + validity_months (never expires
-- when validity_months is NULL). users.started_on is a rep's start date for ramp time (NULL: the created_at date).

ALTER TABLE users ADD started_on DATE NULL;

CREATE TABLE certifications (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY NONCLUSTERED,
    name NVARCHAR(200) NOT NULL,
    name_key NVARCHAR(200) NOT NULL,
    required BIT NOT NULL,
    validity_months INT NULL,
    created_at DATETIMEOFFSET(3) NOT NULL,
    updated_at DATETIMEOFFSET(3) NOT NULL,
    archived_at DATETIMEOFFSET(3) NULL,
    version INT NOT NULL
);

CREATE UNIQUE INDEX ux_certifications_name ON certifications (name_key) WHERE archived_at IS NULL;

CREATE TABLE assessments (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY NONCLUSTERED,
    user_id UNIQUEIDENTIFIER NOT NULL REFERENCES users (id),
    certification_id UNIQUEIDENTIFIER NULL REFERENCES certifications (id),
    name NVARCHAR(200) NOT NULL,
    score INT NOT NULL CHECK (score BETWEEN 0 AND 100),
    passed BIT NOT NULL,
    assessed_on DATE NOT NULL,
    assessor_id UNIQUEIDENTIFIER NOT NULL,
    recorded_by UNIQUEIDENTIFIER NOT NULL,
    created_at DATETIMEOFFSET(3) NOT NULL
);

CREATE INDEX ix_assessments_user ON assessments (user_id, assessed_on);
CREATE INDEX ix_assessments_certification ON assessments (certification_id);

-- Ramp time: a rep's first won deal since their start is one seek per rep.
CREATE INDEX ix_opportunities_owner_won ON opportunities (owner_id, closed_at) WHERE outcome = 'won' AND deleted_at IS NULL;
