CREATE TABLE directory_app (
    id               VARCHAR(64)    NOT NULL PRIMARY KEY,
    name             VARCHAR(256)   NOT NULL,
    version          VARCHAR(128)   NOT NULL,
    bill_to          VARCHAR(64)    NOT NULL,
    title            VARCHAR(1024),
    summary          VARCHAR(4096),
    description      VARCHAR(65536),
    published        BOOLEAN        NOT NULL,
    authorized_users VARCHAR(65536) NOT NULL,
    developers       VARCHAR(65536) NOT NULL,
    categories       VARCHAR(4096)  NOT NULL,
    created_by       VARCHAR(128)   NOT NULL,
    created          BIGINT         NOT NULL,
    modified         BIGINT         NOT NULL,
    UNIQUE (name, version)
);
CREATE INDEX directory_app_bill_to ON directory_app (bill_to);
