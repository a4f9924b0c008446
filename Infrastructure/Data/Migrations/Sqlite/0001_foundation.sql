-- Foundation: the organisation, its teams and people, sessions, integration clients, sign-in throttling.
-- Storage forms (see TypeHandlers): uuid TEXT, timestamp INTEGER Unix ms UTC, money INTEGER ten-thousandths.

CREATE TABLE organisation (
    id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    currency TEXT NOT NULL,
    version INTEGER NOT NULL
);

INSERT INTO organisation (id, name, time_zone, currency, version) VALUES (1, 'My organisation', 'UTC', 'USD', 1);

CREATE TABLE teams (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL COLLATE NOCASE UNIQUE,
    created_at INTEGER NOT NULL,
    version INTEGER NOT NULL
);

CREATE TABLE users (
    id TEXT NOT NULL PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('rep', 'manager', 'admin')),
    team_id TEXT NULL REFERENCES teams (id),
    password_hash TEXT NOT NULL,
    is_active INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    version INTEGER NOT NULL
);

CREATE INDEX ix_users_team ON users (team_id);

CREATE TABLE refresh_tokens (
    id TEXT NOT NULL PRIMARY KEY,
    family_id TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER NULL,
    revoked_at INTEGER NULL
);

CREATE INDEX ix_refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX ix_refresh_tokens_user ON refresh_tokens (user_id);

CREATE TABLE integration_clients (
    id TEXT NOT NULL PRIMARY KEY,
    client_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    scopes TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL REFERENCES users (id),
    revoked_at INTEGER NULL
);

CREATE TABLE sign_in_failures (
    throttle_key TEXT NOT NULL PRIMARY KEY,
    failed_count INTEGER NOT NULL,
    window_started_at INTEGER NOT NULL,
    locked_until INTEGER NULL
);
