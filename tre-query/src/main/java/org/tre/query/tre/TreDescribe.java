package org.tre.query.tre;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tre.messages.error.DxException;
import org.tre.query.tre.TreView.InventoryDetail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Role-filtered describe of a TRE (tre-api.md "/tre-xxxx/describe", DECISIONS.md §4 and §9). */
public final class TreDescribe {

    public enum Role {
        ADMIN, REVIEWER, AUTHORIZED, NONE
    }

    /** What authorized users and reviewers see; admins see these and the rest. */
    public static final List<String> BASIC_FIELDS = List.of("id", "name", "description", "summary", "handle",
            "region", "billTo", "state", "public", "policies", "inventory", "showcaseInventory");
    public static final List<String> ADMIN_FIELDS = List.of("inventoryDetails", "treAdmins", "authorizedUsers",
            "customizedRateCard", "customizedURL", "supportOrg", "allowSupportAccess", "applicationReviewSteps",
            "created", "modified", "robotUser", "workingProject", "dispensalQueue", "sideEffectFailures", "policySync",
            "applicationCounts", "dispensals");
    /** Read from the TRE's events, not its view: shown to admins only when {@code fields} asks for it. */
    public static final String DISPENSALS = "dispensals";

    private TreDescribe() {
    }

    /**
     * The strongest role the caller holds: {@code principals} is the caller's user id, the orgs they
     * belong to, and PUBLIC. The operator sees what admins see.
     */
    public static Role roleOf(TreView view, String userId, Set<String> principals, boolean operator) {
        if (operator || view.treAdmins().contains(userId)) {
            return Role.ADMIN;
        }
        if (view.reviewers().contains(userId)) {
            return Role.REVIEWER;
        }
        if (view.authorizedUsers().stream().anyMatch(principals::contains)) {
            return Role.AUTHORIZED;
        }
        return Role.NONE;
    }

    public static void requireKnownFields(Map<String, Boolean> fields) {
        if (fields == null) {
            return;
        }
        for (String field : fields.keySet()) {
            if (!BASIC_FIELDS.contains(field) && !ADMIN_FIELDS.contains(field)) {
                throw DxException.invalidInput("Unknown TRE field '" + field + "' in fields");
            }
        }
    }

    /** {@code fields} given: id plus each field mapped to true that the role may see. */
    public static ObjectNode render(TreView view, Role role, Map<String, Boolean> fields, ObjectMapper json) {
        return render(view, role, fields, null, json);
    }

    /**
     * {@code applicationCounts}: how many of the TRE's data access requests are in each state, for
     * admins; null where the view has none to show (a past view, whose counts no table keeps).
     */
    public static ObjectNode render(TreView view, Role role, Map<String, Boolean> fields,
                                    Map<String, Long> applicationCounts, ObjectMapper json) {
        if (role == Role.NONE) {
            throw DxException.permissionDenied("The requesting user must be an authorized user, reviewer, or TRE admin"
                    + " of " + view.id());
        }
        Map<String, Object> all = all(view);
        if (applicationCounts != null) {
            all.put("applicationCounts", applicationCounts);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", view.id());
        for (Map.Entry<String, Object> entry : all.entrySet()) {
            String field = entry.getKey();
            boolean visible = BASIC_FIELDS.contains(field) || role == Role.ADMIN;
            boolean wanted = fields == null || Boolean.TRUE.equals(fields.get(field));
            if (visible && wanted) {
                out.put(field, entry.getValue());
            }
        }
        return json.valueToTree(out);
    }

    private static Map<String, Object> all(TreView view) {
        Optional<InventoryDetail> active = view.activeInventory();
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("name", view.name());
        all.put("description", view.description());
        all.put("summary", view.summary());
        all.put("handle", view.handle());
        all.put("region", view.region());
        all.put("billTo", view.billTo());
        all.put("state", view.state());
        all.put("public", view.listsPublic());
        all.put("policies", Map.of("restrictedWorkspace", view.policies()));
        all.put("inventory", active.map(InventoryDetail::version).orElse(null));
        all.put("showcaseInventory", active.map(InventoryDetail::showcase).orElse(null));
        all.put("inventoryDetails", view.inventoryDetails());
        all.put("treAdmins", view.treAdmins());
        all.put("authorizedUsers", view.authorizedUsers());
        all.put("customizedRateCard", view.customizedRateCard());
        all.put("customizedURL", view.customizedURL());
        all.put("supportOrg", view.supportOrg());
        all.put("allowSupportAccess", view.allowSupportAccess());
        all.put("applicationReviewSteps", view.applicationReviewSteps());
        all.put("created", view.created());
        all.put("modified", view.modified());
        all.put("policySync", view.policySync());
        // Provisioned resources appear once they exist (DECISIONS.md §8); failures once there are any.
        if (view.robotUser() != null) {
            all.put("robotUser", view.robotUser());
            all.put("workingProject", view.workingProject());
            all.put("dispensalQueue", view.dispensalQueue());
        }
        if (!view.sideEffectFailures().isEmpty()) {
            all.put("sideEffectFailures", view.sideEffectFailures());
        }
        return all;
    }
}
