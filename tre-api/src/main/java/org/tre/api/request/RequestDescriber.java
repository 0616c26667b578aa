package org.tre.api.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tre.directory.token.Caller;
import org.tre.messages.error.DxException;
import org.tre.messages.request.StepDecision;
import org.tre.messages.tre.TreState;
import org.tre.query.request.RequestView;
import org.tre.tre.request.DecisionRule;
import org.tre.tre.request.PendingSteps;
import org.tre.tre.request.RequestPermissions;
import org.tre.tre.request.RequestRole;
import org.tre.tre.request.RequestRoles;
import org.tre.tre.request.RequestVerb;
import org.tre.tre.request.TreForRequests.TreFacts;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /treApplication-xxxx/describe} (DECISIONS.md §15): one view for everyone who may describe the
 * request (its applicant and collaborators, the TRE's reviewers and admins, the operator), the review
 * comments and deciders included, since its history shows them to the same people; what differs is
 * {@code permissions}, read from the table the request's commands are checked by. Anyone else,
 * authorized users of the TRE included: PermissionDenied.
 */
final class RequestDescriber {

    static final List<String> FIELDS = List.of("id", "class", "tre", "name", "description", "applicant",
            "createdBy", "collaborators", "state", "decision", "round", "fields", "hasCohort", "reviewSteps",
            "submitted", "approved", "projects", "created", "modified", "permissions");

    private RequestDescriber() {
    }

    static void requireKnownFields(Map<String, Boolean> fields) {
        if (fields == null) {
            return;
        }
        for (String field : fields.keySet()) {
            if (!FIELDS.contains(field)) {
                throw DxException.invalidInput("Unknown data access request field '" + field + "' in fields");
            }
        }
    }

    /** The caller's roles on the request, its TRE's as they are now. */
    static Set<RequestRole> rolesOf(RequestView view, TreFacts tre, Caller caller) {
        return RequestRoles.of(caller.userId(), view.applicant(), view.collaborators(),
                tre != null && tre.isReviewer(caller.userId()), tre != null && tre.admins().contains(caller.userId()));
    }

    static Map<String, StepDecision> decisions(RequestView view) {
        Map<String, StepDecision> steps = new LinkedHashMap<>();
        view.reviewSteps().forEach((id, step) -> steps.put(id, step.state()));
        return steps;
    }

    static List<RequestVerb> permissions(RequestView view, TreFacts tre, Caller caller) {
        boolean decides = PendingSteps.awaits(caller.userId(), view.state(), decisions(view),
                new LinkedHashSet<>(view.parties()), tre);
        return RequestPermissions.permittedNow(rolesOf(view, tre, caller), view.state(), caller.scope().full(),
                tre != null && tre.state() == TreState.active, view.hasCohort(), decides);
    }

    /** {@code permissions}: null for a past view, whose verbs are not the caller's now. */
    static ObjectNode render(RequestView view, List<RequestVerb> permissions, Map<String, Boolean> fields,
                             ObjectMapper json, List<String> projects) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("id", view.id());
        all.put("class", "treApplication");
        all.put("tre", view.tre());
        all.put("name", view.name());
        all.put("description", view.description());
        all.put("applicant", view.applicant());
        all.put("createdBy", view.createdBy());
        all.put("collaborators", view.collaborators());
        all.put("state", view.state().wire());
        StepDecision decision = DecisionRule.decisionOf(view.state(), view.decisions());
        all.put("decision", decision == null ? null : decision.name());
        all.put("round", view.round());
        all.put("fields", view.fields());
        all.put("hasCohort", view.hasCohort());
        Map<String, Object> steps = new LinkedHashMap<>();
        view.reviewSteps().forEach((id, step) -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("name", step.name());
            out.put("state", step.state().name());
            out.put("decidedBy", step.decidedBy());
            out.put("decided", step.decided());
            out.put("comment", step.comment());
            steps.put(id, out);
        });
        all.put("reviewSteps", steps);
        all.put("submitted", view.submitted());
        all.put("approved", view.approved());
        all.put("projects", projects);
        all.put("created", view.created());
        all.put("modified", view.modified());
        all.put("permissions", permissions == null ? List.of() : permissions.stream().map(Enum::name).toList());
        Map<String, Object> out = new LinkedHashMap<>();
        all.forEach((field, value) -> {
            if (fields == null || field.equals("id") || Boolean.TRUE.equals(fields.get(field))) {
                out.put(field, value);
            }
        });
        return json.valueToTree(out);
    }
}
