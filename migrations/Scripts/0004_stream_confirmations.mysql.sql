-- A counter that a refusal raises to confirm, on Galera, that a stream is still at the version it was decided at
-- (docs/adr/0009-galera-cluster.md): the write conflicts in certification with any append another node committed
-- that this node has not applied yet, where a read can be a write behind.
ALTER TABLE streams ADD COLUMN confirmations BIGINT NOT NULL DEFAULT 0;
