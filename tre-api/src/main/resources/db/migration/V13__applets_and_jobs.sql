-- Applets and jobs (DECISIONS.md §16). An applet's specifications are kept as the JSON text it was
-- made with; describe gives them back unchanged.
CREATE TABLE directory_applet (
    id          VARCHAR(64)      NOT NULL PRIMARY KEY,
    project_id  VARCHAR(64)      NOT NULL,
    folder      VARCHAR(4000)    NOT NULL,
    name        VARCHAR(1000)    NOT NULL,
    dxapi       VARCHAR(64),
    run_spec    VARCHAR(1048576),
    input_spec  VARCHAR(1048576),
    output_spec VARCHAR(1048576),
    access      VARCHAR(100000),
    https_app   VARCHAR(100000),
    title       VARCHAR(10000),
    summary     VARCHAR(10000),
    description VARCHAR(100000),
    tags        VARCHAR(100000)  NOT NULL,
    properties  VARCHAR(1048576) NOT NULL,
    created_by  VARCHAR(128)     NOT NULL,
    created     BIGINT           NOT NULL
);
CREATE INDEX directory_applet_project ON directory_applet (project_id);

-- The jobs runs started; refused runs are in the job's and the TRE's history, not here.
CREATE TABLE directory_job (
    id              VARCHAR(64)      NOT NULL PRIMARY KEY,
    applet_id       VARCHAR(64)      NOT NULL,
    applet_project  VARCHAR(64)      NOT NULL,
    executable_name VARCHAR(1000)    NOT NULL,
    project_id      VARCHAR(64)      NOT NULL,
    folder          VARCHAR(4000)    NOT NULL,
    name            VARCHAR(1000)    NOT NULL,
    input           VARCHAR(1048576) NOT NULL,
    allow_ssh       VARCHAR(100000)  NOT NULL,
    tags            VARCHAR(100000)  NOT NULL,
    properties      VARCHAR(1048576) NOT NULL,
    details         VARCHAR(1048576),
    tre_id          VARCHAR(80),
    launched_by     VARCHAR(128)     NOT NULL,
    state           VARCHAR(16)      NOT NULL,
    created         BIGINT           NOT NULL,
    modified        BIGINT           NOT NULL
);
CREATE INDEX directory_job_project ON directory_job (project_id, created);
CREATE INDEX directory_job_launcher ON directory_job (launched_by, created);
