package org.tre.tre.request;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.tre.messages.Requester;
import org.tre.messages.error.DxException;
import org.tre.messages.request.RequestCommands.AddCollaboratorsCommand;
import org.tre.messages.request.RequestCommands.ApproveReviewStepCommand;
import org.tre.messages.request.RequestCommands.CreateAccessRequestCommand;
import org.tre.messages.request.RequestCommands.CreateCohortMetadataCommand;
import org.tre.messages.request.RequestCommands.DeleteAccessRequestCommand;
import org.tre.messages.request.RequestCommands.RejectReviewStepCommand;
import org.tre.messages.request.RequestCommands.RemoveCollaboratorsCommand;
import org.tre.messages.request.RequestCommands.SubmitAccessRequestCommand;
import org.tre.messages.request.RequestCommands.UpdateAccessRequestCommand;
import org.tre.messages.request.RequestCommands.UpdateCohortMetadataCommand;
import org.tre.messages.request.RequestCommands.CreateRequestProjectCommand;
import org.tre.messages.request.RequestCommands.DispenseToRequestProjectCommand;
import org.tre.messages.request.RequestCommands.QueueFirstDispensalCommand;
import org.tre.messages.request.RequestCommands.RecordRequestProjectFailedCommand;
import org.tre.messages.request.RequestEvents.DispensalRequestedEvent;
import org.tre.messages.request.RequestEvents.RequestProjectAuthorizedEvent;
import org.tre.messages.request.RequestEvents.RequestProjectFailedEvent;
import org.tre.messages.tre.TreProvisioning;
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
import org.tre.messages.request.RequestEvents.ReviewStepCopy;
import org.tre.messages.request.RequestEvents.ReviewStepRejectedEvent;
import org.tre.messages.request.RequestState;
import org.tre.messages.request.StepDecision;
import org.tre.tre.request.TreForRequests.TreFacts;
import org.tre.tre.role.FullScopeToken;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A data access request to a TRE (DECISIONS.md §15): its applicant, collaborators, fields and cohort,
 * and its rounds of review. Each command handler is the route's guards in the order of DECISIONS.md §1
 * (the request exists, the caller's role, the token's scope, the state, then what needs other
 * entities), then {@code apply}. Who may do what in which state is {@link RequestPermissions}' table;
 * what it needs of the TRE comes through {@link TreForRequests}, read when the command runs, so a
 * reviewer taken off a step cannot decide it the moment after.
 */
@Aggregate(cache = "aggregateCache")
public class DataAccessRequest {

    @AggregateIdentifier
    private String requestId;
    private String treId;
    private String applicant;
    private List<String> fields = List.of();
    private final Set<String> collaborators = new LinkedHashSet<>();
    /** Everyone barred from deciding its steps (SeparationOfDuties). */
    private final Set<String> parties = new LinkedHashSet<>();
    private RequestState state;
    private int round;
    /** The current round's steps, in the TRE's order at submission. */
    private final Map<String, StepDecision> steps = new LinkedHashMap<>();
    private boolean hasCohort;
    private String cohort;
    /** Project → the dispensals asked for it, the last one last. */
    private final Map<String, List<String>> projects = new LinkedHashMap<>();

    protected DataAccessRequest() {
    }

    /** No request exists yet: the TRE comes first, then the caller's role in it, the token, the TRE's state. */
    @CommandHandler
    public DataAccessRequest(CreateAccessRequestCommand command, TreForRequests platform) {
        TreFacts tre = platform.tre(command.treId())
                .orElseThrow(() -> DxException.notFound("The TRE " + command.treId() + " was not found"));
        String caller = command.requester().userId();
        String applicant = command.applicant() == null ? caller : command.applicant();
        Applicants.requireMayCreate(tre, caller, applicant, platform);
        FullScopeToken.require(command.requester());
        RequestTre.requireActiveFor("A new data access request", tre);
        if (!applicant.equals(caller)) {
            Applicants.requireAuthorizedApplicant(tre, applicant, platform);
        }
        apply(new AccessRequestCreatedEvent(command.requestId(), command.treId(), command.name(),
                command.description(), fields(command.fields()), applicant, caller));
    }

    @CommandHandler
    public void handle(UpdateAccessRequestCommand command, TreForRequests platform) {
        require(RequestVerb.update, command.requester(), platform);
        if (command.name() != null || command.description() != null || command.fields() != null) {
            apply(new AccessRequestUpdatedEvent(requestId, treId, command.name(), command.description(),
                    command.fields() == null ? null : List.copyOf(command.fields()), command.requester().userId()));
        }
    }

    @CommandHandler
    public void handle(CreateCohortMetadataCommand command, TreForRequests platform) {
        require(RequestVerb.createCohortMetadata, command.requester(), platform);
        Cohort.requireNone(hasCohort, requestId);
        apply(new CohortMetadataCreatedEvent(requestId, treId, command.cohort(), command.requester().userId()));
    }

    @CommandHandler
    public void handle(UpdateCohortMetadataCommand command, TreForRequests platform) {
        require(RequestVerb.updateCohortMetadata, command.requester(), platform);
        Cohort.requireOne(hasCohort, requestId);
        apply(new CohortMetadataUpdatedEvent(requestId, treId, command.cohort(), command.requester().userId()));
    }

    @CommandHandler
    public void handle(AddCollaboratorsCommand command, TreForRequests platform) {
        TreFacts tre = require(RequestVerb.addCollaborators, command.requester(), platform);
        Collaborators.requireNotTheApplicant(command.users(), applicant);
        Collaborators.requireExist(command.users(), platform);
        List<String> added = Collaborators.newAmong(collaborators, command.users());
        Collaborators.requireAuthorized(added, tre, platform);
        Collaborators.requireRoomFor(collaborators, added);
        if (!added.isEmpty()) {
            apply(new CollaboratorsAddedEvent(requestId, treId, added, command.requester().userId()));
        }
    }

    @CommandHandler
    public void handle(RemoveCollaboratorsCommand command, TreForRequests platform) {
        require(RequestVerb.removeCollaborators, command.requester(), platform);
        Collaborators.requireNotTheApplicant(command.users(), applicant);
        Collaborators.requireExist(command.users(), platform);
        List<String> removed = Collaborators.collaboratorsAmong(collaborators, command.users());
        if (!removed.isEmpty()) {
            apply(new CollaboratorsRemovedEvent(requestId, treId, removed, command.requester().userId()));
        }
    }

    /** The checks of DECISIONS.md §15 "submit", in its order; then round n+1 with the TRE's steps as they are now. */
    @CommandHandler
    public void handle(SubmitAccessRequestCommand command, TreForRequests platform) {
        TreFacts tre = require(RequestVerb.submit, command.requester(), platform);
        RequestTre.requireActiveFor("Submitting a data access request", tre);
        RequestFields.requireSome(fields);
        RequestFields.requireAmongDataTypeGroups(fields, platform.dataTypeGroupFields(treId));
        Applicants.requireStillAuthorized(tre, applicant, platform);
        Collaborators.requireAuthorized(collaborators, tre, platform);
        List<ReviewStepCopy> copies = tre.reviewSteps().entrySet().stream()
                .map(step -> new ReviewStepCopy(step.getKey(), step.getValue().name())).toList();
        apply(new AccessRequestSubmittedEvent(requestId, treId, round + 1, copies, command.requester().userId()));
    }

    @CommandHandler
    public void handle(ApproveReviewStepCommand command, TreForRequests platform) {
        requireDecisionBy(RequestVerb.approve, command.reviewStepId(), command.requester(), platform);
        boolean last = ReviewRound.lastPending(steps, command.reviewStepId());
        apply(new ReviewStepApprovedEvent(requestId, treId, round, command.reviewStepId(), command.comment(),
                command.requester().userId()));
        if (last) {
            apply(new AccessRequestApprovedEvent(requestId, treId, round));
        }
    }

    @CommandHandler
    public void handle(RejectReviewStepCommand command, TreForRequests platform) {
        if (command.comment() == null || command.comment().isBlank()) {
            // A shape rule the route declares; repeated so no command without one records a rejection.
            throw DxException.invalidInput("A rejection needs a comment");
        }
        requireDecisionBy(RequestVerb.reject, command.reviewStepId(), command.requester(), platform);
        apply(new ReviewStepRejectedEvent(requestId, treId, round, command.reviewStepId(), command.comment(),
                command.requester().userId()));
    }

    @CommandHandler
    public void handle(DeleteAccessRequestCommand command, TreForRequests platform) {
        require(RequestVerb.delete, command.requester(), platform);
        apply(new AccessRequestDeletedEvent(requestId, treId, command.requester().userId()));
    }

    /**
     * Exists, the caller's role (applicant or collaborator), full scope, the request approved, the TRE
     * active with no synchronization running, then what the caller named of the TRE. The project's
     * flags are the TRE's policies now; its robot holds CONTRIBUTE.
     */
    @CommandHandler
    public void handle(CreateRequestProjectCommand command, TreForRequests platform) {
        TreFacts tre = require(RequestVerb.createProject, command.requester(), platform);
        RequestProjects.requireTreOpenForProjects(tre);
        RequestProjects.requireTheTresBilling(tre, command.tre(), command.billTo(), command.region());
        apply(new RequestProjectAuthorizedEvent(requestId, treId, command.projectId(), command.name(),
                command.summary(), command.description(), command.tags() == null ? List.of() : command.tags(),
                command.properties() == null ? Map.of() : command.properties(), tre.billTo(), tre.region(),
                tre.policies(), TreProvisioning.robotUser(treId), command.dispense(), command.requester().userId(),
                applicant));
    }

    @CommandHandler
    public void handle(RecordRequestProjectFailedCommand command) {
        if (projects.containsKey(command.projectId())) {
            apply(new RequestProjectFailedEvent(requestId, treId, command.projectId(), command.refusal()));
        }
    }

    /**
     * Exists, role, scope, approved; the project one of the request's and live; then no dispensal into it
     * queued, running or done. Deactivation does not stop it: approved requests go on.
     */
    @CommandHandler
    public String handle(DispenseToRequestProjectCommand command, TreForRequests platform) {
        require(RequestVerb.dispense, command.requester(), platform);
        RequestProjects.requireProjectOf(projects.containsKey(command.projectId()), command.projectId(), requestId);
        RequestProjects.requireLive(platform.projectLive(command.projectId()), command.projectId());
        List<String> jobs = projects.get(command.projectId());
        String last = jobs.isEmpty() ? null : jobs.get(jobs.size() - 1);
        RequestProjects.requireNoDispensalUnderway(last, last == null ? null : platform.dispensalState(last).orElse(null),
                command.projectId());
        return requestDispensal(command.projectId(), command.requester().userId());
    }

    @CommandHandler
    public String handle(QueueFirstDispensalCommand command) {
        List<String> jobs = projects.get(command.projectId());
        if (state == RequestState.deleted || jobs == null || !jobs.isEmpty()) {
            return jobs == null || jobs.isEmpty() ? null : jobs.get(0);
        }
        return requestDispensal(command.projectId(), command.requestedBy());
    }

    private String requestDispensal(String projectId, String requestedBy) {
        String jobId = RequestProjects.jobId(projectId, projects.get(projectId).size() + 1);
        apply(new DispensalRequestedEvent(requestId, treId, projectId, jobId, fields, cohort, requestedBy));
        return jobId;
    }

    /**
     * Exists, role, separation of duties (a role rule: PermissionDenied), scope, state; then the step:
     * one of the round's (InvalidInput), the caller sits on it in the TRE now (PermissionDenied), not yet
     * decided (InvalidState).
     */
    private void requireDecisionBy(RequestVerb verb, String reviewStepId, Requester requester,
                                   TreForRequests platform) {
        requireExists();
        TreFacts tre = platform.tre(treId).orElse(null);
        String caller = requester.userId();
        RequestPermissions.requireRole(verb, rolesOf(caller, tre), requestId);
        SeparationOfDuties.requireNotAParty(parties, caller, requestId);
        RequestPermissions.requireScope(verb, requester);
        RequestPermissions.requireState(verb, rolesOf(caller, tre), state, requestId);
        ReviewRound.requireStep(steps, reviewStepId, requestId);
        ReviewRound.requireReviewerOf(tre, reviewStepId, caller);
        ReviewRound.requirePending(steps, reviewStepId, round);
    }

    /** Exists, then the table: role, scope, state. The TRE as it is now, for the checks that follow. */
    private TreFacts require(RequestVerb verb, Requester requester, TreForRequests platform) {
        requireExists();
        TreFacts tre = platform.tre(treId).orElse(null);
        RequestPermissions.require(verb, rolesOf(requester.userId(), tre), requester, state, requestId);
        if (tre == null) {
            // A TRE cannot be deleted while it has requests; this only guards the impossible.
            throw DxException.invalidState("The TRE " + treId + " of " + requestId + " is gone");
        }
        return tre;
    }

    private Set<RequestRole> rolesOf(String userId, TreFacts tre) {
        return RequestRoles.of(userId, applicant, collaborators, tre != null && tre.isReviewer(userId),
                tre != null && tre.admins().contains(userId));
    }

    /** After delete every route but history answers ResourceNotFound (DECISIONS.md §15), for everyone. */
    private void requireExists() {
        if (state == RequestState.deleted) {
            throw DxException.notFound("The data access request " + requestId + " was not found");
        }
    }

    private static List<String> fields(List<String> fields) {
        return fields == null ? List.of() : List.copyOf(fields);
    }

    @EventSourcingHandler
    void on(AccessRequestCreatedEvent event) {
        requestId = event.requestId();
        treId = event.treId();
        applicant = event.applicant();
        fields = event.fields();
        state = RequestState.draft;
        parties.add(event.applicant());
        parties.add(event.createdBy());
    }

    @EventSourcingHandler
    void on(AccessRequestUpdatedEvent event) {
        if (event.fields() != null) {
            fields = event.fields();
        }
        parties.add(event.updatedBy());
    }

    @EventSourcingHandler
    void on(CohortMetadataCreatedEvent event) {
        hasCohort = true;
        cohort = event.cohort();
    }

    @EventSourcingHandler
    void on(CohortMetadataUpdatedEvent event) {
        cohort = event.cohort();
    }

    @EventSourcingHandler
    void on(RequestProjectAuthorizedEvent event) {
        projects.put(event.projectId(), new ArrayList<>());
    }

    @EventSourcingHandler
    void on(RequestProjectFailedEvent event) {
        projects.remove(event.projectId());
    }

    @EventSourcingHandler
    void on(DispensalRequestedEvent event) {
        projects.get(event.projectId()).add(event.jobId());
    }

    @EventSourcingHandler
    void on(CollaboratorsAddedEvent event) {
        collaborators.addAll(event.users());
        parties.addAll(event.users());
    }

    @EventSourcingHandler
    void on(CollaboratorsRemovedEvent event) {
        event.users().forEach(collaborators::remove);
    }

    @EventSourcingHandler
    void on(AccessRequestSubmittedEvent event) {
        round = event.round();
        steps.clear();
        event.steps().forEach(step -> steps.put(step.reviewStepId(), StepDecision.pending));
        state = RequestState.in_review;
    }

    @EventSourcingHandler
    void on(ReviewStepApprovedEvent event) {
        steps.put(event.reviewStepId(), StepDecision.approved);
    }

    @EventSourcingHandler
    void on(ReviewStepRejectedEvent event) {
        steps.put(event.reviewStepId(), StepDecision.rejected);
        state = RequestState.in_revision;
    }

    @EventSourcingHandler
    void on(AccessRequestApprovedEvent event) {
        state = RequestState.approved;
    }

    @EventSourcingHandler
    void on(AccessRequestDeletedEvent event) {
        state = RequestState.deleted;
    }
}
