-- Foundation: the organisation, its teams and people, sessions, integration clients, sign-in throttling.

CREATE TABLE organisation (
    id INT NOT NULL PRIMARY KEY CHECK (id = 1),
    name NVARCHAR(200) NOT NULL,
    time_zone NVARCHAR(64) NOT NULL,
    currency CHAR(3) NOT NULL,
    version INT NOT NULL
);

INSERT INTO organisation (id, name, time_zone, currency, version) VALUES (1, N'My organisation', N'UTC', 'USD', 1);

CREATE TABLE teams (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY NONCLUSTERED,
    name NVARCHAR(100) NOT NULL CONSTRAINT ux_teams_name UNIQUE,
    created_at DATETIMEOFFSET(3) NOT NULL,
    version INT NOT NULL
);

CREATE TABLE users (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY NONCLUSTERED,
    email NVARCHAR(254) NOT NULL CONSTRAINT ux_users_email UNIQUE,
    display_name NVARCHAR(100) NOT NULL,
    role VARCHAR(16) NOT NULL CHECK (role IN ('rep', 'manager', 'admin')),
    team_id UNIQUEIDENTIFIER NULL REFERENCES teams (id),
    password_hash NVARCHAR(200) NOT NULL,
    is_active BIT NOT NULL,
    created_at DATETIMEOFFSET(3) NOT NULL,
    version INT NOT NULL
);

CREATE INDEX ix_users_team ON users (team_id);

CREATE TABLE refresh_tokens (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY NONCLUSTERED,
    family_id UNIQUEIDENTIFIER NOT NULL,
    user_id UNIQUEIDENTIFIER NOT NULL REFERENCES users (id),
    token_hash VARCHAR(64) NOT NULL CONSTRAINT ux_refresh_tokens_hash UNIQUE,
    created_at DATETIMEOFFSET(3) NOT NULL,
    expires_at DATETIMEOFFSET(3) NOT NULL,
    used_at DATETIMEOFFSET(3) NULL,
    revoked_at DATETIMEOFFSET(3) NULL
);

CREATE INDEX ix_refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX ix_refresh_tokens_user ON refresh_tokens (user_id);

CREATE TABLE integration_clients (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY NONCLUSTERED,
    client_id VARCHAR(64) NOT NULL CONSTRAINT ux_integration_clients_client_id UNIQUE,
    name NVARCHAR(100) NOT NULL,
    secret_hash VARCHAR(64) NOT NULL,
    scopes VARCHAR(400) NOT NULL,
    created_at DATETIMEOFFSET(3) NOT NULL,
    created_by UNIQUEIDENTIFIER NOT NULL REFERENCES users (id),
    revoked_at DATETIMEOFFSET(3) NULL
);

CREATE TABLE sign_in_failures (
    throttle_key NVARCHAR(254) NOT NULL PRIMARY KEY,
    failed_count INT NOT NULL,
    window_started_at DATETIMEOFFSET(3) NOT NULL,
    locked_until DATETIMEOFFSET(3) NULL
);
