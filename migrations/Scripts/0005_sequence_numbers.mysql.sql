-- One counter row per sequence: taking a number raises last_value in its own autocommit statement, so the row is
-- locked only for that statement (on Galera, two nodes raising it at once conflict in certification and one retries).
-- Names are ASCII so that two names can never fold into one stored name.
CREATE TABLE sequence_numbers (
    name        VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    last_value  BIGINT NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
