package org.tre.api.tre;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.tre.api.audit.AuditRoutes;
import org.tre.api.audit.EventHistory;
import org.tre.api.protocol.Describe;
import org.tre.api.protocol.DxRequest;
import org.tre.api.protocol.DxRoutes;
import org.tre.api.protocol.Nonces;
import org.tre.api.protocol.Paging;
import org.tre.directory.org.OrgDirectory;
import org.tre.directory.token.Caller;
import org.tre.messages.Requester;
import org.tre.api.protocol.input.NoInput;
import org.tre.api.tre.TreInputs.AddReviewStepInput;
import org.tre.api.tre.TreInputs.DescribeTreInput;
import org.tre.api.tre.TreInputs.FindTresInput;
import org.tre.api.tre.TreInputs.NewTreInput;
import org.tre.api.tre.TreInputs.PrincipalsInput;
import org.tre.api.tre.TreInputs.ReviewStepInput;
import org.tre.api.tre.TreInputs.ReviewersInput;
import org.tre.api.tre.TreInputs.SetInventoryInput;
import org.tre.api.tre.TreInputs.SetPoliciesInput;
import org.tre.api.tre.TreInputs.UpdateReviewStepInput;
import org.tre.api.tre.TreInputs.UpdateTreInput;
import org.tre.api.tre.TreInputs.UsersInput;
import org.tre.messages.error.DxException;
import org.tre.messages.error.ErrorType;
import org.tre.messages.tre.TreCommands.ActivateTreCommand;
import org.tre.messages.tre.TreCommands.AddApplicationReviewStepCommand;
import org.tre.messages.tre.TreCommands.AddApplicationReviewersCommand;
import org.tre.messages.tre.TreCommands.AddAuthorizedUsersCommand;
import org.tre.messages.tre.TreCommands.AddTreAdminsCommand;
import org.tre.messages.tre.TreCommands.CreateTreCommand;
import org.tre.messages.tre.TreCommands.DeactivateTreCommand;
import org.tre.messages.tre.TreCommands.DeleteTreCommand;
import org.tre.messages.tre.TreCommands.RemoveApplicationReviewStepCommand;
import org.tre.messages.tre.TreCommands.RemoveApplicationReviewersCommand;
import org.tre.messages.tre.TreCommands.RemoveAuthorizedUsersCommand;
import org.tre.messages.tre.TreCommands.RemoveTreAdminsCommand;
import org.tre.messages.tre.TreCommands.SetInventoryCommand;
import org.tre.messages.tre.TreCommands.SetPoliciesCommand;
import org.tre.messages.tre.TreCommands.UpdateApplicationReviewStepCommand;
import org.tre.messages.tre.TreCommands.UpdateTreCommand;
import org.tre.messages.tre.TreState;
import org.tre.query.request.RequestProjection;
import org.tre.query.tre.TreDescribe;
import org.tre.query.tre.TreDispensals;
import org.tre.query.tre.TreProjection;
import org.tre.query.tre.TreReplay;
import org.tre.query.tre.TreView;

import java.util.List;
import java.util.Map;

/**
 * Every route of tre-api.md. Each declares its input's shape (TreInputs) and turns it into one command, which
 * carries the caller and whose rules, permissions included, are the Tre aggregate's; or into one
 * read of the TRE projection (role filtering in {@link TreDescribe}).
 */
@Component
public class TreRoutes implements DxRoutes.Provider {

    private final CommandGateway commands;
    private final TreProjection tres;
    private final OrgDirectory orgs;
    private final Nonces nonces;
    private final DataTypeGroups dataTypeGroups;
    private final EventHistory history;
    private final ObjectMapper json;
    private final RequestProjection requests;

    public TreRoutes(CommandGateway commands, TreProjection tres, OrgDirectory orgs, Nonces nonces,
                     DataTypeGroups dataTypeGroups, EventHistory history, ObjectMapper json,
                     RequestProjection requests) {
        this.requests = requests;
        this.history = history;
        this.commands = commands;
        this.tres = tres;
        this.orgs = orgs;
        this.nonces = nonces;
        this.dataTypeGroups = dataTypeGroups;
        this.json = json;
    }

    @Override
    public void register(DxRoutes routes) {
        // Every route on an existing TRE: ResourceNotFound for the TRE, then the aggregate's role and state checks.
        ErrorType[] onATre = {ErrorType.ResourceNotFound, ErrorType.PermissionDenied, ErrorType.InvalidState};
        routes.post("tre/new", NewTreInput.class, this::newTre,
                        ErrorType.ResourceNotFound, ErrorType.PermissionDenied, ErrorType.InvalidState)
                .post("tre-*/update", UpdateTreInput.class, this::update, onATre)
                .post("tre-*/setInventory", SetInventoryInput.class, this::setInventory,
                        ErrorType.ResourceNotFound, ErrorType.PermissionDenied, ErrorType.InvalidState,
                        ErrorType.InvalidType)
                .post("tre-*/setPolicies", SetPoliciesInput.class, this::setPolicies, onATre)
                .post("tre-*/addTreAdmins", UsersInput.class,
                        (r, in) -> usersCommand(r, in.users(), AddTreAdminsCommand::new), onATre)
                .post("tre-*/removeTreAdmins", UsersInput.class,
                        (r, in) -> usersCommand(r, in.users(), RemoveTreAdminsCommand::new), onATre)
                .post("tre-*/addAuthorizedUsers", PrincipalsInput.class,
                        (r, in) -> usersCommand(r, in.users(), AddAuthorizedUsersCommand::new), onATre)
                .post("tre-*/removeAuthorizedUsers", PrincipalsInput.class,
                        (r, in) -> usersCommand(r, in.users(), RemoveAuthorizedUsersCommand::new), onATre)
                .post("tre-*/addApplicationReviewStep", AddReviewStepInput.class, this::addReviewStep, onATre)
                .post("tre-*/updateApplicationReviewStep", UpdateReviewStepInput.class, this::updateReviewStep, onATre)
                .post("tre-*/removeApplicationReviewStep", ReviewStepInput.class, this::removeReviewStep, onATre)
                .post("tre-*/addApplicationReviewers", ReviewersInput.class,
                        (r, in) -> reviewersCommand(r, in, AddApplicationReviewersCommand::new), onATre)
                .post("tre-*/removeApplicationReviewers", ReviewersInput.class,
                        (r, in) -> reviewersCommand(r, in, RemoveApplicationReviewersCommand::new), onATre)
                .post("tre-*/getDataTypeGroups", NoInput.class, (r, none) -> getDataTypeGroups(r),
                        ErrorType.ResourceNotFound, ErrorType.PermissionDenied, ErrorType.InvalidState)
                .post("tre-*/describe", DescribeTreInput.class, this::describe,
                        ErrorType.ResourceNotFound, ErrorType.PermissionDenied)
                .post("tre-*/activate", NoInput.class, (r, none) -> lifecycle(r, ActivateTreCommand::new), onATre)
                .post("tre-*/deactivate", NoInput.class, (r, none) -> lifecycle(r, DeactivateTreCommand::new), onATre)
                .post("tre-*/delete", NoInput.class, (r, none) -> lifecycle(r, DeleteTreCommand::new), onATre)
                .post("system/findTres", FindTresInput.class, this::findTres);
    }

    ObjectNode newTre(DxRequest request, NewTreInput in) {
        boolean rateCard = Boolean.TRUE.equals(in.customizedRateCard());
        boolean url = Boolean.TRUE.equals(in.customizedURL());
        return nonces.once(request, "tre/new", () -> {
            String treId = "tre-" + in.handle();
            commands.sendAndWait(new CreateTreCommand(treId, in.handle(), in.name(), in.description(), in.summary(),
                    in.billTo(), in.region(), rateCard, url, requester(request)));
            return idOf(treId);
        });
    }

    ObjectNode update(DxRequest request, UpdateTreInput in) {
        boolean supportOrgGiven = request.input().has("supportOrg");
        String treId = request.entityId();
        commands.sendAndWait(new UpdateTreCommand(treId, in.name(), in.description(), in.summary(), in.billTo(),
                in.region(), supportOrgGiven, in.supportOrg(), in.allowSupportAccess(), in.customizedRateCard(),
                in.customizedURL(), requester(request)));
        return idOf(treId);
    }

    ObjectNode setInventory(DxRequest request, SetInventoryInput in) {
        String treId = request.entityId();
        commands.sendAndWait(new SetInventoryCommand(treId, in.inventory(), requester(request)));
        return idOf(treId);
    }

    ObjectNode setPolicies(DxRequest request, SetPoliciesInput in) {
        String treId = request.entityId();
        commands.sendAndWait(new SetPoliciesCommand(treId, in.policies(), requester(request)));
        return idOf(treId);
    }

    private interface UsersCommand {
        Object create(String treId, List<String> users, Requester requester);
    }

    private ObjectNode usersCommand(DxRequest request, List<String> users, UsersCommand command) {
        String treId = request.entityId();
        commands.sendAndWait(command.create(treId, List.copyOf(users), requester(request)));
        return idOf(treId);
    }

    ObjectNode addReviewStep(DxRequest request, AddReviewStepInput in) {
        String treId = request.entityId();
        commands.sendAndWait(new AddApplicationReviewStepCommand(treId, in.reviewStepId(), in.name(), in.description(),
                requester(request)));
        return idOf(treId);
    }

    ObjectNode updateReviewStep(DxRequest request, UpdateReviewStepInput in) {
        String treId = request.entityId();
        commands.sendAndWait(new UpdateApplicationReviewStepCommand(treId, in.reviewStepId(), in.name(),
                in.description(), requester(request)));
        return idOf(treId);
    }

    ObjectNode removeReviewStep(DxRequest request, ReviewStepInput in) {
        String treId = request.entityId();
        commands.sendAndWait(new RemoveApplicationReviewStepCommand(treId, in.reviewStepId(), requester(request)));
        return idOf(treId);
    }

    private interface ReviewersCommand {
        Object create(String treId, String reviewStepId, List<String> users, Requester requester);
    }

    private ObjectNode reviewersCommand(DxRequest request, ReviewersInput in, ReviewersCommand command) {
        String treId = request.entityId();
        commands.sendAndWait(command.create(treId, in.reviewStepId(), List.copyOf(in.users()), requester(request)));
        return idOf(treId);
    }

    private interface LifecycleCommand {
        Object create(String treId, Requester requester);
    }

    private ObjectNode lifecycle(DxRequest request, LifecycleCommand command) {
        String treId = request.entityId();
        commands.sendAndWait(command.create(treId, requester(request)));
        return idOf(treId);
    }

    ObjectNode describe(DxRequest request, DescribeTreInput in) {
        Map<String, Boolean> fields = in.fields();
        TreDescribe.requireKnownFields(fields);
        if (in.at() != null) {
            return describeAsOf(request, in.at(), fields);
        }
        TreView view = requireTre(request);
        TreDescribe.Role role = roleOf(view, request.caller());
        ObjectNode out = TreDescribe.render(view, role, fields, applicationCounts(view, role, fields), json);
        return withDispensals(out, view.id(), role, fields, Long.MAX_VALUE);
    }

    /**
     * {@code fields: {"dispensals": true}} adds, for admins, what the TRE dispensed up to {@code at}
     * (TreDispensals): which project of which request received which objects, from which inventory
     * version, under which policies, asked by whom.
     */
    private ObjectNode withDispensals(ObjectNode out, String treId, TreDescribe.Role role, Map<String, Boolean> fields,
                                      long at) {
        boolean asked = fields != null && Boolean.TRUE.equals(fields.get(TreDescribe.DISPENSALS));
        if (role == TreDescribe.Role.ADMIN && asked) {
            out.set(TreDescribe.DISPENSALS, json.valueToTree(TreDispensals.asOf(history.of(treId), at)));
        }
        return out;
    }

    /**
     * Time travel (DECISIONS.md §13): the TRE as it stood at {@code at}, its events up to that moment
     * folded by the projection's rules. Roles are checked as of now; a deleted TRE stays
     * open to the operator and to the admins it had.
     */
    private ObjectNode describeAsOf(DxRequest request, long at, Map<String, Boolean> fields) {
        TreView now = tres.find(request.entityId())
                .orElseThrow(() -> DxException.notFound("The TRE " + request.entityId() + " was not found"));
        AuditRoutes.requireAuditor(now, request);
        TreView then = TreReplay.asOf(history.of(now.id()), at).orElseThrow(() -> DxException.notFound("The TRE "
                + now.id() + " did not exist at " + at));
        return withDispensals(TreDescribe.render(then, TreDescribe.Role.ADMIN, fields, json), now.id(),
                TreDescribe.Role.ADMIN, fields, at);
    }

    ObjectNode getDataTypeGroups(DxRequest request) {
        TreView view = requireTre(request);
        ObjectNode out = json.createObjectNode();
        out.set("results", dataTypeGroups.readFor(view, roleOf(view, request.caller()), requester(request)));
        return out;
    }

    /** The TREs the caller may see, by id; {@code describe} as the caller's role allows. */
    ObjectNode findTres(DxRequest request, FindTresInput in) {
        boolean describe = Describe.requested(in.describe());
        Paging paging = Paging.of(in.starting(), in.limit(), "id");
        Caller caller = request.caller();
        List<String> visible = caller.isOperator() ? tres.all() : tres.visibleTo(orgs.principalsOf(caller.userId()));
        List<String> matching = visible.stream().filter(paging::startingAt).toList();
        ArrayNode results = json.createArrayNode();
        for (String treId : paging.page(matching)) {
            ObjectNode result = results.addObject().put("id", treId);
            if (describe) {
                TreView view = tres.find(treId).orElseThrow();
                TreDescribe.Role role = roleOf(view, caller);
                result.set("describe", TreDescribe.render(view, role, null, applicationCounts(view, role, null),
                        json));
            }
        }
        return paging.answer(results, matching, id -> id, json);
    }

    /**
     * Admins see how many requests the TRE has in each live state (docs/DECISIONS.md "Data access
     * requests"); counted only where the describe shows them.
     */
    private Map<String, Long> applicationCounts(TreView view, TreDescribe.Role role, Map<String, Boolean> fields) {
        boolean shown = fields == null || Boolean.TRUE.equals(fields.get("applicationCounts"));
        if (role != TreDescribe.Role.ADMIN || !shown) {
            return null;
        }
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        requests.countsByState(view.id()).forEach((state, count) -> counts.put(state.wire(), count));
        return counts;
    }

    private TreDescribe.Role roleOf(TreView view, Caller caller) {
        return TreDescribe.roleOf(view, caller.userId(), orgs.principalsOf(caller.userId()), caller.isOperator());
    }

    /** After delete every route but the audit ones answers ResourceNotFound (DECISIONS.md §2). */
    private TreView requireTre(DxRequest request) {
        return tres.find(request.entityId()).filter(view -> view.state() != TreState.deleted)
                .orElseThrow(() -> DxException.notFound("The TRE " + request.entityId() + " was not found"));
    }

    private static Requester requester(DxRequest request) {
        return new Requester(request.caller().userId(), request.caller().scope());
    }

    private ObjectNode idOf(String treId) {
        return json.createObjectNode().put("id", treId);
    }
}
