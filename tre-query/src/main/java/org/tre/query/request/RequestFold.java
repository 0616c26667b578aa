package org.tre.query.request;

import org.tre.messages.request.RequestEvents.AccessRequestApprovedEvent;
import org.tre.messages.request.RequestEvents.AccessRequestCreatedEvent;
import org.tre.messages.request.RequestEvents.AccessRequestDeletedEvent;
import org.tre.messages.request.RequestEvents.AccessRequestSubmittedEvent;
import org.tre.messages.request.RequestEvents.AccessRequestUpdatedEvent;
import org.tre.messages.request.RequestEvents.CohortMetadataCreatedEvent;
import org.tre.messages.request.RequestEvents.CohortMetadataUpdatedEvent;
import org.tre.messages.request.RequestEvents.CollaboratorsAddedEvent;
import org.tre.messages.request.RequestEvents.CollaboratorsRemovedEvent;
import org.tre.messages.request.RequestEvents.ReviewStepApprovedEvent;
import org.tre.messages.request.RequestEvents.ReviewStepRejectedEvent;
import org.tre.messages.request.RequestState;
import org.tre.messages.request.StepDecision;
import org.tre.query.request.RequestView.StepView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How each request event changes the request's view: the view before and the event in, the view after
 * out. Pure, so the projection that keeps the tables and the replay behind describe {"at"} derive a
 * request's view by the same rules. The parties follow the aggregate's rule of separation of duties:
 * applicant, creator, every collaborator ever named, every editor.
 */
public final class RequestFold {

    private RequestFold() {
    }

    public static boolean folds(Object event) {
        return event instanceof AccessRequestCreatedEvent || event instanceof AccessRequestUpdatedEvent
                || event instanceof CohortMetadataCreatedEvent || event instanceof CohortMetadataUpdatedEvent
                || event instanceof CollaboratorsAddedEvent || event instanceof CollaboratorsRemovedEvent
                || event instanceof AccessRequestSubmittedEvent || event instanceof ReviewStepApprovedEvent
                || event instanceof ReviewStepRejectedEvent || event instanceof AccessRequestApprovedEvent
                || event instanceof AccessRequestDeletedEvent;
    }

    public static RequestView apply(RequestView before, Object event, Instant time) {
        long at = time.toEpochMilli();
        if (event instanceof AccessRequestCreatedEvent e) {
            Set<String> parties = new LinkedHashSet<>(List.of(e.applicant(), e.createdBy()));
            return new RequestView(e.requestId(), e.treId(), e.name(), e.description(), e.applicant(), e.createdBy(),
                    List.of(), RequestState.draft, 0, e.fields(), null, Map.of(), null, null, at, at,
                    List.copyOf(parties));
        }
        if (before == null) {
            throw new IllegalStateException("No view of the request of " + event);
        }
        RequestView b = before;
        if (event instanceof AccessRequestUpdatedEvent e) {
            return new RequestView(b.id(), b.tre(), Objects.requireNonNullElse(e.name(), b.name()),
                    e.description() != null ? e.description() : b.description(), b.applicant(), b.createdBy(),
                    b.collaborators(), b.state(), b.round(), e.fields() != null ? e.fields() : b.fields(), b.cohort(),
                    b.reviewSteps(), b.submitted(), b.approved(), b.created(), at, plus(b.parties(),
                    List.of(e.updatedBy())));
        }
        if (event instanceof CohortMetadataCreatedEvent e) {
            return withCohort(b, e.cohort(), at);
        }
        if (event instanceof CohortMetadataUpdatedEvent e) {
            return withCohort(b, e.cohort(), at);
        }
        if (event instanceof CollaboratorsAddedEvent e) {
            return new RequestView(b.id(), b.tre(), b.name(), b.description(), b.applicant(), b.createdBy(),
                    plus(b.collaborators(), e.users()), b.state(), b.round(), b.fields(), b.cohort(), b.reviewSteps(),
                    b.submitted(), b.approved(), b.created(), at, plus(b.parties(), e.users()));
        }
        if (event instanceof CollaboratorsRemovedEvent e) {
            List<String> left = new ArrayList<>(b.collaborators());
            left.removeAll(e.users());
            return new RequestView(b.id(), b.tre(), b.name(), b.description(), b.applicant(), b.createdBy(), left,
                    b.state(), b.round(), b.fields(), b.cohort(), b.reviewSteps(), b.submitted(), b.approved(),
                    b.created(), at, b.parties());
        }
        if (event instanceof AccessRequestSubmittedEvent e) {
            Map<String, StepView> steps = new LinkedHashMap<>();
            e.steps().forEach(step -> steps.put(step.reviewStepId(), StepView.pending(step.name())));
            return new RequestView(b.id(), b.tre(), b.name(), b.description(), b.applicant(), b.createdBy(),
                    b.collaborators(), RequestState.in_review, e.round(), b.fields(), b.cohort(), steps, at, null,
                    b.created(), at, b.parties());
        }
        if (event instanceof ReviewStepApprovedEvent e) {
            return decided(b, e.reviewStepId(), StepDecision.approved, e.decidedBy(), e.comment(), b.state(), at);
        }
        if (event instanceof ReviewStepRejectedEvent e) {
            return decided(b, e.reviewStepId(), StepDecision.rejected, e.decidedBy(), e.comment(),
                    RequestState.in_revision, at);
        }
        if (event instanceof AccessRequestApprovedEvent) {
            return new RequestView(b.id(), b.tre(), b.name(), b.description(), b.applicant(), b.createdBy(),
                    b.collaborators(), RequestState.approved, b.round(), b.fields(), b.cohort(), b.reviewSteps(),
                    b.submitted(), at, b.created(), at, b.parties());
        }
        if (event instanceof AccessRequestDeletedEvent) {
            return new RequestView(b.id(), b.tre(), b.name(), b.description(), b.applicant(), b.createdBy(),
                    b.collaborators(), RequestState.deleted, b.round(), b.fields(), b.cohort(), b.reviewSteps(),
                    b.submitted(), b.approved(), b.created(), at, b.parties());
        }
        throw new IllegalArgumentException("Not a request event: " + event);
    }

    private static RequestView withCohort(RequestView b, String cohort, long at) {
        return new RequestView(b.id(), b.tre(), b.name(), b.description(), b.applicant(), b.createdBy(),
                b.collaborators(), b.state(), b.round(), b.fields(), cohort, b.reviewSteps(), b.submitted(),
                b.approved(), b.created(), at, b.parties());
    }

    private static RequestView decided(RequestView b, String stepId, StepDecision decision, String by, String comment,
                                       RequestState state, long at) {
        Map<String, StepView> steps = new LinkedHashMap<>(b.reviewSteps());
        steps.put(stepId, new StepView(steps.get(stepId).name(), decision, by, at, comment));
        return new RequestView(b.id(), b.tre(), b.name(), b.description(), b.applicant(), b.createdBy(),
                b.collaborators(), state, b.round(), b.fields(), b.cohort(), steps, b.submitted(), b.approved(),
                b.created(), at, b.parties());
    }

    private static List<String> plus(List<String> list, List<String> more) {
        Set<String> all = new LinkedHashSet<>(list);
        all.addAll(more);
        return List.copyOf(all);
    }
}
