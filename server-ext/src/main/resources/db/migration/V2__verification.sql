-- Server-side verification (issue 12): what the kernel claims is kept as it came; what counts for
-- grading is what the server verified by re-running the submitted code with the public and hidden
-- tests in a runtime it controls.

-- pending: queued for verification; verified-pass / verified-fail: the server ran it;
-- unverified: it could not be verified (verification_reason says why: no code sent, no runtime).
ALTER TABLE attempts ADD COLUMN verification VARCHAR(20) NOT NULL DEFAULT 'unverified';
ALTER TABLE attempts ADD COLUMN verification_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE attempts ADD COLUMN verified_score INTEGER;
ALTER TABLE attempts ADD COLUMN verified_at BIGINT;
-- An instructor may void an attempt (with a reason, kept in the audit log): it stays stored and
-- no longer counts.
ALTER TABLE attempts ADD COLUMN voided_at BIGINT;

-- The best verified score per learner and check (NULL: nothing verified yet) and how many
-- verified passes there were. Rows are recomputed from the attempts that count (not voided) when
-- an attempt is voided or re-verified (ResultStore.recompute).
ALTER TABLE check_results ADD COLUMN verified_score INTEGER;
ALTER TABLE check_results ADD COLUMN verified_passes INTEGER NOT NULL DEFAULT 0;

-- The learner's code sent with an attempt (JSON: runtime, cells, files), kept for regrading.
CREATE TABLE submissions (
    attempt_id BIGINT PRIMARY KEY REFERENCES attempts (id),
    content TEXT NOT NULL,
    sha256 CHAR(64) NOT NULL
);

-- The durable queue of verification work: a job is claimed by a worker (state running, with a
-- lease), and done or queued again if its worker died. Survives restarts.
CREATE TABLE verification_jobs (
    id ${identity},
    attempt_id BIGINT NOT NULL REFERENCES attempts (id),
    state VARCHAR(10) NOT NULL CHECK (state IN ('queued', 'running', 'done')),
    tries INTEGER NOT NULL DEFAULT 0,
    cause VARCHAR(20) NOT NULL CHECK (cause IN ('attempt', 'regrade')),
    enqueued_at BIGINT NOT NULL,
    lease_until BIGINT,
    finished_at BIGINT
);
CREATE INDEX verification_jobs_state ON verification_jobs (state, id);
