-- The operator's HTTPS app allowlist (HttpsAppAllowlistProjection): the names of the apps that may
-- serve HTTPS from a TRE project, replaced whole by each /system/setHttpsAppAllowlist.
CREATE TABLE directory_https_app (
    app_name VARCHAR(256) NOT NULL PRIMARY KEY
);
