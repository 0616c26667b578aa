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

    private ArrayNode read(TreView view) {
        TreView.InventoryDetail inventory = view.activeInventory().or(view::pendingInventory)
                .orElseThrow(() -> DxException.invalidState("dataTypeGroups is not configured in the TRE inventory"));
        TreView.ObjectLink ref = inventory.dataTypeGroups();
        if (ref == null || ref.isEmpty()) {
            throw DxException.invalidState("dataTypeGroups is not configured in the TRE inventory");
        }
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
