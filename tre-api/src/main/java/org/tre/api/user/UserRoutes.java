package org.tre.api.user;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import org.tre.api.protocol.DxInput;
import org.tre.api.protocol.DxRequest;
import org.tre.api.protocol.DxRoutes;
import org.tre.api.protocol.Nonces;
import org.tre.api.protocol.Scopes;
import org.tre.messages.EntityIds;
import org.tre.messages.error.DxException;
import org.tre.messages.user.UserCommands.CreateUserCommand;
import org.tre.messages.user.UserKind;
import org.tre.messages.user.UserQueries.FindUserQuery;
import org.tre.messages.user.UserQueries.UserView;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@code /user/new} and {@code /user-xxxx/describe} (DECISIONS.md §11, §12, §14). */
@Component
public class UserRoutes implements DxRoutes.Provider {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_NAME = 256;
    private static final Pattern ROBOT_USERNAME = Pattern.compile("tre_.*_robot");

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Nonces nonces;
    private final ObjectMapper json = new ObjectMapper();

    public UserRoutes(CommandGateway commands, QueryGateway queries, Nonces nonces) {
        this.commands = commands;
        this.queries = queries;
        this.nonces = nonces;
    }

    @Override
    public void register(DxRoutes routes) {
        routes.post("user/new", this::newUser)
                .post("user-*/describe", this::describe);
    }

    ObjectNode newUser(DxRequest request) {
        DxInput in = request.input().allowOnly("username", "email", "first", "middle", "last", "nonce",
                "provisioningOrg");
        String username = in.requiredString("username");
        if (!EntityIds.isValidHandle(username)) {
            throw DxException.invalidInput("'username' must start with a letter, hold only letters, digits, '.' and"
                    + " '_', and be 3 to 33 characters long");
        }
        if (ROBOT_USERNAME.matcher(username.toLowerCase(Locale.ROOT)).matches()) {
            throw DxException.invalidInput("'username' tre_<handle>_robot is reserved for the robot users of TREs");
        }
        String email = in.requiredString("email");
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw DxException.invalidInput("'email' must be an email address");
        }
        String first = name(in, "first");
        String middle = name(in, "middle");
        String last = name(in, "last");
        Optional<String> provisioningOrg = in.optionalString("provisioningOrg");
        Scopes.requireFullScope(request.caller());
        if (provisioningOrg.isPresent() && !provisioningOrg.get().startsWith("org-")) {
            throw DxException.invalidInput("'provisioningOrg' must be an org id");
        }
        return nonces.once(request, "user/new", () -> {
            String userId = EntityIds.userId(username);
            commands.sendAndWait(new CreateUserCommand(userId, username.toLowerCase(Locale.ROOT), email, first,
                    middle, last, UserKind.PERSON, request.caller().userId(), provisioningOrg.orElse(null)));
            return json.createObjectNode().put("id", userId);
        });
    }

    ObjectNode describe(DxRequest request) {
        DxInput in = request.input().allowOnly("fields");
        Map<String, Boolean> fields = in.optionalBooleanMap("fields").orElse(null);
        UserView user = queries.query(new FindUserQuery(request.entityId()), ResponseTypes.optionalInstanceOf(UserView.class))
                .join()
                .orElseThrow(() -> DxException.notFound("The user " + request.entityId() + " was not found"));
        boolean fullRecord = request.caller().isOperator()
                || (request.caller().userId().equals(user.id()) && request.caller().fullScope());
        ObjectNode out = json.createObjectNode();
        out.put("id", user.id());
        put(out, fields, "class", "user");
        put(out, fields, "handle", user.handle());
        put(out, fields, "first", user.first());
        put(out, fields, "middle", user.middle());
        put(out, fields, "last", user.last());
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

    private static String name(DxInput in, String field) {
        String value = in.optionalString(field).orElse(null);
        if (value != null && value.length() > MAX_NAME) {
            throw DxException.invalidInput("'" + field + "' must be at most " + MAX_NAME + " characters long");
        }
        return value;
    }
}
