-- Rebuilding a projection writes here while documents stays in service; the two tables are then swapped by
-- renames in one transaction. The checkpoint lets an interrupted rebuild resume.
CREATE TABLE documents_rebuild (
    projection      TEXT NOT NULL,
    id              TEXT NOT NULL,
    data            TEXT NOT NULL,
    stream_version  INTEGER NOT NULL,
    updated_at      TEXT NOT NULL,
    PRIMARY KEY (projection, id)
);

CREATE TABLE projection_checkpoints (
    projection  TEXT NOT NULL PRIMARY KEY,
    position    INTEGER NOT NULL,
    rebuilding  INTEGER NOT NULL,
    updated_at  TEXT NOT NULL
);
