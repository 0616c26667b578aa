package org.tre.api.tre;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.springframework.stereotype.Component;
import org.tre.messages.Requester;
import org.tre.messages.error.DxException;
import org.tre.query.tre.TreDescribe;
import org.tre.query.tre.TreView;
import org.tre.tre.role.FullScopeToken;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /tre-xxxx/getDataTypeGroups} (DECISIONS.md §10): the data type groups file of the active
 * inventory, or of the pending one before the first activation, read and checked against its schema,
 * for the TRE's admins, reviewers and authorized users with a full-scope token.
 */
@Component
public class DataTypeGroups {

    private static final Set<String> KEYS = Set.of("name", "description", "mandatory", "files", "fields",
            "detailsURL");

    private final TreFiles files;
    // Jackson stops at the end of the first JSON value by default, which would read "[] []" or
    // "[...] garbage" as valid. tre-api.md lists "does not contain valid JSON" as InvalidState, and
    // trailing content makes the whole file invalid JSON.
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public DataTypeGroups(TreFiles files) {
        this.files = files;
    }

    /** Reads a file's text content; empty when the file is not in that project. */
    public interface TreFiles {
        Optional<String> content(String projectId, String fileId);
    }

    /** {@code role}: the caller's on this TRE, as describe decides it (DECISIONS.md §4). */
    public ArrayNode readFor(TreView view, TreDescribe.Role role, Requester requester) {
        if (role == TreDescribe.Role.NONE) {
            throw DxException.permissionDenied("The requesting user must be a TRE admin, reviewer, or authorized user"
                    + " of " + view.id());
        }
        FullScopeToken.require(requester);
        return read(view);
    }

    /**
     * The fields of the active inventory's data type groups, which a data access request's fields must
     * be among at submission (DECISIONS.md §15); empty when the active inventory has none.
     */
    public Optional<Set<String>> activeFields(TreView view) {
        Optional<TreView.InventoryDetail> active = view.activeInventory();
        if (active.isEmpty() || active.get().dataTypeGroups() == null || active.get().dataTypeGroups().isEmpty()) {
            return Optional.empty();
        }
        Set<String> fields = new java.util.LinkedHashSet<>();
        read(active.get()).forEach(group -> group.get("fields").forEach(field -> fields.add(field.textValue())));
        return Optional.of(fields);
    }

    private ArrayNode read(TreView view) {
        return read(view.activeInventory().or(view::pendingInventory)
                .orElseThrow(() -> DxException.invalidState("dataTypeGroups is not configured in the TRE inventory")));
    }

    /** Group name → its fields, for a dispensal choosing the files of a request's fields. */
    public Map<String, Set<String>> groupFields(String project, String id) {
        Map<String, Set<String>> groups = new java.util.LinkedHashMap<>();
        read(project, id).forEach(group -> {
            Set<String> fields = new java.util.LinkedHashSet<>();
            group.get("fields").forEach(field -> fields.add(field.textValue()));
            groups.merge(group.get("name").textValue(), fields, (a, b) -> {
                a.addAll(b);
                return a;
            });
        });
        return groups;
    }

    private ArrayNode read(TreView.InventoryDetail inventory) {
        TreView.ObjectLink ref = inventory.dataTypeGroups();
        if (ref == null || ref.isEmpty()) {
            throw DxException.invalidState("dataTypeGroups is not configured in the TRE inventory");
        }
        return read(ref.project(), ref.id());
    }

    private ArrayNode read(String project, String id) {
        TreView.ObjectLink ref = new TreView.ObjectLink(project, id);
        if (ref.project() == null) {
            throw DxException.invalidState("dataTypeGroups.project is not configured in the TRE inventory");
        }
        if (ref.id() == null) {
            throw DxException.invalidState("dataTypeGroups.id is not configured in the TRE inventory");
        }
        String content = files.content(ref.project(), ref.id())
                .orElseThrow(() -> DxException.notFound("The file configured in dataTypeGroups was not found"));
        JsonNode groups;
        try {
            groups = json.readTree(content);
        } catch (JsonProcessingException e) {
            throw DxException.invalidState("The configured data type groups file does not contain valid JSON");
        }
        if (groups == null || !groups.isArray() || !conforms((ArrayNode) groups)) {
            throw DxException.invalidState(
                    "The configured data type groups file JSON does not conform to the expected output schema");
        }
        return (ArrayNode) groups;
    }

    private static boolean conforms(ArrayNode groups) {
        for (JsonNode group : groups) {
            if (!group.isObject() || group.size() != KEYS.size()) {
                return false;
            }
            for (Iterator<String> names = group.fieldNames(); names.hasNext(); ) {
                if (!KEYS.contains(names.next())) {
                    return false;
                }
            }
            boolean typed = group.get("name").isTextual() && group.get("description").isTextual()
                    && group.get("mandatory").isBoolean() && group.get("files").isIntegralNumber()
                    && group.get("fields").isArray() && group.get("detailsURL").isTextual();
            if (!typed) {
                return false;
            }
            for (JsonNode field : group.get("fields")) {
                if (!field.isTextual()) {
                    return false;
                }
            }
        }
        return true;
    }
}
