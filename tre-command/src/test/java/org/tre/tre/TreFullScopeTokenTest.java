package org.tre.tre;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tre.messages.Requester;
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
import org.tre.messages.tre.TreEvents.AuthorizedUsersAddedEvent;
import org.tre.messages.tre.TreEvents.TreAdminsAddedEvent;
import org.tre.tre.role.AdminRoute;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.tre.tre.support.TreMatchers.dxError;
import static org.tre.tre.support.TreMatchers.someEvent;
import static org.tre.tre.support.TreWorld.*;

/**
 * "The requesting user must use a full-scope token" (tre-api.md, DECISIONS.md "Token scope"): the
 * routes that list it refuse a token limited to projects, after the caller's role and before the
 * TRE's state (DECISIONS.md §1); the others take any token of a TRE admin.
 */
class TreFullScopeTokenTest {

    private static final String FULL_SCOPE = "full-scope token";
    private static final String PROJECT = "project-new";

    private FixtureConfiguration<Tre> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tre.class);
        fixture.registerInjectableResource(directory());
    }

    /** Each admin route's command; sent by ALICE with a full-scope token to {@link #readyFor} each succeeds. */
    static Object command(AdminRoute route, Requester requester) {
        return switch (route) {
            case UPDATE -> new UpdateTreCommand(TRE, "New name", null, null, null, null, false, null, null, null,
                    null, requester);
            case SET_INVENTORY -> new SetInventoryCommand(TRE, inventory("1.0.0"), requester);
            case SET_POLICIES -> new SetPoliciesCommand(TRE, Map.of("restricted", true), requester);
            case ADD_TRE_ADMINS -> new AddTreAdminsCommand(TRE, List.of(DAVE), requester);
            case REMOVE_TRE_ADMINS -> new RemoveTreAdminsCommand(TRE, List.of(BOB), requester);
            case ADD_AUTHORIZED_USERS -> new AddAuthorizedUsersCommand(TRE, List.of(EVE), requester);
            case REMOVE_AUTHORIZED_USERS -> new RemoveAuthorizedUsersCommand(TRE, List.of(FRANK), requester);
            case ADD_APPLICATION_REVIEW_STEP -> new AddApplicationReviewStepCommand(TRE, STEP2, "Science",
                    "Scientific review", requester);
            case UPDATE_APPLICATION_REVIEW_STEP -> new UpdateApplicationReviewStepCommand(TRE, STEP, "Ethics",
                    "Ethics review", requester);
            case REMOVE_APPLICATION_REVIEW_STEP -> new RemoveApplicationReviewStepCommand(TRE, STEP, requester);
            case ADD_APPLICATION_REVIEWERS -> new AddApplicationReviewersCommand(TRE, STEP, List.of(FRANK), requester);
            case REMOVE_APPLICATION_REVIEWERS -> new RemoveApplicationReviewersCommand(TRE, STEP, List.of(EVE),
                    requester);
            case ACTIVATE -> new ActivateTreCommand(TRE, requester);
            case DEACTIVATE -> new DeactivateTreCommand(TRE, requester);
            case DELETE -> new DeleteTreCommand(TRE, requester);
        };
    }

    /** A ready draft (an active TRE for deactivate) where BOB administers and FRANK is authorized. */
    static List<Object> readyFor(AdminRoute route) {
        return plus(route == AdminRoute.DEACTIVATE ? active() : readyDraft(),
                new TreAdminsAddedEvent(TRE, List.of(BOB)),
                new AuthorizedUsersAddedEvent(TRE, List.of(FRANK), List.of(FRANK)));
    }

    // ---- TRE admin routes ----

    @ParameterizedTest
    @EnumSource(value = AdminRoute.class, names = {"ADD_APPLICATION_REVIEW_STEP", "UPDATE_APPLICATION_REVIEW_STEP",
            "REMOVE_APPLICATION_REVIEW_STEP", "ADD_APPLICATION_REVIEWERS", "REMOVE_APPLICATION_REVIEWERS", "ACTIVATE",
            "DEACTIVATE", "DELETE"})
    void reviewStepsReviewersAndTheLifecycleNeedAFullScopeToken(AdminRoute route) {
        fixture.given(readyFor(route))
                .when(command(route, withLimitedToken(ALICE)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied, FULL_SCOPE));
    }

    @ParameterizedTest
    @EnumSource(value = AdminRoute.class, names = {"UPDATE", "SET_INVENTORY", "SET_POLICIES", "ADD_TRE_ADMINS",
            "REMOVE_TRE_ADMINS", "ADD_AUTHORIZED_USERS", "REMOVE_AUTHORIZED_USERS"})
    void settingsInventoryPoliciesAndRolesTakeAnyTokenOfAnAdmin(AdminRoute route) {
        fixture.given(readyFor(route))
                .when(command(route, withLimitedToken(ALICE)))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(someEvent());
    }

    @ParameterizedTest
    @EnumSource(value = AdminRoute.class, names = {"ADD_APPLICATION_REVIEW_STEP", "UPDATE_APPLICATION_REVIEW_STEP",
            "REMOVE_APPLICATION_REVIEW_STEP", "ADD_APPLICATION_REVIEWERS", "REMOVE_APPLICATION_REVIEWERS", "ACTIVATE",
            "DEACTIVATE", "DELETE"})
    void theRoleIsCheckedBeforeTheScope(AdminRoute route) {
        fixture.given(readyFor(route))
                .when(command(route, withLimitedToken(EVE)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied, "must be a TRE admin"));
    }

    /** The states in which the admin's full-scope command is InvalidState (the control below). */
    static List<Object> refusingStateFor(AdminRoute route) {
        return route == AdminRoute.DEACTIVATE ? readyDraft() : active();
    }

    @ParameterizedTest
    @EnumSource(value = AdminRoute.class, names = {"ADD_APPLICATION_REVIEW_STEP", "REMOVE_APPLICATION_REVIEW_STEP",
            "ACTIVATE", "DEACTIVATE", "DELETE"})
    void withAFullScopeTokenTheseStatesRefuse(AdminRoute route) {
        fixture.given(refusingStateFor(route))
                .when(command(route, as(ALICE)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState));
    }

    @ParameterizedTest
    @EnumSource(value = AdminRoute.class, names = {"ADD_APPLICATION_REVIEW_STEP", "REMOVE_APPLICATION_REVIEW_STEP",
            "ACTIVATE", "DEACTIVATE", "DELETE"})
    void theScopeIsCheckedBeforeTheState(AdminRoute route) {
        fixture.given(refusingStateFor(route))
                .when(command(route, withLimitedToken(ALICE)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied, FULL_SCOPE));
    }

    @ParameterizedTest
    @EnumSource(AdminRoute.class)
    void aDeletedTreIsNotFoundWhateverTheToken(AdminRoute route) {
        fixture.given(plus(readyDraft(), deleted()))
                .when(command(route, withLimitedToken(ALICE)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.ResourceNotFound));
    }

    // ---- /tre/new ----

    private static CreateTreCommand create(String billTo, Requester requester) {
        return new CreateTreCommand(TRE, HANDLE, "Genomics", "Genomic data", "A genomics TRE", billTo, US_EAST, false,
                false, requester);
    }

    @Test
    void creatingATreNeedsAFullScopeToken() {
        fixture.givenNoPriorActivity()
                .when(create(ORG, withLimitedToken(ALICE)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied, FULL_SCOPE));
    }

    /** No TRE exists yet whose role could come first, and the billing org is another entity (§1, step 6). */
    @Test
    void theScopeOfTreNewIsCheckedBeforeTheBillingOrg() {
        fixture.givenNoPriorActivity()
                .when(create(NO_SUCH_ORG, withLimitedToken(ALICE)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied, FULL_SCOPE));
    }
}
