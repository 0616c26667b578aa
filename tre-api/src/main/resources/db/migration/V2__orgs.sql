-- The org side of the directory. Collections an org holds whole (licenses, regions, policies,
-- pricing) are JSON text: they are read and written as one value, never searched inside.
CREATE TABLE directory_org (
    id                VARCHAR(64)    NOT NULL PRIMARY KEY,
    handle            VARCHAR(64)    NOT NULL,
    name              VARCHAR(1024)  NOT NULL,
    billable          BOOLEAN        NOT NULL,
    licenses          VARCHAR(4096)  NOT NULL,
    permitted_regions VARCHAR(4096)  NOT NULL,
    default_region    VARCHAR(128),
    rate_card         BOOLEAN        NOT NULL,
    pricing           VARCHAR(65536) NOT NULL,
    policies          VARCHAR(8192)  NOT NULL,
    job_logs          VARCHAR(4096),
    created           BIGINT         NOT NULL,
    modified          BIGINT         NOT NULL,
    destroyed         BOOLEAN        NOT NULL
);

CREATE TABLE org_member (
    org_id         VARCHAR(64)  NOT NULL,
    user_id        VARCHAR(128) NOT NULL,
    level          VARCHAR(16)  NOT NULL,
    allow_billable BOOLEAN      NOT NULL,
    project_access VARCHAR(16)  NOT NULL,
    app_access     BOOLEAN      NOT NULL,
    tre_management BOOLEAN      NOT NULL,
    PRIMARY KEY (org_id, user_id)
);
CREATE INDEX org_member_user ON org_member (user_id);

CREATE TABLE org_pending_invite (
    invite_id VARCHAR(64)   NOT NULL PRIMARY KEY,
    org_id    VARCHAR(64)   NOT NULL,
    email     VARCHAR(320)  NOT NULL,
    access    VARCHAR(1024) NOT NULL
);
CREATE INDEX org_pending_invite_email ON org_pending_invite (email);
