-- Projects and data objects of the directory. Collections a project holds whole (flags, tags,
-- properties, types) are JSON text: findProjects filters them in memory, per billing org.
CREATE TABLE directory_project (
    id               VARCHAR(64)     NOT NULL PRIMARY KEY,
    name             VARCHAR(1000)   NOT NULL,
    summary          VARCHAR(10000),
    description      VARCHAR(100000),
    bill_to          VARCHAR(64)     NOT NULL,
    region           VARCHAR(128)    NOT NULL,
    tre              VARCHAR(128),
    created_by       VARCHAR(128)    NOT NULL,
    flags            VARCHAR(4096)   NOT NULL,
    tags             VARCHAR(1000000) NOT NULL,
    properties       VARCHAR(1000000) NOT NULL,
    pending_transfer VARCHAR(64),
    compute_limit    BIGINT,
    egress_limit     BIGINT,
    storage_limit    DOUBLE PRECISION,
    created          BIGINT          NOT NULL,
    modified         BIGINT          NOT NULL,
    version          BIGINT          NOT NULL,
    destroyed        BOOLEAN         NOT NULL
);
CREATE INDEX directory_project_bill_to ON directory_project (bill_to);
CREATE INDEX directory_project_pending ON directory_project (pending_transfer);

-- One row per (project, principal, source): a TRE's grant and a person's own never share a row.
CREATE TABLE directory_project_grant (
    project_id VARCHAR(64)  NOT NULL,
    principal  VARCHAR(128) NOT NULL,
    source     VARCHAR(128) NOT NULL,
    level      VARCHAR(16)  NOT NULL,
    PRIMARY KEY (project_id, principal, source)
);
CREATE INDEX directory_project_grant_principal ON directory_project_grant (principal);

-- A unique database name stays taken for good, like a handle.
CREATE TABLE directory_data_object (
    id                   VARCHAR(64)      NOT NULL PRIMARY KEY,
    object_class         VARCHAR(16)      NOT NULL,
    name                 VARCHAR(1000)    NOT NULL,
    types                VARCHAR(100000)  NOT NULL,
    unique_database_name VARCHAR(255)     UNIQUE,
    content_sha256       CHAR(64),
    content_length       BIGINT           NOT NULL,
    created              BIGINT           NOT NULL,
    created_by           VARCHAR(128)     NOT NULL
);

CREATE TABLE directory_data_object_project (
    object_id  VARCHAR(64) NOT NULL,
    project_id VARCHAR(64) NOT NULL,
    added      BIGINT      NOT NULL,
    PRIMARY KEY (object_id, project_id)
);
CREATE INDEX directory_data_object_project_project ON directory_data_object_project (project_id);

-- File content, outside the event store (the audit log many may read); written in the transaction
-- that records the file's creation, and untouched by projection rebuilds.
CREATE TABLE data_object_content (
    file_id VARCHAR(64) NOT NULL PRIMARY KEY,
    content BYTEA       NOT NULL
);
