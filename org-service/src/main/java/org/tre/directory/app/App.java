package org.tre.directory.app;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.tre.directory.org.OrgDirectory;
import org.tre.directory.token.TokenScopes;
import org.tre.messages.app.AppMessages.AppAccessRevokedEvent;
import org.tre.messages.app.AppMessages.AppCreatedEvent;
import org.tre.messages.app.AppMessages.CreateAppCommand;
import org.tre.messages.app.AppMessages.RevokeAppAccessCommand;
import org.tre.messages.error.DxException;
import org.tre.messages.org.OrgViews.OrgFacts;
import org.tre.messages.org.OrgViews.OrgMembership;
import org.tre.messages.user.Operator;

import java.util.ArrayList;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One version of an app, billed to an org. */
@Aggregate(cache = "aggregateCache")
public class App {

    @AggregateIdentifier
    private String appId;
    private final List<String> developers = new ArrayList<>();
    private final List<String> authorizedUsers = new ArrayList<>();

    protected App() {
    }

    /**
     * A creation has no entity to find, so the token's reach comes first, as for orgs, projects and
     * TREs; then the billing org, the requester's rights there and among the name's developers, and
     * last whether the version is taken (DECISIONS.md §1).
     */
    @CommandHandler
    public App(CreateAppCommand command, OrgDirectory orgs, AppCatalog catalog) {
        TokenScopes.requireFull(command.requester());
        String creator = command.requester().userId();
        OrgFacts billTo = orgs.find(command.billTo())
                .orElseThrow(() -> DxException.notFound("The org " + command.billTo() + " was not found"));
        boolean mayBill = Operator.is(creator) || orgs.membership(billTo.id(), creator)
                .map(OrgMembership::allowBillableActivities).orElse(false);
        if (!billTo.billable() || !mayBill) {
            throw DxException.permissionDenied("Apps billed to " + billTo.id()
                    + " need a billable org and the allowBillableActivities flag there");
        }
        List<String> existingDevelopers = catalog.developersOf(command.name());
        if (!existingDevelopers.isEmpty() && !existingDevelopers.contains(creator) && !Operator.is(creator)) {
            throw DxException.permissionDenied("Only developers of " + command.name() + " may add versions of it");
        }
        if (catalog.versionExists(command.name(), command.version())) {
            throw DxException.invalidState("Version " + command.version() + " of " + command.name() + " already exists");
        }
        apply(new AppCreatedEvent(command.appId(), command.name(), command.version(), command.billTo(),
                command.title(), command.summary(), command.description(), command.published(),
                command.authorizedUsers(), command.developers(), command.categories(), creator));
    }

    /** The app knows its developers: it decides whether the successor has to take over. */
    @CommandHandler
    public boolean handle(RevokeAppAccessCommand command) {
        if (!developers.contains(command.userId()) && !authorizedUsers.contains(command.userId())) {
            return false;
        }
        boolean soleDeveloper = developers.size() == 1 && developers.contains(command.userId());
        String newDeveloper = soleDeveloper ? command.successor() : null;
        apply(new AppAccessRevokedEvent(appId, command.userId(), newDeveloper, command.requestedBy()));
        return newDeveloper != null;
    }

    @EventSourcingHandler
    void on(AppCreatedEvent event) {
        appId = event.appId();
        developers.addAll(event.developers());
        authorizedUsers.addAll(event.authorizedUsers());
    }

    @EventSourcingHandler
    void on(AppAccessRevokedEvent event) {
        developers.remove(event.userId());
        authorizedUsers.remove(event.userId());
        if (event.newDeveloper() != null && !developers.contains(event.newDeveloper())) {
            developers.add(event.newDeveloper());
        }
    }
}
