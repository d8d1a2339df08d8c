-- The event store: one row per stream, one row per event, and inline read-model documents.
-- Stream and document ids use a binary collation: ids that differ only in case are different ids.
CREATE TABLE streams (
    stream_id   VARCHAR(250) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    version     BIGINT NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    updated_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (stream_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- position: the global order (may have gaps; see the store's ReadAll for how late commits are never skipped).
-- event_id: UUID v7 in RFC 9562 byte order; unique so that a retried append is recognised, never duplicated.
CREATE TABLE events (
    position        BIGINT NOT NULL AUTO_INCREMENT,
    event_id        BINARY(16) NOT NULL,
    stream_id       VARCHAR(250) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    version         BIGINT NOT NULL,
    type            VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    data            LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    correlation_id  BINARY(16) NULL,
    causation_id    BINARY(16) NULL,
    recorded_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (position),
    UNIQUE KEY ux_events_stream_version (stream_id, version),
    UNIQUE KEY ux_events_event_id (event_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE documents (
    projection      VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    id              VARCHAR(250) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    data            LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    stream_version  BIGINT NOT NULL,
    updated_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (projection, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
