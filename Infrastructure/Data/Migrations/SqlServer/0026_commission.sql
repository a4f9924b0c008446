-- Commission plans (never edited: new terms are a new plan) and their assignments to reps from a month's 1st; every
-- assignment is kept, so the plan in force on any date can be read back.

CREATE TABLE commission_plans (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY NONCLUSTERED,
    name NVARCHAR(200) NOT NULL,
    base_pay DECIMAL(19,4) NOT NULL,
    target DECIMAL(19,4) NOT NULL,
    rate DECIMAL(19,4) NOT NULL,
    threshold DECIMAL(19,4) NOT NULL,
    period VARCHAR(16) NOT NULL CHECK (period IN ('month', 'quarter')),
    created_at DATETIMEOFFSET(3) NOT NULL,
    created_by UNIQUEIDENTIFIER NOT NULL
);

CREATE UNIQUE INDEX ux_commission_plans_name ON commission_plans (name);

CREATE TABLE commission_assignments (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY NONCLUSTERED,
    user_id UNIQUEIDENTIFIER NOT NULL REFERENCES users (id),
    plan_id UNIQUEIDENTIFIER NOT NULL REFERENCES commission_plans (id),
    effective_from DATE NOT NULL,
    assigned_at DATETIMEOFFSET(3) NOT NULL,
    assigned_by UNIQUEIDENTIFIER NOT NULL
);

CREATE UNIQUE INDEX ux_commission_assignments_user_from ON commission_assignments (user_id, effective_from);

-- A rep's statement lists their won deals of one period: a seek on owner and close time (0024 made the index; here it
-- also covers the amount and name the statement lists).
CREATE INDEX ix_opportunities_owner_won ON opportunities (owner_id, closed_at) INCLUDE (amount, name)
    WHERE outcome = 'won' AND deleted_at IS NULL
    WITH (DROP_EXISTING = ON);
