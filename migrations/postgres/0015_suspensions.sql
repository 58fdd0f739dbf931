-- Suspensions: a moderator keeps a member out for a while, with a reason the member
-- reads. A member is suspended while a row of theirs is neither lifted nor past its
-- end; the rows stay as the member's record (who, when, why, and who lifted it).
CREATE TABLE suspensions (
    id          BIGSERIAL PRIMARY KEY,
    user_id     BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    by_id       BIGINT  REFERENCES users (id) ON DELETE SET NULL,
    reason      TEXT    NOT NULL,
    starts_at   BIGINT  NOT NULL,
    ends_at     BIGINT  NOT NULL,
    lifted_at   BIGINT,
    lifted_by   BIGINT  REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX suspensions_user ON suspensions (user_id, ends_at);
