package org.tre.api.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.tre.api.audit.EventHistory;
import org.tre.api.protocol.Describe;
import org.tre.api.protocol.DxRequest;
import org.tre.api.protocol.DxRoutes;
import org.tre.api.protocol.Nonces;
import org.tre.api.protocol.Paging;
import org.tre.api.protocol.input.NoInput;
import org.tre.api.request.RequestInputs.ApproveInput;
import org.tre.api.request.RequestInputs.CohortInput;
import org.tre.api.request.RequestInputs.CollaboratorsInput;
import org.tre.api.request.RequestInputs.DescribeRequestInput;
import org.tre.api.request.RequestInputs.DispenseInput;
import org.axonframework.eventhandling.DomainEventMessage;
import org.tre.directory.project.ProjectDirectory;
import org.tre.messages.request.RequestCommands.DispenseToRequestProjectCommand;
import org.tre.messages.request.RequestEvents.RequestProjectAuthorizedEvent;
import org.tre.messages.request.RequestEvents.RequestProjectFailedEvent;
import org.tre.api.request.RequestInputs.FindRequestsInput;
import org.tre.api.audit.AuditInputs.HistoryInput;
import org.tre.api.request.RequestInputs.NewRequestInput;
import org.tre.api.request.RequestInputs.RejectInput;
import org.tre.api.request.RequestInputs.UpdateRequestInput;
import org.tre.directory.token.Caller;
import org.tre.messages.EntityIds;
import org.tre.messages.Requester;
import org.tre.messages.error.DxException;
import org.tre.messages.error.ErrorType;
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
import org.tre.messages.request.RequestState;
import org.tre.query.request.RequestProjection;
import org.tre.query.request.RequestReplay;
import org.tre.query.request.RequestView;
import org.tre.query.request.RequestViewStore.Filter;
import org.tre.tre.request.PendingSteps;
import org.tre.tre.request.RequestPermissions;
import org.tre.tre.request.RequestRole;
import org.tre.tre.request.RequestVerb;
import org.tre.tre.request.TreForRequests;
import org.tre.tre.request.TreForRequests.TreFacts;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every data access request route of DECISIONS.md §15; its projects are made by {@code /project/new}. A change declares its input's
 * shape (RequestInputs) and becomes one command, which carries the caller and whose rules are the
 * DataAccessRequest aggregate's; a read is one read of the request projection, allowed by the same
 * table (RequestPermissions) the commands are checked by.
 */
@Component
public class RequestRoutes implements DxRoutes.Provider {

    static final String NEW = "treApplication/new";
    static final int MAX_COHORT_BYTES = 64 * 1024;

    private final CommandGateway commands;
    private final RequestProjection requests;
    private final TreForRequests tres;
    private final Nonces nonces;
    private final EventHistory history;
    private final ObjectMapper json;
    private final ProjectDirectory projects;

    public RequestRoutes(CommandGateway commands, RequestProjection requests, TreForRequests tres, Nonces nonces,
                         EventHistory history, ObjectMapper json, ProjectDirectory projects) {
        this.projects = projects;
        this.commands = commands;
        this.requests = requests;
        this.tres = tres;
        this.nonces = nonces;
        this.history = history;
        this.json = json;
    }

    @Override
    public void register(DxRoutes routes) {
        ErrorType[] change = {ErrorType.ResourceNotFound, ErrorType.PermissionDenied, ErrorType.InvalidState};
        ErrorType[] read = {ErrorType.ResourceNotFound, ErrorType.PermissionDenied};
        routes.post(NEW, NewRequestInput.class, this::create, change)
                .post("treApplication-*/describe", DescribeRequestInput.class, this::describe, read)
                .post("treApplication-*/update", UpdateRequestInput.class, (r, in) -> send(r,
                        new UpdateAccessRequestCommand(r.entityId(), in.name(), in.description(), in.fields(),
                                requester(r))), change)
                .post("treApplication-*/createCohortMetadata", CohortInput.class, (r, in) -> send(r,
                        new CreateCohortMetadataCommand(r.entityId(), cohort(in), requester(r))), change)
                .post("treApplication-*/updateCohortMetadata", CohortInput.class, (r, in) -> send(r,
                        new UpdateCohortMetadataCommand(r.entityId(), cohort(in), requester(r))), change)
                .post("treApplication-*/describeCohortMetadata", NoInput.class, (r, none) -> describeCohort(r), read)
                .post("treApplication-*/addCollaborators", CollaboratorsInput.class, (r, in) -> send(r,
                        new AddCollaboratorsCommand(r.entityId(), List.copyOf(in.users()), requester(r))), change)
                .post("treApplication-*/removeCollaborators", CollaboratorsInput.class, (r, in) -> send(r,
                        new RemoveCollaboratorsCommand(r.entityId(), List.copyOf(in.users()), requester(r))), change)
                .post("treApplication-*/submit", NoInput.class, (r, none) -> send(r,
                        new SubmitAccessRequestCommand(r.entityId(), requester(r))), change)
                .post("treApplication-*/approve", ApproveInput.class, (r, in) -> send(r,
                        new ApproveReviewStepCommand(r.entityId(), in.reviewStepId(), in.comment(), requester(r))),
                        change)
                .post("treApplication-*/reject", RejectInput.class, (r, in) -> send(r,
                        new RejectReviewStepCommand(r.entityId(), in.reviewStepId(), in.comment(), requester(r))),
                        change)
                .post("treApplication-*/delete", NoInput.class, (r, none) -> send(r,
                        new DeleteAccessRequestCommand(r.entityId(), requester(r))), change)
                .post("treApplication-*/history", HistoryInput.class, this::history, read)
                .post("treApplication-*/dispense", DispenseInput.class, this::dispense, ErrorType.ResourceNotFound,
                        ErrorType.PermissionDenied, ErrorType.InvalidState)
                .post("system/findTreApplications", FindRequestsInput.class, this::find);
    }

    /** The id is derived from the caller's nonce where one is given, so a retry cannot create a second request. */
    ObjectNode create(DxRequest request, NewRequestInput in) {
        return nonces.once(request, NEW, () -> {
            String requestId = in.nonce() == null ? EntityIds.generate("treApplication")
                    : EntityIds.derived("treApplication", request.caller().userId() + "\u0000" + in.nonce());
            commands.sendAndWait(new CreateAccessRequestCommand(requestId, in.tre(), in.name(), in.description(),
                    in.fields(), in.applicant(), requester(request)));
            return idOf(requestId);
        });
    }

    /** Queues a dispensal into a project of the request: the answer names its job. */
    ObjectNode dispense(DxRequest request, DispenseInput in) {
        requireRequestId(request);
        String job = commands.sendAndWait(new DispenseToRequestProjectCommand(request.entityId(), in.project(),
                requester(request)));
        return idOf(request.entityId()).put("job", job);
    }

    private ObjectNode send(DxRequest request, Object command) {
        requireRequestId(request);
        commands.sendAndWait(command);
        return idOf(request.entityId());
    }

    /** The mapping as given, as JSON text; more than 64 KiB of it is InvalidInput, a shape rule. */
    private String cohort(CohortInput in) {
        try {
            String text = json.writeValueAsString(in.cohort());
            if (text.getBytes(StandardCharsets.UTF_8).length > MAX_COHORT_BYTES) {
                throw DxException.invalidInput("'cohort' must be at most 64 KiB as JSON");
            }
            return text;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    ObjectNode describe(DxRequest request, DescribeRequestInput in) {
        RequestDescriber.requireKnownFields(in.fields());
        RequestView now = live(request);
        TreFacts tre = tres.tre(now.tre()).orElse(null);
        Set<RequestRole> roles = RequestDescriber.rolesOf(now, tre, request.caller());
        if (in.at() != null) {
            return describeAsOf(request, now, roles, in.at(), in.fields());
        }
        RequestPermissions.requireRole(RequestVerb.describe, roles, now.id());
        return RequestDescriber.render(now, RequestDescriber.permissions(now, tre, request.caller()), in.fields(),
                json, projects.ofRequest(now.id()));
    }

    /**
     * The request as it stood at {@code at}, its events folded by the projection's rules, for those who
     * may read its history (a full-scope token); roles are as of now. Its permissions are empty: they
     * would be the caller's of now, not of then.
     */
    private ObjectNode describeAsOf(DxRequest request, RequestView now, Set<RequestRole> roles, long at,
                                    Map<String, Boolean> fields) {
        RequestPermissions.requireRole(RequestVerb.history, roles, now.id());
        RequestPermissions.requireScope(RequestVerb.history, request.caller().requester());
        List<DomainEventMessage<?>> events = history.of(now.id());
        RequestView then = RequestReplay.asOf(events, at).orElseThrow(() -> DxException.notFound(
                "The data access request " + now.id() + " did not exist at " + at));
        return RequestDescriber.render(then, null, fields, json, projectsAsOf(events, at));
    }

    /** The projects the request had allowed by {@code at}, less those the directory refused. */
    private static List<String> projectsAsOf(List<DomainEventMessage<?>> events, long at) {
        Set<String> projects = new java.util.TreeSet<>();
        for (DomainEventMessage<?> event : events) {
            if (event.getTimestamp().toEpochMilli() > at) {
                break;
            }
            if (event.getPayload() instanceof RequestProjectAuthorizedEvent authorized) {
                projects.add(authorized.projectId());
            } else if (event.getPayload() instanceof RequestProjectFailedEvent failed) {
                projects.remove(failed.projectId());
            }
        }
        return List.copyOf(projects);
    }

    ObjectNode describeCohort(DxRequest request) {
        RequestView view = live(request);
        TreFacts tre = tres.tre(view.tre()).orElse(null);
        RequestPermissions.requireRole(RequestVerb.describeCohortMetadata,
                RequestDescriber.rolesOf(view, tre, request.caller()), view.id());
        ObjectNode out = idOf(view.id());
        try {
            out.set("cohort", view.cohort() == null ? null : json.readTree(view.cohort()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored cohort is unreadable", e);
        }
        return out;
    }

    /** DECISIONS.md §13 for a request; a deleted one keeps it, open to those it was open to. */
    ObjectNode history(DxRequest request, HistoryInput in) {
        EventHistory.Page page = EventHistory.Page.of(in);
        requireRequestId(request);
        RequestView view = requests.find(request.entityId()).orElseThrow(() -> notFound(request.entityId()));
        TreFacts tre = tres.tre(view.tre()).orElse(null);
        RequestPermissions.requireRole(RequestVerb.history, RequestDescriber.rolesOf(view, tre, request.caller()),
                view.id());
        RequestPermissions.requireScope(RequestVerb.history, request.caller().requester());
        return history.page(view.id(), page);
    }

    /** The requests the caller may describe, by id; {@code awaitingMyReview}: those with a step that waits for them. */
    ObjectNode find(DxRequest request, FindRequestsInput in) {
        boolean describe = Describe.requested(in.describe());
        Paging paging = Paging.of(in.starting(), in.limit(), "id");
        Caller caller = request.caller();
        RequestState state = in.state() == null ? null : RequestState.fromWire(in.state());
        List<String> candidates = requests.visibleTo(caller.userId(), caller.isOperator(),
                new Filter(in.tre(), state, in.applicant(), paging.starting()));
        boolean awaiting = Boolean.TRUE.equals(in.awaitingMyReview());
        List<RequestView> matching = candidates.stream().map(id -> requests.find(id).orElseThrow())
                .filter(view -> !awaiting || PendingSteps.awaits(caller.userId(), view.state(),
                        RequestDescriber.decisions(view), new LinkedHashSet<>(view.parties()),
                        tres.tre(view.tre()).orElse(null)))
                .toList();
        ArrayNode results = json.createArrayNode();
        for (RequestView view : paging.page(matching)) {
            ObjectNode result = results.addObject().put("id", view.id());
            if (describe) {
                TreFacts tre = tres.tre(view.tre()).orElse(null);
                result.set("describe", RequestDescriber.render(view, RequestDescriber.permissions(view, tre, caller),
                        null, json, projects.ofRequest(view.id())));
            }
        }
        return paging.answer(results, matching, RequestView::id, json);
    }

    /** After delete every route but history answers ResourceNotFound (DECISIONS.md §15). */
    private RequestView live(DxRequest request) {
        requireRequestId(request);
        return requests.find(request.entityId()).filter(view -> view.state() != RequestState.deleted)
                .orElseThrow(() -> notFound(request.entityId()));
    }

    /**
     * An id not of the generated shape names no request: ResourceNotFound before any command, as no
     * aggregate could have it.
     */
    private static void requireRequestId(DxRequest request) {
        if (!EntityIds.isGenerated("treApplication", request.entityId())) {
            throw notFound(request.entityId());
        }
    }

    private static DxException notFound(String requestId) {
        return DxException.notFound("The data access request " + requestId + " was not found");
    }

    private static Requester requester(DxRequest request) {
        return request.caller().requester();
    }

    private ObjectNode idOf(String requestId) {
        return json.createObjectNode().put("id", requestId);
    }
}
