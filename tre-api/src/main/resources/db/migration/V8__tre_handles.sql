-- The TRE handles taken, for good (a deleted TRE keeps its handle). Written in the creating command's
-- transaction, so two concurrent creations with one handle cannot both pass, even where the TRE read
-- model follows the store on its own processor.
CREATE TABLE tre_handle (
    handle VARCHAR(64) NOT NULL PRIMARY KEY,
    tre_id VARCHAR(80) NOT NULL
);
INSERT INTO tre_handle (handle, tre_id) SELECT handle, id FROM tre_view;
