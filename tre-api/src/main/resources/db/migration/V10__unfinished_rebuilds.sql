-- A rebuild empties read models and refills them in batches; a row here stands from the emptying to
-- the last batch, so a rebuild cut short by a crash is resumed at the next start instead of leaving
-- half-built tables that answer as if they were whole.
CREATE TABLE projection_rebuild (
    processing_group VARCHAR(100) PRIMARY KEY,
    started          BIGINT       NOT NULL
);
