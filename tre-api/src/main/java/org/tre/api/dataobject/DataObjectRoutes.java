package org.tre.api.dataobject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;
import org.tre.api.project.ProjectInputs;
import org.tre.api.project.ProjectScopes;
import org.tre.api.protocol.DxInput;
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
import org.tre.messages.project.ProjectLevel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code /file/new}, {@code /record/new}, {@code /database/new} and their describes (DECISIONS.md §11).
 * Content is not in describe: later code reads it through {@code DataObjectDirectory.content} or
 * {@code ReadFileContentQuery}.
 */
@Component
public class DataObjectRoutes implements DxRoutes.Provider {

    static final int MAX_CONTENT_BYTES = 1024 * 1024;
    static final int MAX_NAME = 1000;
    /** A database name is an identifier, as SQL engines take it. */
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,254}");
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
        routes.post("file/new", this::newFile)
                .post("record/new", this::newRecord)
                .post("database/new", this::newDatabase);
        for (DataObjectClass objectClass : DataObjectClass.values()) {
            routes.post(objectClass.wireName() + "-*/describe", request -> describe(request, objectClass));
        }
    }

    ObjectNode newFile(DxRequest request) {
        DxInput in = request.input().allowOnly("project", "name", "content", "nonce");
        String project = project(in);
        String name = name(in);
        String content = in.optionalString("content").orElse(null);
        if (content != null && content.getBytes(StandardCharsets.UTF_8).length > MAX_CONTENT_BYTES) {
            throw DxException.invalidInput("'content' must be at most 1 MiB of UTF-8");
        }
        return create(request, "file/new", DataObjectClass.FILE, project, name, null, null, content);
    }

    ObjectNode newRecord(DxRequest request) {
        DxInput in = request.input().allowOnly("project", "name", "types", "nonce");
        String project = project(in);
        String name = name(in);
        List<String> types = in.optionalStringArray("types").orElse(List.of());
        if (types.stream().anyMatch(t -> t.isEmpty() || t.length() > MAX_NAME)) {
            throw DxException.invalidInput("'types' must hold names of 1 to " + MAX_NAME + " characters");
        }
        return create(request, "record/new", DataObjectClass.RECORD, project, name, types.stream().distinct().toList(),
                null, null);
    }

    ObjectNode newDatabase(DxRequest request) {
        DxInput in = request.input().allowOnly("project", "name", "uniqueDatabaseName", "nonce");
        String project = project(in);
        String name = name(in);
        String unique = in.requiredString("uniqueDatabaseName");
        if (!DATABASE_NAME.matcher(unique).matches()) {
            throw DxException.invalidInput("'uniqueDatabaseName' must be a letter or '_' followed by letters, digits"
                    + " and '_', at most 255 characters");
        }
        return create(request, "database/new", DataObjectClass.DATABASE, project, name, null, unique, null);
    }

    /** The DataObject checks the project, the caller's level there and their token's scope (DECISIONS.md §1). */
    private ObjectNode create(DxRequest request, String route, DataObjectClass objectClass, String project, String name,
                              List<String> types, String uniqueDatabaseName, String content) {
        return nonces.once(request, route, () -> {
            String id = EntityIds.generate(objectClass.wireName());
            String sha = content == null ? null : DataObjects.sha256Hex(content);
            long length = content == null ? 0 : content.getBytes(StandardCharsets.UTF_8).length;
            dataObjects.create(new CreateDataObjectCommand(id, objectClass, project, name, types, uniqueDatabaseName,
                    sha, length, request.caller().requester()), content);
            return json.createObjectNode().put("id", id);
        });
    }

    /**
     * {@code project} names the project to describe the object in; without it, the first project holding
     * the object that the caller may see.
     */
    ObjectNode describe(DxRequest request, DataObjectClass objectClass) {
        DxInput in = request.input().allowOnly("project", "fields");
        String hint = in.optionalString("project").map(p -> ProjectInputs.projectId("project", p)).orElse(null);
        Map<String, Boolean> fields = in.optionalBooleanMap("fields").orElse(null);
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

    private static String project(DxInput in) {
        return ProjectInputs.projectId("project", in.requiredString("project"));
    }

    private static String name(DxInput in) {
        String name = in.requiredString("name");
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw DxException.invalidInput("'name' must be 1 to " + MAX_NAME + " characters long");
        }
        return name;
    }
}
