-- Publishing, deadlines and instructor tools (issue 12, part B). Times are epoch milliseconds.

-- A week the instructor published (./pymastery server publish WEEK --at ... [--due ...]): learners
-- see it, download its files and may attempt its checks from published_at on; attempts after the
-- learner's deadline (due_at, or their extension) are marked late. A server with no row here has
-- no schedule: every week is open and nothing is late (decision 0014).
CREATE TABLE published_weeks (
    week INTEGER PRIMARY KEY,
    published_at BIGINT NOT NULL,
    due_at BIGINT,
    updated_at BIGINT NOT NULL
);

-- The released learner files of a published week: its notebook and its public checks file, kept
-- in the database so every server process of a class serves the same bytes and a backup holds them.
CREATE TABLE published_files (
    week INTEGER NOT NULL REFERENCES published_weeks (week),
    name VARCHAR(200) NOT NULL,
    kind VARCHAR(10) NOT NULL CHECK (kind IN ('notebook', 'checks')),
    content TEXT NOT NULL,
    sha256 CHAR(64) NOT NULL,
    size_bytes INTEGER NOT NULL,
    PRIMARY KEY (week, name)
);

-- A learner's own deadline for a week, replacing the week's due time.
CREATE TABLE extensions (
    person_id BIGINT NOT NULL REFERENCES people (id),
    week INTEGER NOT NULL,
    until_at BIGINT NOT NULL,
    PRIMARY KEY (person_id, week)
);

-- Set when the attempt is stored (attempted after the learner's deadline), and again for the
-- week's attempts when its due time or the learner's extension changes.
ALTER TABLE attempts ADD COLUMN late BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX attempts_late ON attempts (person_id, check_id) WHERE late;

-- An instructor's word on a learner's points for a check: replaces the verified score in grading.
CREATE TABLE score_overrides (
    person_id BIGINT NOT NULL REFERENCES people (id),
    check_id VARCHAR(200) NOT NULL,
    score INTEGER NOT NULL,
    reason TEXT NOT NULL,
    set_by VARCHAR(120) NOT NULL,
    set_at BIGINT NOT NULL,
    PRIMARY KEY (person_id, check_id)
);

-- Feedback text per learner and lab (w01.repl-audit), shown on the learner's page.
CREATE TABLE feedback (
    person_id BIGINT NOT NULL REFERENCES people (id),
    lab VARCHAR(120) NOT NULL,
    body TEXT NOT NULL,
    written_by VARCHAR(120) NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (person_id, lab)
);

-- Every instructor action that changes what counts or what learners see, with its reason; written
-- in the same transaction as the change. detail is JSON (what was before and after).
CREATE TABLE audit_log (
    id ${identity},
    at BIGINT NOT NULL,
    actor VARCHAR(120) NOT NULL,
    action VARCHAR(30) NOT NULL,
    person_id BIGINT REFERENCES people (id),
    target VARCHAR(200) NOT NULL,
    reason TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX audit_log_person ON audit_log (person_id, id);
