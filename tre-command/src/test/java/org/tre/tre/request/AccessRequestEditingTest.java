package org.tre.tre.request;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tre.messages.error.ErrorType;
import org.tre.messages.request.RequestCommands.AddCollaboratorsCommand;
import org.tre.messages.request.RequestCommands.CreateCohortMetadataCommand;
import org.tre.messages.request.RequestCommands.DeleteAccessRequestCommand;
import org.tre.messages.request.RequestCommands.RemoveCollaboratorsCommand;
import org.tre.messages.request.RequestCommands.UpdateAccessRequestCommand;
import org.tre.messages.request.RequestCommands.UpdateCohortMetadataCommand;
import org.tre.messages.request.RequestEvents.AccessRequestDeletedEvent;
import org.tre.messages.request.RequestEvents.AccessRequestUpdatedEvent;
import org.tre.messages.request.RequestEvents.CohortMetadataCreatedEvent;
import org.tre.messages.request.RequestEvents.CohortMetadataUpdatedEvent;
import org.tre.messages.request.RequestEvents.CollaboratorsAddedEvent;
import org.tre.messages.request.RequestEvents.CollaboratorsRemovedEvent;
import org.tre.messages.Requester;
import org.tre.tre.request.RequestWorld.Lifecycle;

import java.util.ArrayList;
import java.util.List;

import static org.tre.tre.request.RequestWorld.*;
import static org.tre.tre.support.TreMatchers.dxError;

/**
 * The applicant's work on a request (DECISIONS.md §15): its text, cohort and collaborators, and its
 * deletion; one rule per test, with the table's refusals for everyone else.
 */
class AccessRequestEditingTest {

    private static final String COHORT = "{\"age\":{\"min\":40}}";

    private FixtureConfiguration<DataAccessRequest> fixture;
    private InMemoryTreForRequests platform;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DataAccessRequest.class);
        platform = platform();
        fixture.registerInjectableResource(platform);
    }

    private static UpdateAccessRequestCommand rename(Requester requester) {
        return new UpdateAccessRequestCommand(REQUEST, "Renamed", null, null, requester);
    }

    // ---- update ----

    @ParameterizedTest
    @EnumSource(value = Lifecycle.class, names = {"DRAFT", "IN_REVISION"})
    void theApplicantMayEditInDraftAndInRevision(Lifecycle state) {
        fixture.given(state.events())
                .when(new UpdateAccessRequestCommand(REQUEST, "Renamed", "Longer", List.of("31"), as(CAROL)))
                .expectEvents(new AccessRequestUpdatedEvent(REQUEST, TRE, "Renamed", "Longer", List.of("31"), CAROL));
    }

    @ParameterizedTest
    @EnumSource(value = Lifecycle.class, names = {"IN_REVIEW", "APPROVED"})
    void theApplicantCannotEditWhileInReviewOrOnceApproved(Lifecycle state) {
        fixture.given(state.events())
                .when(rename(as(CAROL)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState, "only in draft or in-revision"));
    }

    @Test
    void collaboratorsDoNotEdit() {
        fixture.given(collaborating())
                .when(rename(as(DAVE)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void reviewersOfTheTreMayUpdateDrafts() {
        fixture.given(collaborating())
                .when(rename(as(FRANK)))
                .expectEvents(new AccessRequestUpdatedEvent(REQUEST, TRE, "Renamed", null, null, FRANK));
    }

    @Test
    void reviewersUpdateDraftsOnlyNotRequestsInRevision() {
        fixture.given(inRevision())
                .when(rename(as(FRANK)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState, "only in draft"));
    }

    @Test
    void treAdminsAndOutsidersDoNotEdit() {
        fixture.given(collaborating())
                .when(rename(as(ALICE)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied));
        fixture.given(collaborating())
                .when(rename(as(OSCAR)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void anUpdateNamingNothingRecordsNothing() {
        fixture.given(collaborating())
                .when(new UpdateAccessRequestCommand(REQUEST, null, null, null, as(CAROL)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void changesNeedAFullScopeToken() {
        fixture.given(collaborating())
                .when(rename(withLimitedToken(CAROL)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied, "full-scope"));
    }

    @Test
    void theRoleIsCheckedBeforeTheToken() {
        fixture.given(inReview())
                .when(rename(withLimitedToken(OSCAR)))
                .expectException(dxError(ErrorType.PermissionDenied, "You may not update"));
    }

    @Test
    void theTokenIsCheckedBeforeTheState() {
        fixture.given(inReview())
                .when(rename(withLimitedToken(CAROL)))
                .expectException(dxError(ErrorType.PermissionDenied, "full-scope"));
    }

    // ---- cohort ----

    @Test
    void aCohortIsCreatedAsGiven() {
        fixture.given(collaborating())
                .when(new CreateCohortMetadataCommand(REQUEST, COHORT, as(CAROL)))
                .expectEvents(new CohortMetadataCreatedEvent(REQUEST, TRE, COHORT, CAROL));
    }

    @Test
    void aCohortIsCreatedOnce() {
        fixture.given(plus(collaborating(), new CohortMetadataCreatedEvent(REQUEST, TRE, COHORT, CAROL)))
                .when(new CreateCohortMetadataCommand(REQUEST, COHORT, as(CAROL)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState, "has a cohort already"));
    }

    @Test
    void aCohortIsUpdatedOnlyOnceItExists() {
        fixture.given(collaborating())
                .when(new UpdateCohortMetadataCommand(REQUEST, COHORT, as(CAROL)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState, "no cohort yet"));
        fixture.given(plus(collaborating(), new CohortMetadataCreatedEvent(REQUEST, TRE, COHORT, CAROL)))
                .when(new UpdateCohortMetadataCommand(REQUEST, "{}", as(CAROL)))
                .expectEvents(new CohortMetadataUpdatedEvent(REQUEST, TRE, "{}", CAROL));
    }

    @Test
    void theCohortChangesOnlyWhileTheApplicantMayEdit() {
        fixture.given(inReview())
                .when(new CreateCohortMetadataCommand(REQUEST, COHORT, as(CAROL)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState));
    }

    @Test
    void onlyTheApplicantSetsTheCohort() {
        fixture.given(collaborating())
                .when(new CreateCohortMetadataCommand(REQUEST, COHORT, as(FRANK)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    // ---- collaborators ----

    @Test
    void theApplicantAddsAuthorizedUsersAsCollaboratorsEachOnce() {
        fixture.given(collaborating())
                .when(new AddCollaboratorsCommand(REQUEST, List.of(DAVE, OLGA, OLGA, HENRY), as(CAROL)))
                .expectEvents(new CollaboratorsAddedEvent(REQUEST, TRE, List.of(OLGA, HENRY), CAROL));
    }

    @Test
    void addingOnlyCollaboratorsAlreadyThereRecordsNothing() {
        fixture.given(collaborating())
                .when(new AddCollaboratorsCommand(REQUEST, List.of(DAVE), as(CAROL)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theApplicantIsNoCollaborator() {
        fixture.given(collaborating())
                .when(new AddCollaboratorsCommand(REQUEST, List.of(CAROL), as(CAROL)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput, "applicant"));
        fixture.given(collaborating())
                .when(new RemoveCollaboratorsCommand(REQUEST, List.of(CAROL), as(CAROL)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput, "applicant"));
    }

    @Test
    void unknownUsersAreNotFound() {
        fixture.given(collaborating())
                .when(new AddCollaboratorsCommand(REQUEST, List.of(NOBODY), as(CAROL)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.ResourceNotFound, NOBODY));
        fixture.given(collaborating())
                .when(new RemoveCollaboratorsCommand(REQUEST, List.of(NOBODY), as(CAROL)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.ResourceNotFound, NOBODY));
    }

    @Test
    void collaboratorsMustBeAuthorizedUsers() {
        fixture.given(collaborating())
                .when(new AddCollaboratorsCommand(REQUEST, List.of(OSCAR), as(CAROL)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput, "not an authorized user"));
    }

    @Test
    void aRequestHasAtMostAHundredCollaborators() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add("user-c" + i);
        }
        platform.user(many.toArray(String[]::new)).authorized(many.toArray(String[]::new));
        fixture.given(collaborating())
                .when(new AddCollaboratorsCommand(REQUEST, many, as(CAROL)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput, "at most 100"));
        fixture.given(draft())
                .when(new AddCollaboratorsCommand(REQUEST, many, as(CAROL)))
                .expectEvents(new CollaboratorsAddedEvent(REQUEST, TRE, many, CAROL));
    }

    @ParameterizedTest
    @EnumSource(value = Lifecycle.class, names = {"IN_REVIEW", "APPROVED"})
    void collaboratorsAreAddedOnlyInDraftAndInRevision(Lifecycle state) {
        fixture.given(state.events())
                .when(new AddCollaboratorsCommand(REQUEST, List.of(OLGA), as(CAROL)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState));
    }

    @ParameterizedTest
    @EnumSource(Lifecycle.class)
    void collaboratorsAreRemovedInAnyState(Lifecycle state) {
        fixture.given(state.events())
                .when(new RemoveCollaboratorsCommand(REQUEST, List.of(DAVE), as(CAROL)))
                .expectEvents(new CollaboratorsRemovedEvent(REQUEST, TRE, List.of(DAVE), CAROL));
    }

    @Test
    void removingSomeoneWhoIsNoCollaboratorIsIgnored() {
        fixture.given(collaborating())
                .when(new RemoveCollaboratorsCommand(REQUEST, List.of(OSCAR), as(CAROL)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void onlyTheApplicantManagesCollaborators() {
        fixture.given(collaborating())
                .when(new AddCollaboratorsCommand(REQUEST, List.of(OLGA), as(DAVE)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied));
        fixture.given(collaborating())
                .when(new RemoveCollaboratorsCommand(REQUEST, List.of(DAVE), as(FRANK)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    // ---- delete ----

    @ParameterizedTest
    @EnumSource(value = Lifecycle.class, names = {"DRAFT", "IN_REVISION"})
    void theApplicantDeletesInDraftAndInRevision(Lifecycle state) {
        fixture.given(state.events())
                .when(new DeleteAccessRequestCommand(REQUEST, as(CAROL)))
                .expectEvents(new AccessRequestDeletedEvent(REQUEST, TRE, CAROL));
    }

    @ParameterizedTest
    @EnumSource(value = Lifecycle.class, names = {"IN_REVIEW", "APPROVED"})
    void aRequestInReviewOrApprovedIsNotDeleted(Lifecycle state) {
        fixture.given(state.events())
                .when(new DeleteAccessRequestCommand(REQUEST, as(CAROL)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState));
    }

    @Test
    void onlyTheApplicantDeletes() {
        fixture.given(collaborating())
                .when(new DeleteAccessRequestCommand(REQUEST, as(ALICE)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void aDeletedRequestIsNotFoundForEveryChange() {
        List<Object> deleted = plus(collaborating(), new AccessRequestDeletedEvent(REQUEST, TRE, CAROL));
        List<Object> commands = List.of(rename(as(CAROL)), new CreateCohortMetadataCommand(REQUEST, COHORT, as(CAROL)),
                new UpdateCohortMetadataCommand(REQUEST, COHORT, as(CAROL)),
                new AddCollaboratorsCommand(REQUEST, List.of(OLGA), as(CAROL)),
                new RemoveCollaboratorsCommand(REQUEST, List.of(DAVE), as(CAROL)),
                new org.tre.messages.request.RequestCommands.SubmitAccessRequestCommand(REQUEST, as(CAROL)),
                new org.tre.messages.request.RequestCommands.ApproveReviewStepCommand(REQUEST, ETHICS, null, as(EVE)),
                new org.tre.messages.request.RequestCommands.RejectReviewStepCommand(REQUEST, ETHICS, "No", as(EVE)),
                new DeleteAccessRequestCommand(REQUEST, as(CAROL)));
        for (Object command : commands) {
            fixture.given(deleted)
                    .when(command)
                    .expectNoEvents()
                    .expectException(dxError(ErrorType.ResourceNotFound, REQUEST));
        }
    }
}
