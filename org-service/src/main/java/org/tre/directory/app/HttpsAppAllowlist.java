package org.tre.directory.app;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.tre.directory.token.TokenScopes;
import org.tre.messages.app.HttpsAppMessages.HttpsAppAllowlistSetEvent;
import org.tre.messages.app.HttpsAppMessages.SetHttpsAppAllowlistCommand;
import org.tre.messages.error.DxException;
import org.tre.messages.user.Operator;

import java.util.LinkedHashSet;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The apps that may serve HTTPS from a TRE project, as the operator lists them. One for the service:
 * it is made by the first list set, so no bootstrap has to create it.
 */
@Aggregate(cache = "aggregateCache")
public class HttpsAppAllowlist {

    @AggregateIdentifier
    private String allowlistId;
    private List<String> apps = List.of();

    protected HttpsAppAllowlist() {
    }

    /** A list equal to the one in force is no change, so the history holds only real changes. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetHttpsAppAllowlistCommand command) {
        if (!Operator.is(command.requester().userId())) {
            throw DxException.permissionDenied("Only the operator may set the HTTPS app allowlist");
        }
        TokenScopes.requireFull(command.requester());
        List<String> requested = List.copyOf(new LinkedHashSet<>(command.apps()));
        if (allowlistId != null && requested.equals(apps)) {
            return;
        }
        apply(new HttpsAppAllowlistSetEvent(command.allowlistId(), requested, command.requester().userId()));
    }

    @EventSourcingHandler
    void on(HttpsAppAllowlistSetEvent event) {
        allowlistId = event.allowlistId();
        apps = event.apps();
    }
}
