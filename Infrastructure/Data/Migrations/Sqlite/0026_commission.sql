-- Commission plans (never edited: new terms are a new plan) and their assignments to reps from a month's 1st; every
-- assignment is kept, so the plan in force on any date can be read back.

CREATE TABLE commission_plans (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    base_pay INTEGER NOT NULL,
    target INTEGER NOT NULL,
    rate INTEGER NOT NULL,
    threshold INTEGER NOT NULL,
    period TEXT NOT NULL CHECK (period IN ('month', 'quarter')),
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL
);

CREATE UNIQUE INDEX ux_commission_plans_name ON commission_plans (name);

CREATE TABLE commission_assignments (
    id TEXT NOT NULL PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id),
    plan_id TEXT NOT NULL REFERENCES commission_plans (id),
    effective_from TEXT NOT NULL,
    assigned_at INTEGER NOT NULL,
    assigned_by TEXT NOT NULL
);

CREATE UNIQUE INDEX ux_commission_assignments_user_from ON commission_assignments (user_id, effective_from);

-- A rep's statement lists their won deals of one period: a seek on ix_opportunities_owner_won (owner, close time), made by 0024.
