-- The detector's record from moderators' decisions, without any post text: what it
-- held (one row per finding of a held version: field, position, kind and the post's
-- language) and what members reported as patient data after publication (its misses).
-- The outcome of a held finding is the state of its revision (published or
-- superseded: approved; rejected; redacted; discarded: withdrawn by its author).
CREATE TABLE detector_findings (
    revision_id  BIGINT  NOT NULL REFERENCES post_revisions (id),
    field        TEXT    NOT NULL CHECK (field IN ('title', 'tags', 'body')),
    position     BIGINT  NOT NULL,
    kind         TEXT    NOT NULL,
    lang         TEXT    NOT NULL CHECK (lang IN ('en', 'ja')),
    -- A moderator marked this finding "not patient data" (and who).
    not_phi      BIGINT  NOT NULL DEFAULT 0,
    marked_by    BIGINT REFERENCES users (id),
    created_at   BIGINT  NOT NULL,
    PRIMARY KEY (revision_id, field, position)
);
CREATE INDEX detector_findings_kind ON detector_findings (kind, lang);

CREATE TABLE detector_misses (
    report_id    BIGINT  PRIMARY KEY REFERENCES reports (id),
    lang         TEXT    NOT NULL CHECK (lang IN ('en', 'ja')),
    created_at   BIGINT  NOT NULL
);
