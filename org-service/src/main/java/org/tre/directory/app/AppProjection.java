package org.tre.directory.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.tre.directory.support.JsonColumns;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.tre.messages.app.AppMessages.AppAccessRevokedEvent;
import org.tre.messages.app.AppMessages.AppCreatedEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The app table of the directory, current in the command's transaction. */
@Component
@ProcessingGroup(AppProjection.PROCESSING_GROUP)
public class AppProjection implements AppCatalog {

    public static final String PROCESSING_GROUP = "directory-apps";

    private final JdbcTemplate jdbc;
    private final JsonColumns columns;

    public AppProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.columns = new JsonColumns(json);
    }

    public record AppRecord(String id, String name, String version, String billTo, String title, String summary,
                            String description, boolean published, List<String> authorizedUsers,
                            List<String> developers, List<String> categories, String createdBy, long created,
                            long modified) {
    }

    @EventHandler
    void on(AppCreatedEvent event, @Timestamp Instant at) {
        jdbc.update("INSERT INTO directory_app (id, name, version, bill_to, title, summary, description, published,"
                        + " authorized_users, developers, categories, created_by, created, modified)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.appId(), event.name(), event.version(), event.billTo(), event.title(), event.summary(),
                event.description(), event.published(), columns.write(event.authorizedUsers()), columns.write(event.developers()),
                columns.write(event.categories()), event.createdBy(), at.toEpochMilli(), at.toEpochMilli());
    }

    @EventHandler
    void on(AppAccessRevokedEvent event, @Timestamp Instant at) {
        AppRecord app = find(event.appId()).orElseThrow();
        List<String> developers = new ArrayList<>(app.developers());
        List<String> authorized = new ArrayList<>(app.authorizedUsers());
        developers.remove(event.userId());
        authorized.remove(event.userId());
        if (event.newDeveloper() != null && !developers.contains(event.newDeveloper())) {
            developers.add(event.newDeveloper());
        }
        jdbc.update("UPDATE directory_app SET developers = ?, authorized_users = ?, modified = ? WHERE id = ?",
                columns.write(developers), columns.write(authorized), at.toEpochMilli(), event.appId());
    }

    public Optional<AppRecord> find(String appId) {
        return jdbc.query("SELECT * FROM directory_app WHERE id = ?", row(), appId).stream().findFirst();
    }

    /** Every app version, ordered by id: the find routes filter and page over it. */
    public List<AppRecord> all() {
        return jdbc.query("SELECT * FROM directory_app ORDER BY id", row());
    }

    public List<AppRecord> billedTo(String orgId) {
        return jdbc.query("SELECT * FROM directory_app WHERE bill_to = ? ORDER BY id", row(), orgId);
    }

    @Override
    public boolean versionExists(String name, String version) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM directory_app WHERE name = ? AND version = ?",
                Integer.class, name, version);
        return n != null && n > 0;
    }

    @Override
    public List<String> developersOf(String name) {
        return jdbc.query("SELECT * FROM directory_app WHERE name = ? ORDER BY created DESC, id", row(), name)
                .stream().findFirst().map(AppRecord::developers).orElse(List.of());
    }

    private RowMapper<AppRecord> row() {
        return (rs, n) -> new AppRecord(rs.getString("id"), rs.getString("name"), rs.getString("version"),
                rs.getString("bill_to"), rs.getString("title"), rs.getString("summary"), rs.getString("description"),
                rs.getBoolean("published"), columns.strings(rs.getString("authorized_users")), columns.strings(rs.getString("developers")),
                columns.strings(rs.getString("categories")), rs.getString("created_by"), rs.getLong("created"),
                rs.getLong("modified"));
    }
}
