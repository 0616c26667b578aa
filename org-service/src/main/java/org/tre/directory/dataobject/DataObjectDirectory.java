package org.tre.directory.dataobject;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tre.directory.support.JsonColumns;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.tre.messages.dataobject.DataObjectClass;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectCloneUndoneEvent;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectClonedEvent;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectCreatedEvent;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectRemovalUndoneEvent;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectRemovedEvent;
import org.tre.messages.dataobject.DataObjectQueries.DataObjectFacts;
import org.tre.messages.dataobject.DataObjectQueries.FindDataObjectQuery;
import org.tre.messages.dataobject.DataObjectQueries.FindDatabaseByUniqueNameQuery;
import org.tre.messages.dataobject.DataObjectQueries.ReadFileContentQuery;
import org.tre.messages.project.ProjectEvents.ProjectDestroyedEvent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The data object tables: one row per object, one per (object, project) it sits in. A destroyed
 * project takes its memberships along, so an object no live project holds is gone from every read.
 * File content lives in its own table, outside the event store, and no rebuild touches it.
 */
@Component
@ProcessingGroup(DataObjectDirectory.PROCESSING_GROUP)
public class DataObjectDirectory implements DatabaseNames {

    public static final String PROCESSING_GROUP = "directory-data-objects";

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonColumns columns;

    public DataObjectDirectory(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.columns = new JsonColumns(json);
    }

    @EventHandler
    void on(DataObjectCreatedEvent event, @Timestamp Instant at) {
        jdbc.update("INSERT INTO directory_data_object (id, object_class, name, types, unique_database_name,"
                        + " content_sha256, content_length, created, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.objectId(), event.objectClass().name(), event.name(), columns.write(event.types()),
                event.uniqueDatabaseName(), event.contentSha256(), event.contentLength(), at.toEpochMilli(),
                event.createdBy());
        join(event.objectId(), event.projectId(), at);
    }

    @EventHandler
    void on(DataObjectClonedEvent event, @Timestamp Instant at) {
        join(event.objectId(), event.destinationProject(), at);
    }

    @EventHandler
    void on(DataObjectRemovedEvent event) {
        jdbc.update("DELETE FROM directory_data_object_project WHERE object_id = ? AND project_id = ?",
                event.objectId(), event.projectId());
    }

    @EventHandler
    void on(DataObjectCloneUndoneEvent event) {
        jdbc.update("DELETE FROM directory_data_object_project WHERE object_id = ? AND project_id = ?",
                event.objectId(), event.projectId());
    }

    /**
     * Back where it was: the join time it had keeps describe's choice of project as it was. A project
     * destroyed meanwhile took its objects along and gets none back.
     */
    @EventHandler
    void on(DataObjectRemovalUndoneEvent event) {
        Integer live = jdbc.queryForObject("SELECT COUNT(*) FROM directory_project WHERE id = ? AND destroyed = FALSE",
                Integer.class, event.projectId());
        if (live != null && live > 0) {
            join(event.objectId(), event.projectId(), Instant.ofEpochMilli(event.joined()));
        }
    }

    @EventHandler
    void on(ProjectDestroyedEvent event) {
        jdbc.update("DELETE FROM directory_data_object_project WHERE project_id = ?", event.projectId());
    }

    /** A clone may re-add an object to a project a destroyed membership once named: replace, never duplicate. */
    private void join(String objectId, String projectId, Instant at) {
        jdbc.update("DELETE FROM directory_data_object_project WHERE object_id = ? AND project_id = ?", objectId,
                projectId);
        jdbc.update("INSERT INTO directory_data_object_project (object_id, project_id, added) VALUES (?, ?, ?)",
                objectId, projectId, at.toEpochMilli());
    }

    // ---- queries ----

    @QueryHandler
    public Optional<DataObjectFacts> handle(FindDataObjectQuery query) {
        return find(query.objectId());
    }

    @QueryHandler
    public Optional<DataObjectFacts> handle(FindDatabaseByUniqueNameQuery query) {
        return findDatabase(query.uniqueDatabaseName());
    }

    @QueryHandler
    public Optional<String> handle(ReadFileContentQuery query) {
        return content(query.fileId());
    }

    /** The object while some live project holds it. */
    public Optional<DataObjectFacts> find(String objectId) {
        List<String> projects = jdbc.queryForList("SELECT project_id FROM directory_data_object_project"
                + " WHERE object_id = ? ORDER BY added, project_id", String.class, objectId);
        if (projects.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.query("SELECT * FROM directory_data_object WHERE id = ?",
                (rs, n) -> new DataObjectFacts(rs.getString("id"), DataObjectClass.valueOf(rs.getString("object_class")),
                        projects, rs.getString("name"), columns.strings(rs.getString("types")),
                        rs.getString("unique_database_name"), rs.getLong("created")), objectId).stream().findFirst();
    }

    public Optional<DataObjectFacts> findDatabase(String uniqueDatabaseName) {
        return jdbc.queryForList("SELECT id FROM directory_data_object WHERE unique_database_name = ?", String.class,
                uniqueDatabaseName).stream().findFirst().flatMap(this::find);
    }

    /** The ids of the objects in the project, in id order. */
    public List<String> objectsIn(String projectId) {
        return jdbc.queryForList("SELECT object_id FROM directory_data_object_project WHERE project_id = ?"
                + " ORDER BY object_id", String.class, projectId);
    }

    @Override
    public boolean taken(String uniqueDatabaseName) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM directory_data_object WHERE unique_database_name = ?",
                Integer.class, uniqueDatabaseName);
        return n != null && n > 0;
    }

    /** Called inside the transaction that creates the file, so content and event commit together. */
    public void storeContent(String fileId, String content) {
        jdbc.update("INSERT INTO data_object_content (file_id, content) VALUES (?, ?)", fileId,
                content.getBytes(StandardCharsets.UTF_8));
    }

    /** A file's content while the file is in some live project; an empty string when it was made without any. */
    public Optional<String> content(String fileId) {
        if (find(fileId).filter(o -> o.objectClass() == DataObjectClass.FILE).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(jdbc.query("SELECT content FROM data_object_content WHERE file_id = ?",
                (rs, n) -> new String(rs.getBytes("content"), StandardCharsets.UTF_8), fileId)
                .stream().findFirst().orElse(""));
    }
}
