-- eNPS surveys. Anonymity by design: survey_participants says who answered (one row per person and survey, which
-- also enforces one answer each), survey_answers holds the scores with neither user nor time. Both tables are
-- WITHOUT ROWID and keyed by (survey_id, ...): answers sort by a random (v4) id, so no insertion order links an
-- answer to a participant.

CREATE TABLE surveys (
    id TEXT NOT NULL PRIMARY KEY,
    question TEXT NOT NULL,
    team_id TEXT NULL REFERENCES teams (id),
    opens_on TEXT NOT NULL,
    closes_on TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL
);

CREATE INDEX ix_surveys_audience ON surveys (team_id, closes_on);
CREATE INDEX ix_surveys_open ON surveys (closes_on, opens_on);

CREATE TABLE survey_participants (
    survey_id TEXT NOT NULL REFERENCES surveys (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    PRIMARY KEY (survey_id, user_id)
) WITHOUT ROWID;

CREATE TABLE survey_answers (
    survey_id TEXT NOT NULL REFERENCES surveys (id),
    id TEXT NOT NULL,
    score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
    PRIMARY KEY (survey_id, id)
) WITHOUT ROWID;
