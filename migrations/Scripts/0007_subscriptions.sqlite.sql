-- Same shape as the MySQL table; SQLite has no date type, so times are Unix milliseconds of the database's clock.
CREATE TABLE subscriptions (
    id                TEXT NOT NULL PRIMARY KEY,
    definition        TEXT NOT NULL,
    position          INTEGER NOT NULL,
    generation        INTEGER NOT NULL,
    status            TEXT NOT NULL,
    last_error        TEXT NULL,
    lease_owner       TEXT NULL,
    lease_expires_at  INTEGER NULL,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL
);
