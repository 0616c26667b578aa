package org.tre.tre.request;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tre.messages.error.ErrorType;
import org.tre.messages.request.RequestCommands.ApproveReviewStepCommand;
import org.tre.messages.request.RequestCommands.RejectReviewStepCommand;
import org.tre.messages.request.RequestCommands.SubmitAccessRequestCommand;
import org.tre.messages.request.RequestEvents.AccessRequestApprovedEvent;
import org.tre.messages.request.RequestEvents.AccessRequestCreatedEvent;
import org.tre.messages.request.RequestEvents.AccessRequestSubmittedEvent;
import org.tre.messages.request.RequestEvents.AccessRequestUpdatedEvent;
import org.tre.messages.request.RequestEvents.ReviewStepApprovedEvent;
import org.tre.messages.request.RequestEvents.ReviewStepCopy;
import org.tre.messages.request.RequestEvents.ReviewStepRejectedEvent;
import org.tre.messages.tre.TreState;
import org.tre.tre.request.RequestWorld.Lifecycle;

import java.util.List;

import static org.tre.tre.request.RequestWorld.*;
import static org.tre.tre.support.TreMatchers.dxError;

/**
 * Submission and the rounds of review (DECISIONS.md §15, tre-api.md's priority table): one rule per
 * test. Separation of duties has its own test class.
 */
class AccessRequestReviewTest {

    private FixtureConfiguration<DataAccessRequest> fixture;
    private InMemoryTreForRequests platform;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DataAccessRequest.class);
        platform = platform();
        fixture.registerInjectableResource(platform);
    }

    private static SubmitAccessRequestCommand submit() {
        return new SubmitAccessRequestCommand(REQUEST, as(CAROL));
    }

    private static ApproveReviewStepCommand approve(String step, String by) {
        return new ApproveReviewStepCommand(REQUEST, step, "Fine", as(by));
    }

    private static RejectReviewStepCommand reject(String step, String by) {
        return new RejectReviewStepCommand(REQUEST, step, "Say why you need genes", as(by));
    }

    // ---- submit ----

    @Test
    void submitCopiesTheTresReviewStepsEachPendingAndStartsRoundOne() {
        fixture.given(collaborating())
                .when(submit())
                .expectEvents(submitted(1));
    }

    @Test
    void submitNeedsAnActiveTre() {
        platform.state(TreState.amending);
        fixture.given(collaborating())
                .when(submit())
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState, "active TRE"));
    }

    @Test
    void submitNeedsAtLeastOneField() {
        fixture.given(new AccessRequestCreatedEvent(REQUEST, TRE, "Empty", null, List.of(), CAROL, CAROL))
                .when(submit())
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput, "at least one field"));
    }

    @Test
    void everyFieldMustBeInTheActiveInventorysDataTypeGroups() {
        platform.groupFields("22418");
        fixture.given(collaborating())
                .when(submit())
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput, "The field 31"));
    }

    @Test
    void fieldsOfTheDataTypeGroupsAreSubmitted() {
        platform.groupFields("22418", "31", "50");
        fixture.given(collaborating())
                .when(submit())
                .expectEvents(submitted(1));
    }

    @Test
    void theApplicantMustStillBeAnAuthorizedUser() {
        platform.unauthorized(CAROL);
        fixture.given(collaborating())
                .when(submit())
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied, "no longer an authorized user"));
    }

    @Test
    void everyCollaboratorMustStillBeAnAuthorizedUser() {
        platform.unauthorized(DAVE);
        fixture.given(collaborating())
                .when(submit())
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput, DAVE));
    }

    @Test
    void onlyTheApplicantSubmits() {
        fixture.given(collaborating())
                .when(new SubmitAccessRequestCommand(REQUEST, as(DAVE)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @ParameterizedTest
    @EnumSource(value = Lifecycle.class, names = {"IN_REVIEW", "APPROVED"})
    void aRequestInReviewOrApprovedIsNotSubmitted(Lifecycle state) {
        fixture.given(state.events())
                .when(submit())
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState));
    }

    @Test
    void resubmissionStartsTheNextRoundWithEveryStepOfTheTreNowPending() {
        platform.step("data", "Data protection", FRANK);
        fixture.given(inRevision())
                .when(submit())
                .expectEvents(new AccessRequestSubmittedEvent(REQUEST, TRE, 2, List.of(new ReviewStepCopy(ETHICS,
                        "Ethics"), new ReviewStepCopy(SCIENCE, "Science"), new ReviewStepCopy("data",
                        "Data protection")), CAROL));
    }

    // ---- decisions ----

    @Test
    void aReviewerOfTheStepApprovesIt() {
        fixture.given(inReview())
                .when(approve(ETHICS, EVE))
                .expectEvents(approved(1, ETHICS, EVE));
    }

    @Test
    void anApprovalNeedsNoComment() {
        fixture.given(inReview())
                .when(new ApproveReviewStepCommand(REQUEST, ETHICS, null, as(EVE)))
                .expectEvents(new ReviewStepApprovedEvent(REQUEST, TRE, 1, ETHICS, null, EVE));
    }

    @Test
    void theLastApprovalApprovesTheRequest() {
        fixture.given(plus(inReview(), approved(1, ETHICS, EVE)))
                .when(approve(SCIENCE, FRANK))
                .expectEvents(approved(1, SCIENCE, FRANK), new AccessRequestApprovedEvent(REQUEST, TRE, 1));
    }

    @Test
    void aRejectionEndsTheRoundAtOnce() {
        fixture.given(inReview())
                .when(reject(ETHICS, EVE))
                .expectEvents(rejected(1, ETHICS, EVE));
        fixture.given(inRevision())
                .when(approve(SCIENCE, FRANK))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState, "only in in-review"));
    }

    @Test
    void aStepDecisionIsFinalForItsRound() {
        fixture.given(plus(inReview(), approved(1, ETHICS, EVE)))
                .when(reject(ETHICS, HENRY))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState, "already decided in round 1"));
    }

    @Test
    void aStepDecidedInAnEarlierRoundIsPendingAgainInTheNext() {
        fixture.given(plus(inReview(), approved(1, SCIENCE, FRANK), rejected(1, ETHICS, EVE), submitted(2)))
                .when(approve(SCIENCE, FRANK))
                .expectEvents(approved(2, SCIENCE, FRANK));
    }

    @Test
    void aRejectionNeedsAComment() {
        fixture.given(inReview())
                .when(new RejectReviewStepCommand(REQUEST, ETHICS, " ", as(EVE)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput, "comment"));
    }

    @Test
    void anUnknownStepIsInvalidInput() {
        fixture.given(inReview())
                .when(approve("finance", EVE))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput, "finance"));
    }

    @Test
    void aReviewerOfAnotherStepCannotDecideThisOne() {
        fixture.given(inReview())
                .when(approve(SCIENCE, EVE))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied, "not a reviewer of the review step science"));
    }

    @Test
    void aReviewerTakenOffTheStepCanNoLongerDecideIt() {
        platform.reviewers(ETHICS, HENRY).step("other", "Other", EVE);
        fixture.given(inReview())
                .when(approve(ETHICS, EVE))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied, "not a reviewer"));
    }

    @Test
    void aReviewerAddedToTheStepAfterSubmissionMayDecideIt() {
        platform.reviewers(SCIENCE, FRANK, OLGA);
        fixture.given(inReview())
                .when(approve(SCIENCE, OLGA))
                .expectEvents(approved(1, SCIENCE, OLGA));
    }

    @Test
    void decisionsGoOnWhileTheTreIsAmending() {
        platform.state(TreState.amending);
        fixture.given(inReview())
                .when(reject(SCIENCE, FRANK))
                .expectEvents(rejected(1, SCIENCE, FRANK));
    }

    @Test
    void onlyReviewersDecide() {
        for (String nonReviewer : List.of(CAROL, DAVE, ALICE, OSCAR)) {
            fixture.given(inReview())
                    .when(approve(ETHICS, nonReviewer))
                    .expectNoEvents()
                    .expectException(dxError(ErrorType.PermissionDenied));
        }
    }

    @Test
    void aTreAdminDecidesOnlyAsAStepsReviewer() {
        platform.reviewers(SCIENCE, FRANK, ALICE);
        fixture.given(inReview())
                .when(approve(SCIENCE, ALICE))
                .expectEvents(approved(1, SCIENCE, ALICE));
    }

    @ParameterizedTest
    @EnumSource(value = Lifecycle.class, names = {"DRAFT", "APPROVED", "IN_REVISION"})
    void onlyARequestInReviewIsDecided(Lifecycle state) {
        fixture.given(state.events())
                .when(approve(SCIENCE, FRANK))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState));
    }

    @Test
    void decisionsNeedAFullScopeToken() {
        fixture.given(inReview())
                .when(new ApproveReviewStepCommand(REQUEST, ETHICS, null, withLimitedToken(EVE)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied, "full-scope"));
    }

    @Test
    void theDecisionEventsNameWhoDecidedWhichStepOfWhichRoundAndWhatTheySaid() {
        fixture.given(plus(inReview(), new AccessRequestUpdatedEvent(REQUEST, TRE, "x", null, null, CAROL)))
                .when(new RejectReviewStepCommand(REQUEST, SCIENCE, "Too broad", as(FRANK)))
                .expectEvents(new ReviewStepRejectedEvent(REQUEST, TRE, 1, SCIENCE, "Too broad", FRANK));
    }
}
