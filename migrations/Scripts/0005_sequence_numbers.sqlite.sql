-- One counter row per sequence; same shape as the MySQL table (TEXT compares with BINARY collation).
CREATE TABLE sequence_numbers (
    name        TEXT NOT NULL PRIMARY KEY,
    last_value  INTEGER NOT NULL
);
