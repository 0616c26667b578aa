package org.tre.api.tre;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tre.api.protocol.DxInput;
import org.tre.messages.error.DxException;
import org.tre.messages.tre.Inventory;
import org.tre.messages.tre.Inventory.Assay;
import org.tre.messages.tre.Inventory.ObjectRef;
import org.tre.messages.tre.Policies;
import org.tre.tre.inventory.InventoryVersions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The shape rules of TRE inputs (tre-api.md, DECISIONS.md §2–§7): all InvalidInput, all before any lookup. */
final class TreInputs {

    /** A lowercase letter, then lowercase letters, digits, '.' or '_'; 3 to 63 characters. */
    static final Pattern HANDLE = Pattern.compile("[a-z][a-z0-9._]{2,62}");
    static final Pattern REVIEW_STEP_ID = Pattern.compile("[a-z0-9]{1,256}");

    private TreInputs() {
    }

    static String text(DxInput in, String field, int min, int max) {
        String value = in.requiredString(field);
        return bounded(field, value, min, max);
    }

    static String optionalText(DxInput in, String field, int min, int max) {
        return in.optionalString(field).map(value -> bounded(field, value, min, max)).orElse(null);
    }

    private static String bounded(String field, String value, int min, int max) {
        if (value.length() < min || value.length() > max) {
            throw DxException.invalidInput("'" + field + "' must be " + (min == 0 ? "at most " + max
                    : min + " to " + max) + " characters long");
        }
        return value;
    }

    static String orgId(DxInput in, String field) {
        String id = in.requiredString(field);
        return requireOrgId(field, id);
    }

    static String requireOrgId(String field, String id) {
        if (!id.startsWith("org-") || id.length() < 5) {
            throw DxException.invalidInput("'" + field + "' must be an org id");
        }
        return id;
    }

    /** A non-empty list of user ids. */
    static List<String> userIds(DxInput in) {
        List<String> users = in.requiredStringArray("users");
        if (users.isEmpty()) {
            throw DxException.invalidInput("The users array is empty");
        }
        for (String user : users) {
            if (!user.startsWith("user-") || user.length() < 6) {
                throw DxException.invalidInput("The users array does not contain valid user IDs: " + user);
            }
        }
        return users;
    }

    /** A non-empty list of user ids, org ids or PUBLIC. */
    static List<String> principals(DxInput in) {
        List<String> users = in.requiredStringArray("users");
        if (users.isEmpty()) {
            throw DxException.invalidInput("The users array is empty");
        }
        for (String user : users) {
            boolean valid = "PUBLIC".equals(user) || (user.startsWith("user-") && user.length() > 5)
                    || (user.startsWith("org-") && user.length() > 4);
            if (!valid) {
                throw DxException.invalidInput("The users array does not contain valid user IDs, org IDs, or PUBLIC: "
                        + user);
            }
        }
        return users;
    }

    static String reviewStepId(DxInput in) {
        String id = in.requiredString("reviewStepId");
        if (!REVIEW_STEP_ID.matcher(id).matches()) {
            throw DxException.invalidInput("reviewStepId must match ^[a-z0-9]{1,256}$");
        }
        return id;
    }

    static Map<String, Boolean> policies(DxInput in) {
        Map<String, Boolean> policies = new LinkedHashMap<>();
        in.optionalObject("restrictedWorkspace").ifPresent(workspace -> workspace.fields().forEachRemaining(entry -> {
            if (!Policies.KEYS.contains(entry.getKey())) {
                throw DxException.invalidInput("Unrecognized policy key in input: " + entry.getKey());
            }
            JsonNode value = entry.getValue();
            if (!value.isNull() && !value.isBoolean()) {
                throw DxException.invalidInput("restrictedWorkspace." + entry.getKey() + " must be true, false or null");
            }
            policies.put(entry.getKey(), value.isNull() ? null : value.booleanValue());
        }));
        return policies;
    }

    static Inventory inventory(DxInput in) {
        in.allowOnly("file", "dataset", "showcase", "dataTypeGroups", "assays", "version");
        ObjectRef file = ref(in, "file", true);
        ObjectRef dataset = ref(in, "dataset", true);
        ObjectRef showcase = ref(in, "showcase", true);
        ObjectRef dataTypeGroups = in.has("dataTypeGroups") && !in.raw().get("dataTypeGroups").isNull()
                ? ref(in, "dataTypeGroups", false) : null;
        JsonNode assaysNode = in.raw().get("assays");
        if (assaysNode == null || assaysNode.isNull()) {
            throw DxInput.missing("assays");
        }
        if (!assaysNode.isArray()) {
            throw DxInput.wrongType("assays", "an array of mappings");
        }
        List<Assay> assays = new ArrayList<>();
        for (JsonNode node : assaysNode) {
            if (!node.isObject()) {
                throw DxInput.wrongType("assays", "an array of mappings");
            }
            DxInput assay = new DxInput((ObjectNode) node).allowOnly("entity", "project", "workingProject", "dataset",
                    "assayPidMapDatabase");
            assays.add(new Assay(prefixed(assay.requiredString("entity"), "assays.entity"),
                    projectId(assay.requiredString("project"), "assays.project"),
                    projectId(assay.requiredString("workingProject"), "assays.workingProject"),
                    prefixed(assay.requiredString("dataset"), "assays.dataset"),
                    prefixed(assay.requiredString("assayPidMapDatabase"), "assays.assayPidMapDatabase")));
        }
        String version = in.requiredString("version");
        InventoryVersions.requireValid(version);
        return new Inventory(version, file, dataset, showcase, dataTypeGroups, List.copyOf(assays));
    }

    /** {} (when allowed) or exactly {project, id}. */
    private static ObjectRef ref(DxInput in, String field, boolean emptyAllowed) {
        ObjectNode node = in.optionalObject(field).orElseThrow(() -> DxInput.missing(field));
        if (node.isEmpty() && emptyAllowed) {
            return ObjectRef.NONE;
        }
        DxInput ref = new DxInput(node);
        for (var names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("project") && !name.equals("id")) {
                throw DxException.invalidInput("'" + field + "' may hold only project and id");
            }
        }
        String project = ref.optionalString("project").orElseThrow(() -> DxInput.missing(field + ".project"));
        String id = ref.optionalString("id").orElseThrow(() -> DxInput.missing(field + ".id"));
        return new ObjectRef(projectId(project, field + ".project"), prefixed(id, field + ".id"));
    }

    private static String projectId(String id, String field) {
        if (!id.startsWith("project-")) {
            throw DxException.invalidInput("'" + field + "' must reference a valid project");
        }
        return id;
    }

    private static String prefixed(String value, String field) {
        if (value.isBlank()) {
            throw DxException.invalidInput("'" + field + "' must not be empty");
        }
        return value;
    }
}
