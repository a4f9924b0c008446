-- eNPS surveys. Anonymity by design: survey_participants says who answered (one row per person and survey, which
-- also enforces one answer each), survey_answers holds the scores with neither user nor time. Answers are clustered
-- on (survey_id, id) with a random (v4) id, so no insertion order links an answer to a participant.

CREATE TABLE surveys (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY NONCLUSTERED,
    question NVARCHAR(500) NOT NULL,
    team_id UNIQUEIDENTIFIER NULL REFERENCES teams (id),
    opens_on DATE NOT NULL,
    closes_on DATE NOT NULL,
    created_at DATETIMEOFFSET(3) NOT NULL,
    created_by UNIQUEIDENTIFIER NOT NULL
);

CREATE INDEX ix_surveys_audience ON surveys (team_id, closes_on);
CREATE INDEX ix_surveys_open ON surveys (closes_on, opens_on);

CREATE TABLE survey_participants (
    survey_id UNIQUEIDENTIFIER NOT NULL REFERENCES surveys (id),
    user_id UNIQUEIDENTIFIER NOT NULL REFERENCES users (id),
    CONSTRAINT pk_survey_participants PRIMARY KEY CLUSTERED (survey_id, user_id)
);

CREATE TABLE survey_answers (
    survey_id UNIQUEIDENTIFIER NOT NULL REFERENCES surveys (id),
    id UNIQUEIDENTIFIER NOT NULL,
    score INT NOT NULL CHECK (score BETWEEN 0 AND 10),
    CONSTRAINT pk_survey_answers PRIMARY KEY CLUSTERED (survey_id, id)
);
