-- The data access request read model. One JSON document per request, which describe filters by role;
-- the members table (applicant and collaborators) answers "which requests may this caller see" beside
-- tre_principal (the TRE's reviewers and admins) without reading documents. A deleted request keeps
-- its row with state 'deleted': its history stays open, and its TRE may then be deleted.
CREATE TABLE tre_request_view (
    id        VARCHAR(80)      NOT NULL PRIMARY KEY,
    tre_id    VARCHAR(80)      NOT NULL,
    applicant VARCHAR(128)     NOT NULL,
    state     VARCHAR(16)      NOT NULL,
    doc       VARCHAR(1048576) NOT NULL,
    created   BIGINT           NOT NULL,
    modified  BIGINT           NOT NULL
);
CREATE INDEX tre_request_view_tre ON tre_request_view (tre_id, state);

CREATE TABLE tre_request_member (
    request_id VARCHAR(80)  NOT NULL,
    user_id    VARCHAR(128) NOT NULL,
    PRIMARY KEY (request_id, user_id)
);
CREATE INDEX tre_request_member_user ON tre_request_member (user_id);
