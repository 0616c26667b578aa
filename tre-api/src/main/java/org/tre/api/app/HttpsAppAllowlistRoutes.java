package org.tre.api.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.tre.api.app.AppInputs.SetHttpsAppAllowlistInput;
import org.tre.api.protocol.DxRequest;
import org.tre.api.protocol.DxRoutes;
import org.tre.messages.app.HttpsAppMessages;
import org.tre.messages.app.HttpsAppMessages.SetHttpsAppAllowlistCommand;
import org.tre.messages.error.ErrorType;

/**
 * {@code /system/setHttpsAppAllowlist}: the operator names the apps that may serve HTTPS from a TRE
 * project. Who may is the HttpsAppAllowlist aggregate's rule; the run decision reads
 * HttpsAppAllowlistProjection.
 */
@Component
public class HttpsAppAllowlistRoutes implements DxRoutes.Provider {

    private final CommandGateway commands;
    private final ObjectMapper json = new ObjectMapper();

    public HttpsAppAllowlistRoutes(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void register(DxRoutes routes) {
        routes.post("system/setHttpsAppAllowlist", SetHttpsAppAllowlistInput.class, this::set,
                ErrorType.PermissionDenied);
    }

    ObjectNode set(DxRequest request, SetHttpsAppAllowlistInput in) {
        commands.sendAndWait(new SetHttpsAppAllowlistCommand(HttpsAppMessages.ALLOWLIST_ID, in.apps(),
                request.caller().requester()));
        return json.createObjectNode();
    }
}
