-- The global position counter (docs/adr/0009-galera-cluster.md). An append takes its positions by raising
-- `last` inside its own transaction, just before it inserts its events, so the row stays locked until it commits:
-- positions are handed out in commit order, without gaps, on one server and on every node of a Galera cluster
-- (where two nodes raising it at once conflict in certification and one of them retries). events.position keeps its
-- AUTO_INCREMENT attribute for the rows written before this migration; new rows get explicit positions.
CREATE TABLE event_positions (
    id    TINYINT NOT NULL,
    last  BIGINT NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO event_positions (id, last) SELECT 1, COALESCE(MAX(position), 0) FROM events;
