-- How each directory workflow (an org member's removal, a clone or removal of many objects) ended,
-- for the request that waits to answer with it. Short-lived: rows older than an hour are dropped.
CREATE TABLE directory_workflow_outcome (
    workflow_id   VARCHAR(64)      NOT NULL PRIMARY KEY,
    answer        VARCHAR(1000000),
    error_type    VARCHAR(32),
    error_message VARCHAR(10000),
    finished      BIGINT           NOT NULL
);
CREATE INDEX directory_workflow_outcome_finished ON directory_workflow_outcome (finished);
