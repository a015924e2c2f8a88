-- What a regrade changed (issue 12): one row per re-verified attempt whose result differs from
-- before, for the instructor's view and the export.
CREATE TABLE regrades (
    id ${identity},
    attempt_id BIGINT NOT NULL REFERENCES attempts (id),
    person_id BIGINT NOT NULL REFERENCES people (id),
    check_id VARCHAR(200) NOT NULL,
    regraded_at BIGINT NOT NULL,
    before_verification VARCHAR(20) NOT NULL,
    after_verification VARCHAR(20) NOT NULL,
    before_score INTEGER,
    after_score INTEGER
);
CREATE INDEX regrades_check ON regrades (check_id, id);
