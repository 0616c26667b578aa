package org.tre.api.user;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tre.api.protocol.DxRequest;
import org.tre.api.protocol.DxRoutes;
import org.tre.api.protocol.Nonces;
import org.tre.api.protocol.Scopes;
import org.tre.api.protocol.WorkflowAnswers;
import org.tre.messages.EntityIds;
import org.tre.api.user.UserInputs.DescribeUserInput;
import org.tre.api.user.UserInputs.NewUserInput;
import org.tre.messages.error.DxException;
import org.tre.messages.error.ErrorType;
import org.tre.messages.user.UserCommands.CreateUserCommand;
import org.tre.messages.user.UserKind;
import org.tre.messages.user.UserQueries.FindUserQuery;
import org.tre.messages.user.UserQueries.UserView;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code /user/new} and {@code /user-xxxx/describe} (DECISIONS.md §11, §12, §14). */
@Component
public class UserRoutes implements DxRoutes.Provider {

    private static final Logger LOG = LoggerFactory.getLogger(UserRoutes.class);
    private static final Pattern ROBOT_USERNAME = Pattern.compile("tre_.*_robot");

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Nonces nonces;
    private final WorkflowAnswers workflows;
    private final ObjectMapper json = new ObjectMapper();

    public UserRoutes(CommandGateway commands, QueryGateway queries, Nonces nonces, WorkflowAnswers workflows) {
        this.commands = commands;
        this.queries = queries;
        this.nonces = nonces;
        this.workflows = workflows;
    }

    @Override
    public void register(DxRoutes routes) {
        routes.post("user/new", NewUserInput.class, this::newUser,
                        ErrorType.PermissionDenied, ErrorType.ResourceNotFound, ErrorType.InvalidState)
                .post("user-*/describe", DescribeUserInput.class, this::describe, ErrorType.ResourceNotFound);
    }

    ObjectNode newUser(DxRequest request, NewUserInput in) {
        String username = in.username();
        if (ROBOT_USERNAME.matcher(username.toLowerCase(Locale.ROOT)).matches()) {
            throw DxException.invalidInput("'username' tre_<handle>_robot is reserved for the robot users of TREs");
        }
        Scopes.requireFullScope(request.caller());
        return nonces.once(request, "user/new", () -> {
            String userId = EntityIds.userId(username);
            Boolean acceptingInvites = commands.sendAndWait(new CreateUserCommand(userId,
                    username.toLowerCase(Locale.ROOT), in.email(), in.first(), in.middle(), in.last(), UserKind.PERSON,
                    request.caller().userId(), in.provisioningOrg()));
            if (Boolean.TRUE.equals(acceptingInvites)) {
                awaitOrgInvites(userId);
            }
            return json.createObjectNode().put("id", userId);
        });
    }

    /**
     * The user is a member of the orgs that invited their email once /user/new answers: their acceptance
     * is a workflow of its own (OrgInvitesOnSignupSaga), waited for here, on the request's thread. The user
     * exists whatever the wait sees, so a wait that runs out answers the id too: a retry would be refused
     * as a taken username, and the invites are still accepted, later.
     */
    private void awaitOrgInvites(String userId) {
        try {
            workflows.await(userId);
        } catch (DxException notYet) {
            LOG.warn("The org invites of new user {} were not accepted by the time /user/new answered: {}", userId,
                    notYet.getMessage());
        }
    }

    ObjectNode describe(DxRequest request, DescribeUserInput in) {
        Map<String, Boolean> fields = in.fields();
        UserView user = queries.query(new FindUserQuery(request.entityId()), ResponseTypes.optionalInstanceOf(UserView.class))
                .join()
                .orElseThrow(() -> DxException.notFound("The user " + request.entityId() + " was not found"));
        boolean fullRecord = request.caller().isOperator()
                || (request.caller().userId().equals(user.id()) && request.caller().fullScope());
        ObjectNode out = json.createObjectNode();
        out.put("id", user.id());
        put(out, fields, "class", "user");
        put(out, fields, "handle", user.handle());
        // DNAnexus gives every name part as a string, "" when the user has none; dx concatenates them.
        put(out, fields, "first", java.util.Objects.toString(user.first(), ""));
        put(out, fields, "middle", java.util.Objects.toString(user.middle(), ""));
        put(out, fields, "last", java.util.Objects.toString(user.last(), ""));
        if (fullRecord) {
            put(out, fields, "email", user.email());
            put(out, fields, "created", user.created());
            put(out, fields, "robot", user.kind() == UserKind.ROBOT);
        }
        return out;
    }

    private static void put(ObjectNode out, Map<String, Boolean> fields, String name, Object value) {
        if (fields != null && !Boolean.TRUE.equals(fields.get(name))) {
            return;
        }
        out.putPOJO(name, value);
    }
}
