-- The forum: categories, threads, posts and their revisions behind the PHI gate,
-- member reports, moderation claims, notifications and the detector's site lists.
-- Published text lives on `posts` (and `threads.title`); every version an author or
-- moderator wrote lives on `post_revisions`. Text that was never published is purged
-- from `post_revisions` after the retention period; no other table holds it.

CREATE TABLE categories (
    id              BIGSERIAL PRIMARY KEY,
    slug            TEXT    NOT NULL UNIQUE,
    name_en         TEXT    NOT NULL,
    name_ja         TEXT    NOT NULL,
    description_en  TEXT    NOT NULL DEFAULT '',
    description_ja  TEXT    NOT NULL DEFAULT '',
    position        BIGINT  NOT NULL DEFAULT 0,
    archived        BIGINT  NOT NULL DEFAULT 0,
    created_at      BIGINT  NOT NULL
);

INSERT INTO categories (slug, name_en, name_ja, description_en, description_ja, position, created_at) VALUES
 ('internal-medicine', 'Internal medicine', '内科', 'Diagnosis and treatment in adult medicine.', '成人の診断と治療について。', 10, 0),
 ('nursing', 'Nursing', '看護', 'Nursing care, assessment and practice on the ward and in the community.', '病棟・地域での看護ケア、アセスメント、実践。', 20, 0),
 ('elder-care', 'Elder care', '介護', 'Care of older people at home, in care homes and in hospital.', '在宅・施設・病院での高齢者ケア。', 30, 0),
 ('pharmacy', 'Pharmacy', '薬剤', 'Medicines, interactions, dosing and monitoring.', '薬剤、相互作用、用量、モニタリング。', 40, 0),
 ('pediatrics', 'Pediatrics', '小児科', 'Children and adolescents.', '小児・思春期。', 50, 0),
 ('emergency', 'Emergency', '救急', 'Emergency and acute care.', '救急・急性期医療。', 60, 0),
 ('workplace', 'Workplace', '職場・働き方', 'Shifts, handover, teams, wellbeing and careers.', 'シフト、申し送り、チーム、働き方とキャリア。', 70, 0);

CREATE TABLE threads (
    id               BIGSERIAL PRIMARY KEY,
    category_id      BIGINT  NOT NULL REFERENCES categories (id),
    author_id        BIGINT  NOT NULL REFERENCES users (id),
    -- The published title; '' until the opening post is first published.
    title            TEXT    NOT NULL DEFAULT '',
    published        BIGINT  NOT NULL DEFAULT 0,
    pinned           BIGINT  NOT NULL DEFAULT 0,
    locked           BIGINT  NOT NULL DEFAULT 0,
    hidden           BIGINT  NOT NULL DEFAULT 0,
    deleted          BIGINT  NOT NULL DEFAULT 0,
    created_at       BIGINT  NOT NULL,
    last_activity_at BIGINT  NOT NULL
);
CREATE INDEX threads_listing ON threads (published, hidden, deleted, pinned, last_activity_at);
CREATE INDEX threads_category ON threads (category_id, last_activity_at);

-- Published tags only (a held edit's tags wait on its revision).
CREATE TABLE thread_tags (
    thread_id  BIGINT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
    tag        TEXT   NOT NULL,
    PRIMARY KEY (thread_id, tag)
);
CREATE INDEX thread_tags_tag ON thread_tags (tag);

CREATE TABLE posts (
    id            BIGSERIAL PRIMARY KEY,
    thread_id     BIGINT  NOT NULL REFERENCES threads (id),
    author_id     BIGINT  NOT NULL REFERENCES users (id),
    -- Position in the thread (1 = the opening post), fixed at creation.
    number        BIGINT  NOT NULL,
    -- held: never published, waiting; published; rejected: never published, turned
    -- down; deleted: by its author; removed: by a moderator after a report.
    state         TEXT    NOT NULL CHECK (state IN ('held', 'published', 'rejected', 'deleted', 'removed')),
    hidden        BIGINT  NOT NULL DEFAULT 0,
    -- The published text ('' while never published, after deletion or removal).
    body_md       TEXT    NOT NULL DEFAULT '',
    body_html     TEXT    NOT NULL DEFAULT '',
    body_text     TEXT    NOT NULL DEFAULT '',
    created_at    BIGINT  NOT NULL,
    published_at  BIGINT,
    edited_at     BIGINT,
    UNIQUE (thread_id, number)
);
CREATE INDEX posts_author ON posts (author_id);

CREATE TABLE post_revisions (
    id            BIGSERIAL PRIMARY KEY,
    post_id       BIGINT  NOT NULL REFERENCES posts (id),
    editor_id     BIGINT  NOT NULL REFERENCES users (id),
    -- Title and tags (space separated) for opening posts; NULL on replies.
    title         TEXT,
    tags          TEXT,
    body_md       TEXT    NOT NULL,
    body_html     TEXT    NOT NULL,
    body_text     TEXT    NOT NULL,
    -- held: waiting (review_requested says whether the author sent it to moderators);
    -- published: the live version; superseded: an earlier live version (history);
    -- discarded: never published, replaced by its author; rejected: turned down;
    -- redacted: replaced by a moderator's redaction before approval.
    state         TEXT    NOT NULL CHECK (state IN ('held', 'published', 'superseded', 'discarded', 'rejected', 'redacted')),
    findings      TEXT    NOT NULL DEFAULT '[]',
    review_requested BIGINT NOT NULL DEFAULT 0,
    reason        TEXT    NOT NULL DEFAULT '',
    created_at    BIGINT  NOT NULL,
    decided_at    BIGINT,
    decided_by    BIGINT REFERENCES users (id),
    -- When the unpublished text is deleted (rejected, discarded, redacted).
    purge_after   BIGINT,
    purged_at     BIGINT
);
CREATE INDEX post_revisions_post ON post_revisions (post_id, id);
CREATE INDEX post_revisions_state ON post_revisions (state, created_at);
CREATE INDEX post_revisions_purge ON post_revisions (purge_after);

CREATE TABLE reports (
    id           BIGSERIAL PRIMARY KEY,
    post_id      BIGINT  NOT NULL REFERENCES posts (id),
    reporter_id  BIGINT  NOT NULL REFERENCES users (id),
    reason       TEXT    NOT NULL CHECK (reason IN ('patient_data', 'misinformation', 'unprofessional', 'other')),
    note         TEXT    NOT NULL DEFAULT '',
    state        TEXT    NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'dismissed', 'hidden', 'removed')),
    created_at   BIGINT  NOT NULL,
    decided_at   BIGINT,
    decided_by   BIGINT REFERENCES users (id)
);
CREATE INDEX reports_state ON reports (state, created_at);

-- A moderator's claim on a queue item (kind: held, report, verification).
CREATE TABLE claims (
    kind          TEXT    NOT NULL,
    item_id       BIGINT  NOT NULL,
    moderator_id  BIGINT  NOT NULL REFERENCES users (id),
    expires_at    BIGINT  NOT NULL,
    PRIMARY KEY (kind, item_id)
);

-- Notifications carry ids only, never text, so a purge never has to chase them.
CREATE TABLE notifications (
    id           BIGSERIAL PRIMARY KEY,
    user_id      BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind         TEXT    NOT NULL,
    actor_id     BIGINT REFERENCES users (id),
    thread_id    BIGINT,
    post_id      BIGINT,
    revision_id  BIGINT,
    created_at   BIGINT  NOT NULL,
    read_at      BIGINT
);
CREATE INDEX notifications_user ON notifications (user_id, read_at, id);

CREATE TABLE site_terms (
    id          BIGSERIAL PRIMARY KEY,
    list        TEXT    NOT NULL CHECK (list IN ('always', 'never')),
    term        TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL,
    created_by  BIGINT REFERENCES users (id),
    UNIQUE (list, term)
);
