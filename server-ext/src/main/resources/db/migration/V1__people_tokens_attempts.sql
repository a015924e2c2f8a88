-- Placeholders (Flyway): ${identity} is the auto-numbered primary key of the database in use.
-- Times are epoch milliseconds (BIGINT), the same on SQLite and PostgreSQL.

CREATE TABLE people (
    id ${identity},
    name VARCHAR(100) NOT NULL UNIQUE,
    role VARCHAR(20) NOT NULL CHECK (role IN ('learner', 'instructor')),
    created_at BIGINT NOT NULL
);

-- Tokens are stored as SHA-256 hashes; the token itself is shown once, when issued.
CREATE TABLE tokens (
    hash CHAR(64) PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES people (id),
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);
CREATE INDEX tokens_person ON tokens (person_id);

CREATE TABLE attempts (
    id ${identity},
    person_id BIGINT NOT NULL REFERENCES people (id),
    idempotency_key VARCHAR(100) NOT NULL,
    check_id VARCHAR(200) NOT NULL,
    outcome VARCHAR(10) NOT NULL,
    score INTEGER NOT NULL,
    max_score INTEGER NOT NULL,
    message TEXT NOT NULL,
    duration_ms BIGINT NOT NULL,
    runtime VARCHAR(10) NOT NULL,
    attempted_at BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    notebook TEXT,
    kernel_id VARCHAR(200),
    UNIQUE (person_id, idempotency_key)
);
CREATE INDEX attempts_person_check ON attempts (person_id, check_id, id);

-- One row per learner and check, kept up to date with each new attempt, so progress and the cohort
-- view never scan the attempts.
CREATE TABLE check_results (
    person_id BIGINT NOT NULL REFERENCES people (id),
    check_id VARCHAR(200) NOT NULL,
    best_score INTEGER NOT NULL,
    best_rank INTEGER NOT NULL,
    attempts INTEGER NOT NULL,
    last_attempt_at BIGINT NOT NULL,
    PRIMARY KEY (person_id, check_id)
);
