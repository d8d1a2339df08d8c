-- A counter that a refusal raises to confirm, on Galera, that a stream does not exist yet (docs/adr/0009-galera-cluster.md):
-- a stream that does not exist has no row to write, but every append raises event_positions.last, so a write to this
-- row conflicts in certification with any append another node committed that this node has not applied yet.
ALTER TABLE event_positions ADD COLUMN confirmations BIGINT NOT NULL DEFAULT 0;
