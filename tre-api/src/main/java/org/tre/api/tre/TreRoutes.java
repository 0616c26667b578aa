package org.tre.api.tre;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.tre.api.audit.AuditRoutes;
import org.tre.api.audit.EventHistory;
import org.tre.api.protocol.Describe;
import org.tre.api.protocol.DxInput;
import org.tre.api.protocol.DxRequest;
import org.tre.api.protocol.DxRoutes;
import org.tre.api.protocol.Nonces;
import org.tre.api.protocol.Paging;
import org.tre.directory.org.OrgDirectory;
import org.tre.directory.token.Caller;
import org.tre.messages.Requester;
import org.tre.messages.error.DxException;
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
import org.tre.query.tre.TreDescribe;
import org.tre.query.tre.TreProjection;
import org.tre.query.tre.TreReplay;
import org.tre.query.tre.TreView;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every route of tre-api.md. Each checks its input's shape and turns it into one command, which
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

    public TreRoutes(CommandGateway commands, TreProjection tres, OrgDirectory orgs, Nonces nonces,
                     DataTypeGroups dataTypeGroups, EventHistory history, ObjectMapper json) {
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
        routes.post("tre/new", this::newTre)
                .post("tre-*/update", this::update)
                .post("tre-*/setInventory", this::setInventory)
                .post("tre-*/setPolicies", this::setPolicies)
                .post("tre-*/addTreAdmins", r -> usersCommand(r, false, AddTreAdminsCommand::new))
                .post("tre-*/removeTreAdmins", r -> usersCommand(r, false, RemoveTreAdminsCommand::new))
                .post("tre-*/addAuthorizedUsers", r -> usersCommand(r, true, AddAuthorizedUsersCommand::new))
                .post("tre-*/removeAuthorizedUsers", r -> usersCommand(r, true, RemoveAuthorizedUsersCommand::new))
                .post("tre-*/addApplicationReviewStep", this::addReviewStep)
                .post("tre-*/updateApplicationReviewStep", this::updateReviewStep)
                .post("tre-*/removeApplicationReviewStep", this::removeReviewStep)
                .post("tre-*/addApplicationReviewers", r -> reviewersCommand(r, AddApplicationReviewersCommand::new))
                .post("tre-*/removeApplicationReviewers", r -> reviewersCommand(r, RemoveApplicationReviewersCommand::new))
                .post("tre-*/getDataTypeGroups", this::getDataTypeGroups)
                .post("tre-*/describe", this::describe)
                .post("tre-*/activate", r -> lifecycle(r, ActivateTreCommand::new))
                .post("tre-*/deactivate", r -> lifecycle(r, DeactivateTreCommand::new))
                .post("tre-*/delete", r -> lifecycle(r, DeleteTreCommand::new))
                .post("system/findTres", this::findTres);
    }

    ObjectNode newTre(DxRequest request) {
        DxInput in = request.input().allowOnly("handle", "name", "description", "summary", "billTo", "region",
                "customizedRateCard", "customizedURL", "nonce");
        String handle = in.requiredString("handle");
        if (!TreInputs.HANDLE.matcher(handle).matches()) {
            throw DxException.invalidInput("handle must be lowercase and between 3 and 63 characters long, start with a"
                    + " letter and hold only a-z, 0-9, '.' and '_'");
        }
        String name = TreInputs.text(in, "name", 1, 256);
        String description = TreInputs.text(in, "description", 1, 5000);
        String summary = TreInputs.text(in, "summary", 1, 500);
        String billTo = TreInputs.orgId(in, "billTo");
        String region = TreInputs.text(in, "region", 1, 256);
        boolean rateCard = in.optionalBoolean("customizedRateCard").orElse(false);
        boolean url = in.optionalBoolean("customizedURL").orElse(false);
        return nonces.once(request, "tre/new", () -> {
            String treId = "tre-" + handle;
            commands.sendAndWait(new CreateTreCommand(treId, handle, name, description, summary, billTo, region,
                    rateCard, url, requester(request)));
            return idOf(treId);
        });
    }

    ObjectNode update(DxRequest request) {
        DxInput in = request.input().allowOnly("name", "description", "summary", "billTo", "region", "supportOrg",
                "allowSupportAccess", "customizedRateCard", "customizedURL");
        String name = TreInputs.optionalText(in, "name", 1, 256);
        String description = TreInputs.optionalText(in, "description", 1, 5000);
        String summary = TreInputs.optionalText(in, "summary", 1, 500);
        String billTo = in.optionalString("billTo").map(id -> TreInputs.requireOrgId("billTo", id)).orElse(null);
        String region = TreInputs.optionalText(in, "region", 1, 256);
        boolean supportOrgGiven = in.has("supportOrg");
        String supportOrg = in.optionalString("supportOrg").map(id -> TreInputs.requireOrgId("supportOrg", id))
                .orElse(null);
        Boolean allowSupportAccess = in.optionalBoolean("allowSupportAccess").orElse(null);
        Boolean rateCard = in.optionalBoolean("customizedRateCard").orElse(null);
        Boolean url = in.optionalBoolean("customizedURL").orElse(null);
        String treId = request.entityId();
        commands.sendAndWait(new UpdateTreCommand(treId, name, description, summary, billTo, region, supportOrgGiven,
                supportOrg, allowSupportAccess, rateCard, url, requester(request)));
        return idOf(treId);
    }

    ObjectNode setInventory(DxRequest request) {
        var inventory = TreInputs.inventory(request.input());
        String treId = request.entityId();
        commands.sendAndWait(new SetInventoryCommand(treId, inventory, requester(request)));
        return idOf(treId);
    }

    ObjectNode setPolicies(DxRequest request) {
        Map<String, Boolean> policies = TreInputs.policies(request.input().allowOnly("restrictedWorkspace"));
        String treId = request.entityId();
        commands.sendAndWait(new SetPoliciesCommand(treId, policies, requester(request)));
        return idOf(treId);
    }

    private interface UsersCommand {
        Object create(String treId, List<String> users, Requester requester);
    }

    private ObjectNode usersCommand(DxRequest request, boolean orgsAndPublic, UsersCommand command) {
        DxInput in = request.input().allowOnly("users");
        List<String> users = orgsAndPublic ? TreInputs.principals(in) : TreInputs.userIds(in);
        String treId = request.entityId();
        commands.sendAndWait(command.create(treId, users, requester(request)));
        return idOf(treId);
    }

    ObjectNode addReviewStep(DxRequest request) {
        DxInput in = request.input().allowOnly("reviewStepId", "name", "description");
        String stepId = TreInputs.reviewStepId(in);
        String name = TreInputs.text(in, "name", 1, 256);
        String description = TreInputs.text(in, "description", 0, 1000);
        String treId = request.entityId();
        commands.sendAndWait(new AddApplicationReviewStepCommand(treId, stepId, name, description, requester(request)));
        return idOf(treId);
    }

    ObjectNode updateReviewStep(DxRequest request) {
        DxInput in = request.input().allowOnly("reviewStepId", "name", "description");
        String stepId = in.requiredString("reviewStepId");
        String name = TreInputs.optionalText(in, "name", 1, 256);
        String description = TreInputs.optionalText(in, "description", 0, 1000);
        String treId = request.entityId();
        commands.sendAndWait(new UpdateApplicationReviewStepCommand(treId, stepId, name, description,
                requester(request)));
        return idOf(treId);
    }

    ObjectNode removeReviewStep(DxRequest request) {
        String stepId = request.input().allowOnly("reviewStepId").requiredString("reviewStepId");
        String treId = request.entityId();
        commands.sendAndWait(new RemoveApplicationReviewStepCommand(treId, stepId, requester(request)));
        return idOf(treId);
    }

    private interface ReviewersCommand {
        Object create(String treId, String reviewStepId, List<String> users, Requester requester);
    }

    private ObjectNode reviewersCommand(DxRequest request, ReviewersCommand command) {
        DxInput in = request.input().allowOnly("reviewStepId", "users");
        String stepId = in.requiredString("reviewStepId");
        List<String> users = TreInputs.userIds(in);
        if (users.size() > 100) {
            throw DxException.invalidInput("users array contains more than 100 reviewers");
        }
        String treId = request.entityId();
        commands.sendAndWait(command.create(treId, stepId, users, requester(request)));
        return idOf(treId);
    }

    private interface LifecycleCommand {
        Object create(String treId, Requester requester);
    }

    private ObjectNode lifecycle(DxRequest request, LifecycleCommand command) {
        request.input().allowOnly();
        String treId = request.entityId();
        commands.sendAndWait(command.create(treId, requester(request)));
        return idOf(treId);
    }

    ObjectNode describe(DxRequest request) {
        DxInput in = request.input().allowOnly("fields", "at");
        Map<String, Boolean> fields = in.optionalBooleanMap("fields").orElse(null);
        TreDescribe.requireKnownFields(fields);
        Optional<Long> at = in.optionalLong("at");
        if (at.isPresent()) {
            return describeAsOf(request, at.get(), fields);
        }
        TreView view = requireTre(request);
        return TreDescribe.render(view, roleOf(view, request.caller()), fields, json);
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
        return TreDescribe.render(then, TreDescribe.Role.ADMIN, fields, json);
    }

    ObjectNode getDataTypeGroups(DxRequest request) {
        request.input().allowOnly();
        TreView view = requireTre(request);
        ObjectNode out = json.createObjectNode();
        out.set("results", dataTypeGroups.readFor(view, roleOf(view, request.caller()), requester(request)));
        return out;
    }

    /** The TREs the caller may see, by id; {@code describe} as the caller's role allows. */
    ObjectNode findTres(DxRequest request) {
        DxInput in = request.input().allowOnly("describe", "starting", "limit");
        boolean describe = Describe.requested(in);
        Paging paging = Paging.of(in, "id");
        Caller caller = request.caller();
        List<String> visible = caller.isOperator() ? tres.all() : tres.visibleTo(orgs.principalsOf(caller.userId()));
        List<String> matching = visible.stream().filter(paging::startingAt).toList();
        ArrayNode results = json.createArrayNode();
        for (String treId : paging.page(matching)) {
            ObjectNode result = results.addObject().put("id", treId);
            if (describe) {
                TreView view = tres.find(treId).orElseThrow();
                result.set("describe", TreDescribe.render(view, roleOf(view, caller), null, json));
            }
        }
        return paging.answer(results, matching, id -> id, json);
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
