package org.tre.api.dataobject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;
import org.tre.api.dataobject.DataObjectInputs.DescribeDataObjectInput;
import org.tre.api.dataobject.DataObjectInputs.NewDatabaseInput;
import org.tre.api.dataobject.DataObjectInputs.NewFileInput;
import org.tre.api.dataobject.DataObjectInputs.NewRecordInput;
import org.tre.api.dataobject.DataObjectInputs.Placement;
import org.tre.api.project.ProjectScopes;
import org.tre.api.protocol.DxRequest;
import org.tre.api.protocol.DxRoutes;
import org.tre.api.protocol.Nonces;
import org.tre.directory.dataobject.DataObjectDirectory;
import org.tre.directory.dataobject.DataObjects;
import org.tre.directory.project.ProjectDirectory;
import org.tre.directory.token.Caller;
import org.tre.messages.EntityIds;
import org.tre.messages.dataobject.DataObjectClass;
import org.tre.messages.dataobject.DataObjectCommands.CreateDataObjectCommand;
import org.tre.messages.dataobject.DataObjectQueries.DataObjectFacts;
import org.tre.messages.error.DxException;
import org.tre.messages.error.ErrorType;
import org.tre.messages.project.ProjectLevel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code /file/new}, {@code /record/new}, {@code /database/new} and their describes (DECISIONS.md §11).
 * Content is not in describe: later code reads it through {@code DataObjectDirectory.content} or
 * {@code ReadFileContentQuery}.
 */
@Component
public class DataObjectRoutes implements DxRoutes.Provider {

    private static final List<String> DESCRIBE_FIELDS = List.of("class", "name", "project", "created", "types",
            "uniqueDatabaseName");

    private final DataObjects dataObjects;
    private final DataObjectDirectory directory;
    private final ProjectDirectory projects;
    private final Nonces nonces;
    private final ObjectMapper json = new ObjectMapper();

    public DataObjectRoutes(DataObjects dataObjects, DataObjectDirectory directory, ProjectDirectory projects,
                            Nonces nonces) {
        this.dataObjects = dataObjects;
        this.directory = directory;
        this.projects = projects;
        this.nonces = nonces;
    }

    @Override
    public void register(DxRoutes routes) {
        ErrorType[] inAProject = {ErrorType.ResourceNotFound, ErrorType.PermissionDenied};
        routes.post("file/new", NewFileInput.class, this::newFile, inAProject)
                .post("record/new", NewRecordInput.class, this::newRecord, inAProject)
                .post("database/new", NewDatabaseInput.class, this::newDatabase, inAProject);
        for (DataObjectClass objectClass : DataObjectClass.values()) {
            routes.post(objectClass.wireName() + "-*/describe", DescribeDataObjectInput.class,
                    (request, in) -> describe(request, in, objectClass), inAProject);
        }
    }

    ObjectNode newFile(DxRequest request, NewFileInput in) {
        return create(request, "file/new", DataObjectClass.FILE, in.placement(), null, null, in.content());
    }

    ObjectNode newRecord(DxRequest request, NewRecordInput in) {
        List<String> types = in.types() == null ? List.of() : in.types().stream().distinct().toList();
        return create(request, "record/new", DataObjectClass.RECORD, in.placement(), types, null, null);
    }

    ObjectNode newDatabase(DxRequest request, NewDatabaseInput in) {
        return create(request, "database/new", DataObjectClass.DATABASE, in.placement(), null,
                in.uniqueDatabaseName(), null);
    }

    /** The DataObject checks the project, the caller's level there and their token's scope (DECISIONS.md §1). */
    private ObjectNode create(DxRequest request, String route, DataObjectClass objectClass, Placement placement,
                              List<String> types, String uniqueDatabaseName, String content) {
        return nonces.once(request, route, () -> {
            String id = EntityIds.generate(objectClass.wireName());
            String sha = content == null ? null : DataObjects.sha256Hex(content);
            long length = content == null ? 0 : content.getBytes(StandardCharsets.UTF_8).length;
            dataObjects.create(new CreateDataObjectCommand(id, objectClass, placement.project(), placement.name(), types,
                    uniqueDatabaseName, sha, length, request.caller().requester()), content);
            return json.createObjectNode().put("id", id);
        });
    }

    /**
     * {@code project} names the project to describe the object in; without it, the first project holding
     * the object that the caller may see.
     */
    ObjectNode describe(DxRequest request, DescribeDataObjectInput in, DataObjectClass objectClass) {
        String hint = in.project();
        Map<String, Boolean> fields = in.fields();
        if (fields != null) {
            fields.keySet().stream().filter(f -> !DESCRIBE_FIELDS.contains(f) && !"id".equals(f)).findFirst()
                    .ifPresent(f -> {
                        throw DxException.invalidInput("Unknown describe field '" + f + "'");
                    });
        }
        String id = request.entityId();
        DataObjectFacts object = directory.find(id).filter(o -> o.objectClass() == objectClass)
                .orElseThrow(() -> DxException.notFound("The " + objectClass.wireName() + " " + id + " was not found"));
        if (hint != null && !object.projects().contains(hint)) {
            throw DxException.notFound("The " + objectClass.wireName() + " " + id + " is not in " + hint);
        }
        Caller caller = request.caller();
        List<String> candidates = hint != null ? List.of(hint) : object.projects();
        String project = candidates.stream()
                .filter(p -> caller.isOperator() || ProjectScopes.level(projects, caller, p).atLeast(ProjectLevel.VIEW))
                .findFirst()
                .orElseThrow(() -> DxException.permissionDenied("You have no access to a project holding " + id));
        ObjectNode out = json.createObjectNode().put("id", object.id());
        put(out, fields, "class", objectClass.wireName());
        put(out, fields, "name", object.name());
        put(out, fields, "project", project);
        put(out, fields, "created", object.created());
        if (objectClass == DataObjectClass.RECORD) {
            put(out, fields, "types", object.types());
        }
        if (objectClass == DataObjectClass.DATABASE) {
            put(out, fields, "uniqueDatabaseName", object.uniqueDatabaseName());
        }
        return out;
    }

    private void put(ObjectNode out, Map<String, Boolean> fields, String name, Object value) {
        if (fields == null || Boolean.TRUE.equals(fields.get(name))) {
            out.set(name, json.valueToTree(value));
        }
    }
}
