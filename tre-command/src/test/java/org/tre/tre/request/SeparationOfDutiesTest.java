package org.tre.tre.request;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tre.messages.error.ErrorType;
import org.tre.messages.request.RequestCommands.AddCollaboratorsCommand;
import org.tre.messages.request.RequestCommands.ApproveReviewStepCommand;
import org.tre.messages.request.RequestCommands.RejectReviewStepCommand;
import org.tre.messages.request.RequestEvents.AccessRequestCreatedEvent;
import org.tre.messages.request.RequestEvents.AccessRequestUpdatedEvent;
import org.tre.messages.request.RequestEvents.CollaboratorsAddedEvent;
import org.tre.messages.request.RequestEvents.CollaboratorsRemovedEvent;

import java.util.List;

import static org.tre.tre.request.RequestWorld.*;
import static org.tre.tre.support.TreMatchers.dxError;

/**
 * DECISIONS.md §15 "Separation of duties", from both sides: a reviewer who becomes a party to a
 * request (by creating it, editing it, being named its applicant or a collaborator) cannot decide its
 * steps, and an applicant cannot place a decider on their own request by making them a collaborator.
 * HENRY reviews {@code ethics} and is an authorized user.
 */
class SeparationOfDutiesTest {

    private FixtureConfiguration<DataAccessRequest> fixture;
    private InMemoryTreForRequests platform;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DataAccessRequest.class);
        platform = platform();
        fixture.registerInjectableResource(platform);
    }

    private static ApproveReviewStepCommand approveEthics(String by) {
        return new ApproveReviewStepCommand(REQUEST, ETHICS, "Fine", as(by));
    }

    @Test
    void theApplicantNeverDecidesTheirOwnRequestEvenAsTheStepsReviewer() {
        fixture.given(new AccessRequestCreatedEvent(REQUEST, TRE, "Mine", null, FIELDS, HENRY, HENRY), submitted(1))
                .when(approveEthics(HENRY))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied, "Separation of duties"));
    }

    @Test
    void aCollaboratorNeverDecidesEvenAsTheStepsReviewer() {
        fixture.given(plus(collaborating(), collaboratorsAdded(HENRY), submitted(1)))
                .when(new RejectReviewStepCommand(REQUEST, ETHICS, "No", as(HENRY)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied, "Separation of duties"));
    }

    @Test
    void theApplicantMayMakeAReviewerACollaboratorWhoThenNoLongerDecides() {
        fixture.given(collaborating())
                .when(new AddCollaboratorsCommand(REQUEST, List.of(HENRY), as(CAROL)))
                .expectEvents(new CollaboratorsAddedEvent(REQUEST, TRE, List.of(HENRY), CAROL));
        fixture.given(plus(collaborating(), new CollaboratorsAddedEvent(REQUEST, TRE, List.of(HENRY), CAROL),
                        submitted(1)))
                .when(approveEthics(HENRY))
                .expectException(dxError(ErrorType.PermissionDenied, "Separation of duties"));
    }

    @Test
    void aCollaboratorRemovedBeforeSubmissionStaysBarred() {
        fixture.given(plus(collaborating(), collaboratorsAdded(HENRY),
                        new CollaboratorsRemovedEvent(REQUEST, TRE, List.of(HENRY), CAROL), submitted(1)))
                .when(approveEthics(HENRY))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied, "Separation of duties"));
    }

    @Test
    void theReviewerWhoCreatedTheRequestForItsApplicantNeverDecidesIt() {
        fixture.given(created(EVE), submitted(1))
                .when(approveEthics(EVE))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied, "Separation of duties"));
    }

    @Test
    void aReviewerWhoEditedTheDraftNeverDecidesIt() {
        fixture.given(created(), new AccessRequestUpdatedEvent(REQUEST, TRE, null, "Clearer", null, EVE),
                        submitted(1))
                .when(approveEthics(EVE))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied, "Separation of duties"));
    }

    @Test
    void anotherReviewerOfTheSameStepDecidesWhereAPartyMayNot() {
        fixture.given(created(EVE), submitted(1))
                .when(approveEthics(HENRY))
                .expectEvents(approved(1, ETHICS, HENRY));
    }

    @Test
    void separationOfDutiesIsARoleRuleCheckedBeforeTheTokenAndTheState() {
        fixture.given(created(EVE))
                .when(new ApproveReviewStepCommand(REQUEST, ETHICS, null, withLimitedToken(EVE)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied, "Separation of duties"));
    }
}
