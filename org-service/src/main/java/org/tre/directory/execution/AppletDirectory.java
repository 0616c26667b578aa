package org.tre.directory.execution;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.tre.directory.support.JsonColumns;
import org.tre.messages.execution.AppletMessages.AppletCreatedEvent;
import org.tre.messages.execution.AppletMessages.AppletSpec;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The applet table: an applet never changes once made, so it is one row written once. */
@Component
@ProcessingGroup(AppletDirectory.PROCESSING_GROUP)
public class AppletDirectory implements Applets {

    public static final String PROCESSING_GROUP = "directory-applets";

    private static final TypeReference<Map<String, String>> PROPERTIES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonColumns columns;

    public AppletDirectory(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.columns = new JsonColumns(json);
    }

    @EventHandler
    void on(AppletCreatedEvent event, @Timestamp Instant at) {
        AppletSpec spec = event.spec();
        jdbc.update("INSERT INTO directory_applet (id, project_id, folder, name, dxapi, run_spec, input_spec,"
                        + " output_spec, access, https_app, title, summary, description, tags, properties, created_by,"
                        + " created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.appletId(), event.projectId(), event.folder(), event.name(), spec.dxapi(), spec.runSpec(),
                spec.inputSpec(), spec.outputSpec(), spec.access(), spec.httpsApp(), event.title(), event.summary(),
                event.description(), columns.write(event.tags()), columns.write(event.properties()),
                event.createdBy(), at.toEpochMilli());
    }

    @Override
    public Optional<AppletFacts> find(String appletId) {
        return jdbc.query("SELECT * FROM directory_applet WHERE id = ?", this::read, appletId).stream().findFirst();
    }

    private AppletFacts read(ResultSet rs, int n) throws SQLException {
        AppletSpec spec = new AppletSpec(rs.getString("dxapi"), rs.getString("run_spec"), rs.getString("input_spec"),
                rs.getString("output_spec"), rs.getString("access"), rs.getString("https_app"));
        return new AppletFacts(rs.getString("id"), rs.getString("project_id"), rs.getString("folder"),
                rs.getString("name"), spec, rs.getString("title"), rs.getString("summary"),
                rs.getString("description"), columns.strings(rs.getString("tags")),
                columns.read(rs.getString("properties"), PROPERTIES), rs.getString("created_by"),
                rs.getLong("created"));
    }
}
