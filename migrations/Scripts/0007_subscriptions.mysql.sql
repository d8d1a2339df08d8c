-- Durable subscriptions to the global order (docs/adr/0012-webhook-subscriptions.md): one row per subscription with
-- its checkpoint (the lowest position not yet handled: everything below it was delivered or filtered out), its status
-- and its lease. The lease's expiry is computed by the database clock, never by a service node's. generation rises
-- with every replay, so a holder still writing the old checkpoint is fenced out.
CREATE TABLE subscriptions (
    id                VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    definition        LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    position          BIGINT NOT NULL,
    generation        BIGINT NOT NULL,
    status            VARCHAR(20) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    last_error        TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    lease_owner       VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    lease_expires_at  DATETIME(6) NULL,
    created_at        DATETIME(6) NOT NULL,
    updated_at        DATETIME(6) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
