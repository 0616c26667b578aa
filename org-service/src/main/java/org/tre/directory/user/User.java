package org.tre.directory.user;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.tre.directory.org.OrgDirectory;
import org.tre.messages.error.DxException;
import org.tre.messages.org.Licenses;
import org.tre.messages.org.OrgViews.OrgFacts;
import org.tre.messages.org.OrgViews.OrgMembership;
import org.tre.messages.user.Operator;
import org.tre.messages.user.UserCommands.CompleteUserOrgInvitesAcceptanceCommand;
import org.tre.messages.user.UserCommands.CreateUserCommand;
import org.tre.messages.user.UserCommands.DestroyAuthTokenCommand;
import org.tre.messages.user.UserCommands.IssueAuthTokenCommand;
import org.tre.messages.user.UserEvents.AuthTokenDestroyedEvent;
import org.tre.messages.user.UserEvents.AuthTokenIssuedEvent;
import org.tre.messages.user.UserEvents.PendingOrgInvite;
import org.tre.messages.user.UserEvents.UserCreatedEvent;
import org.tre.messages.user.UserEvents.UserOrgInvitesAcceptanceStartedEvent;
import org.tre.messages.user.UserEvents.UserOrgInvitesAcceptedEvent;
import org.tre.messages.user.UserKind;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A platform user and the tokens handed out to them (ids only: the secrets live outside the log). */
@Aggregate(cache = "aggregateCache")
public class User {

    @AggregateIdentifier
    private String userId;
    private UserKind kind;
    private final Set<String> liveTokenIds = new HashSet<>();
    /** The org invites waiting for the new user's email are being accepted. */
    private boolean acceptingInvites;

    protected User() {
    }

    /**
     * Answers whether the new user's email had org invites waiting: their acceptance is a workflow of its
     * own (OrgInvitesOnSignupSaga), whose outcome /user/new waits for.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public boolean handle(CreateUserCommand command, DirectoryNames registry, OrgDirectory orgs) {
        onlyTheOperatorOrAProvisioningOrgAdminCreatesPeople(command, orgs);
        if (registry.handleTaken(command.username())) {
            throw DxException.invalidState("The username " + command.username() + " is already taken");
        }
        if (command.email() != null && registry.emailTaken(command.email())) {
            throw DxException.invalidState("A user with that email already exists");
        }
        apply(new UserCreatedEvent(command.userId(), command.username(), command.email(), command.first(),
                command.middle(), command.last(), command.kind()));
        List<PendingOrgInvite> invites = command.email() == null ? List.of() : orgs.invitesAwaiting(command.email());
        if (invites.isEmpty()) {
            return false;
        }
        apply(new UserOrgInvitesAcceptanceStartedEvent(command.userId(), List.copyOf(invites)));
        return true;
    }

    /** Recorded once: a completion repeated after a lost answer changes nothing. */
    @CommandHandler
    public void handle(CompleteUserOrgInvitesAcceptanceCommand command) {
        if (acceptingInvites) {
            apply(new UserOrgInvitesAcceptedEvent(userId, List.copyOf(command.unfinished())));
        }
    }

    @CommandHandler
    public void handle(IssueAuthTokenCommand command) {
        robotsHoldNoToken();
        onlyTheUserOrTheOperatorActs(command.issuedBy(), "make a token for " + userId);
        apply(new AuthTokenIssuedEvent(userId, command.tokenId(), command.scope(), command.expires(),
                command.label(), command.issuedBy()));
    }

    @CommandHandler
    public void handle(DestroyAuthTokenCommand command) {
        if (!liveTokenIds.contains(command.tokenId())) {
            throw DxException.notFound("No such token");
        }
        onlyTheUserOrTheOperatorActs(command.destroyedBy(), "destroy a token of " + userId);
        apply(new AuthTokenDestroyedEvent(userId, command.tokenId(), command.destroyedBy()));
    }

    /**
     * Robots and the operator are made by the service itself, never through the API. People are made
     * by the operator, or by an ADMIN of an org licensed to provision accounts (DECISIONS.md §11).
     */
    private static void onlyTheOperatorOrAProvisioningOrgAdminCreatesPeople(CreateUserCommand command,
                                                                            OrgDirectory orgs) {
        if (command.kind() != UserKind.PERSON || Operator.is(command.createdBy())) {
            return;
        }
        if (command.provisioningOrg() == null) {
            throw DxException.permissionDenied("Only the operator, or an org ADMIN naming a provisioningOrg, may create"
                    + " users");
        }
        OrgFacts org = orgs.find(command.provisioningOrg())
                .orElseThrow(() -> DxException.notFound("The org " + command.provisioningOrg() + " was not found"));
        boolean admin = orgs.membership(org.id(), command.createdBy()).map(OrgMembership::isAdmin).orElse(false);
        if (!admin || !org.hasLicense(Licenses.USER_CREATION)) {
            throw DxException.permissionDenied("Creating users for " + org.id() + " needs an ADMIN of it and the"
                    + " userCreationFeaturesEnabled license");
        }
    }

    private void robotsHoldNoToken() {
        if (kind == UserKind.ROBOT) {
            throw DxException.permissionDenied("A robot user cannot hold a token");
        }
    }

    private void onlyTheUserOrTheOperatorActs(String actor, String what) {
        if (!userId.equals(actor) && !Operator.is(actor)) {
            throw DxException.permissionDenied("Only " + userId + " or the operator may " + what);
        }
    }

    @EventSourcingHandler
    void on(UserCreatedEvent event) {
        userId = event.userId();
        kind = event.kind();
    }

    @EventSourcingHandler
    void on(UserOrgInvitesAcceptanceStartedEvent event) {
        acceptingInvites = true;
    }

    @EventSourcingHandler
    void on(UserOrgInvitesAcceptedEvent event) {
        acceptingInvites = false;
    }

    @EventSourcingHandler
    void on(AuthTokenIssuedEvent event) {
        liveTokenIds.add(event.tokenId());
    }

    @EventSourcingHandler
    void on(AuthTokenDestroyedEvent event) {
        liveTokenIds.remove(event.tokenId());
    }
}
