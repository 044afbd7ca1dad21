-- Axon's JDBC event store and token store, in PostgreSQL. Idempotent: runs at every start.
CREATE TABLE IF NOT EXISTS DomainEventEntry (
    globalIndex         BIGSERIAL    NOT NULL,
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT       NOT NULL,
    type                VARCHAR(255),
    eventIdentifier     VARCHAR(255) NOT NULL,
    metaData            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadRevision     VARCHAR(255),
    payloadType         VARCHAR(255) NOT NULL,
    timeStamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (globalIndex),
    UNIQUE (aggregateIdentifier, sequenceNumber),
    UNIQUE (eventIdentifier)
);

CREATE TABLE IF NOT EXISTS SnapshotEventEntry (
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT       NOT NULL,
    type                VARCHAR(255) NOT NULL,
    eventIdentifier     VARCHAR(255) NOT NULL,
    metaData            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadRevision     VARCHAR(255),
    payloadType         VARCHAR(255) NOT NULL,
    timeStamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregateIdentifier, sequenceNumber),
    UNIQUE (eventIdentifier)
);

CREATE TABLE IF NOT EXISTS TokenEntry (
    processorName VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BYTEA,
    tokenType     VARCHAR(255),
    timestamp     VARCHAR(255),
    owner         VARCHAR(255),
    PRIMARY KEY (processorName, segment)
);

-- Who took a journal out, brought one in, or asked for its erasure (never content; see AccessLog). Kept through an
-- erasure: the erasure's own record is the person's receipt.
CREATE TABLE IF NOT EXISTS journal_access_log (
    id             BIGSERIAL    PRIMARY KEY,
    user_id        VARCHAR(255) NOT NULL,
    action         VARCHAR(16)  NOT NULL,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    correlation_id VARCHAR(64)  NOT NULL,
    format         VARCHAR(8),
    events         BIGINT       NOT NULL,
    outcome        VARCHAR(32)  NOT NULL,
    key_id         VARCHAR(64)
);

CREATE INDEX IF NOT EXISTS journal_access_log_by_user ON journal_access_log (user_id, id DESC);

-- Every person's data key, wrapped by the key-encryption key (Tink, associated data = user id and key id). At most one
-- live key per person; erasure destroys it (wrapped_keyset NULL, destroyed_at set) and keeps the row as the record that
-- it existed. Everything sealed with a destroyed key can never be opened again.
CREATE TABLE IF NOT EXISTS journal_data_keys (
    key_id         VARCHAR(64)  NOT NULL,
    user_id        VARCHAR(255) NOT NULL,
    wrapped_keyset BYTEA,
    created_at     TIMESTAMPTZ  NOT NULL,
    destroyed_at   TIMESTAMPTZ,
    PRIMARY KEY (key_id),
    CONSTRAINT journal_data_keys_destroyed_means_gone CHECK ((destroyed_at IS NULL) = (wrapped_keyset IS NOT NULL))
);

CREATE UNIQUE INDEX IF NOT EXISTS journal_data_keys_one_live_key_per_person
    ON journal_data_keys (user_id) WHERE destroyed_at IS NULL;
