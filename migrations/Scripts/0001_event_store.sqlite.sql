-- The embedded event store; same shape as the MySQL schema. TEXT compares with BINARY collation by default,
-- so ids that differ only in case are different ids. Times are UTC text 'yyyy-MM-dd HH:mm:ss.ffffff'.
CREATE TABLE streams (
    stream_id   TEXT NOT NULL PRIMARY KEY,
    version     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE events (
    position        INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id        BLOB NOT NULL UNIQUE,
    stream_id       TEXT NOT NULL,
    version         INTEGER NOT NULL,
    type            TEXT NOT NULL,
    data            TEXT NOT NULL,
    correlation_id  BLOB NULL,
    causation_id    BLOB NULL,
    recorded_at     TEXT NOT NULL,
    UNIQUE (stream_id, version)
);

CREATE TABLE documents (
    projection      TEXT NOT NULL,
    id              TEXT NOT NULL,
    data            TEXT NOT NULL,
    stream_version  INTEGER NOT NULL,
    updated_at      TEXT NOT NULL,
    PRIMARY KEY (projection, id)
);
