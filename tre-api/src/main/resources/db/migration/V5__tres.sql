-- The TRE read model. One JSON document per TRE, the whole admin view, which describe filters by
-- role; the principals table answers "which TREs may this caller see" without reading documents.
CREATE TABLE tre_view (
    id       VARCHAR(80)     NOT NULL PRIMARY KEY,
    handle   VARCHAR(64)     NOT NULL UNIQUE,
    state    VARCHAR(16)     NOT NULL,
    doc      VARCHAR(1048576) NOT NULL,
    created  BIGINT          NOT NULL,
    modified BIGINT          NOT NULL
);

-- principal: a user id, an org id or PUBLIC; role: admin, reviewer or authorized.
CREATE TABLE tre_principal (
    tre_id    VARCHAR(80)  NOT NULL,
    principal VARCHAR(128) NOT NULL,
    role      VARCHAR(16)  NOT NULL,
    PRIMARY KEY (tre_id, principal, role)
);
CREATE INDEX tre_principal_principal ON tre_principal (principal);
