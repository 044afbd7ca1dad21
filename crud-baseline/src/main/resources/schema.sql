-- One row per journal entry; default durability (synchronous_commit on, one transaction per entry).
CREATE TABLE IF NOT EXISTS crud_entry (
    id          BIGSERIAL PRIMARY KEY,
    user_id     VARCHAR(255) NOT NULL,
    entry_id    VARCHAR(64)  NOT NULL,
    kind        VARCHAR(8)   NOT NULL,
    digest      VARCHAR(64)  NOT NULL,
    when_value  VARCHAR(40)  NOT NULL,
    zone        VARCHAR(64)  NOT NULL,
    day         DATE         NOT NULL,
    occurred_at TIMESTAMPTZ  NOT NULL,
    text        TEXT,
    focus_area  VARCHAR(32),
    tags        TEXT,
    mood        INTEGER,
    energy      INTEGER,
    tolerance_window VARCHAR(16),
    note        TEXT,
    CONSTRAINT crud_entry_user_entry UNIQUE (user_id, entry_id)
);
CREATE INDEX IF NOT EXISTS crud_entry_timeline ON crud_entry (user_id, day DESC, occurred_at DESC, id DESC);
-- The content hash is a full SHA-256 (43 characters in base64url) since the journal's decider replaced the 16-byte digest.
ALTER TABLE crud_entry ALTER COLUMN digest TYPE VARCHAR(64);
