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
