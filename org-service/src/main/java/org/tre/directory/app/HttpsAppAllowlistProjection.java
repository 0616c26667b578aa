package org.tre.directory.app;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.tre.messages.app.HttpsAppMessages.HttpsAppAllowlistSetEvent;

import java.util.List;

/**
 * The HTTPS app allowlist as the run decision reads it: one row per app name, current in the
 * transaction of the command that set it.
 */
@Component
@ProcessingGroup(HttpsAppAllowlistProjection.PROCESSING_GROUP)
public class HttpsAppAllowlistProjection {

    public static final String PROCESSING_GROUP = "directory-https-app-allowlist";

    private final JdbcTemplate jdbc;

    public HttpsAppAllowlistProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(HttpsAppAllowlistSetEvent event) {
        jdbc.update("DELETE FROM directory_https_app");
        event.apps().forEach(app -> jdbc.update("INSERT INTO directory_https_app (app_name) VALUES (?)", app));
    }

    /** Whether an app of this name may serve HTTPS from a TRE project; applets are never named here. */
    public boolean allows(String appName) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM directory_https_app WHERE app_name = ?", Integer.class,
                appName);
        return n != null && n > 0;
    }

    /** The names on the list, in name order. */
    public List<String> apps() {
        return jdbc.queryForList("SELECT app_name FROM directory_https_app ORDER BY app_name", String.class);
    }
}
