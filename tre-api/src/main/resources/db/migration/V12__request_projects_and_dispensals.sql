-- A TRE project belongs to one data access request (DECISIONS.md §15).
ALTER TABLE directory_project ADD COLUMN tre_application VARCHAR(80);
CREATE INDEX directory_project_request ON directory_project (tre_application);

-- Dispensal jobs as /job-xxxx/describe and project describe's treDispensal show them, written in the
-- transaction of the request's, queue's and TRE's events. The governance record itself is the TRE's
-- history; this table is rebuilt from it.
CREATE TABLE tre_dispensal_job (
    id                VARCHAR(64)      NOT NULL PRIMARY KEY,
    tre_id            VARCHAR(80)      NOT NULL,
    request_id        VARCHAR(80)      NOT NULL,
    project_id        VARCHAR(64)      NOT NULL,
    state             VARCHAR(16)      NOT NULL,
    launched_by       VARCHAR(128)     NOT NULL,
    requested_by      VARCHAR(128)     NOT NULL,
    inventory_version VARCHAR(64),
    objects           VARCHAR(1048576),
    cohort            VARCHAR(1048576),
    failure_reason    VARCHAR(64),
    failure_message   VARCHAR(10000),
    created           BIGINT           NOT NULL,
    modified          BIGINT           NOT NULL,
    started           BIGINT,
    finished          BIGINT
);
CREATE INDEX tre_dispensal_job_project ON tre_dispensal_job (project_id, created);
