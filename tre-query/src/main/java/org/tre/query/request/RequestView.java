package org.tre.query.request;

import org.tre.messages.request.RequestState;
import org.tre.messages.request.StepDecision;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A data access request as its read model holds it: what describe shows (DECISIONS.md §15), the
 * cohort that describeCohortMetadata returns, and the {@code parties} barred from deciding its steps
 * (separation of duties), which the reviewer's queue leaves out. Immutable: {@link RequestFold} makes
 * each next view from the last. {@code cohort} is the mapping's JSON text, as given.
 */
public record RequestView(String id,
                          String tre,
                          String name,
                          String description,
                          String applicant,
                          String createdBy,
                          List<String> collaborators,
                          RequestState state,
                          int round,
                          List<String> fields,
                          String cohort,
                          Map<String, StepView> reviewSteps,
                          Long submitted,
                          Long approved,
                          long created,
                          long modified,
                          List<String> parties) {

    public RequestView {
        collaborators = frozen(collaborators);
        fields = frozen(fields);
        parties = frozen(parties);
        reviewSteps = reviewSteps == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(reviewSteps));
    }

    public boolean hasCohort() {
        return cohort != null;
    }

    /** The applicant and the collaborators: who works on the request. */
    public List<String> members() {
        List<String> members = new ArrayList<>();
        members.add(applicant);
        members.addAll(collaborators);
        return members;
    }

    /** The decisions of the current round, in step order. */
    public List<StepDecision> decisions() {
        return reviewSteps.values().stream().map(StepView::state).toList();
    }

    private static <T> List<T> frozen(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** One review step of the current round; {@code decidedBy}, {@code decided}, {@code comment} null while pending. */
    public record StepView(String name, StepDecision state, String decidedBy, Long decided, String comment) {

        public static StepView pending(String name) {
            return new StepView(name, StepDecision.pending, null, null, null);
        }
    }
}
