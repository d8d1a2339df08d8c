-- Rebuilding a projection writes here while documents stays in service; the two tables are then swapped by an
-- atomic RENAME TABLE. The checkpoint lets an interrupted rebuild resume from the last global position applied.
CREATE TABLE documents_rebuild (
    projection      VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    id              VARCHAR(250) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    data            LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    stream_version  BIGINT NOT NULL,
    updated_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (projection, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE projection_checkpoints (
    projection  VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    position    BIGINT NOT NULL,
    rebuilding  TINYINT(1) NOT NULL,
    updated_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (projection)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
