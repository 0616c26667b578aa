package org.tre.tre.request;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tre.messages.EntityIds;
import org.tre.messages.Requester;
import org.tre.messages.error.ErrorType;
import org.tre.messages.request.RequestCommands.CreateAccessRequestCommand;
import org.tre.messages.request.RequestEvents.AccessRequestCreatedEvent;
import org.tre.messages.tre.TreState;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.tre.request.RequestWorld.*;
import static org.tre.tre.support.TreMatchers.dxError;

/** {@code /treApplication/new} (DECISIONS.md §15): who may create a request, for whom, and when. */
class AccessRequestCreationTest {

    private FixtureConfiguration<DataAccessRequest> fixture;
    private InMemoryTreForRequests platform;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DataAccessRequest.class);
        platform = platform();
        fixture.registerInjectableResource(platform);
    }

    private static CreateAccessRequestCommand create(String applicant, Requester requester) {
        return new CreateAccessRequestCommand(REQUEST, TRE, "Height and genes", "We study height", FIELDS, applicant,
                requester);
    }

    private static AccessRequestCreatedEvent createdFor(String applicant, String createdBy) {
        return new AccessRequestCreatedEvent(REQUEST, TRE, "Height and genes", "We study height", FIELDS, applicant,
                createdBy);
    }

    @Test
    void anAuthorizedUserCreatesTheirOwnRequest() {
        fixture.givenNoPriorActivity()
                .when(create(null, as(CAROL)))
                .expectEvents(createdFor(CAROL, CAROL));
    }

    @Test
    void aMemberOfAnAuthorizedOrgCreatesARequest() {
        fixture.givenNoPriorActivity()
                .when(create(null, as(OLGA)))
                .expectEvents(createdFor(OLGA, OLGA));
    }

    @Test
    void everyoneMayCreateWhenPublicIsAnAuthorizedUser() {
        platform.authorized("PUBLIC");
        fixture.givenNoPriorActivity()
                .when(create(null, as(OSCAR)))
                .expectEvents(createdFor(OSCAR, OSCAR));
    }

    @Test
    void someoneWhoIsNoAuthorizedUserCannotCreateARequest() {
        fixture.givenNoPriorActivity()
                .when(create(null, as(OSCAR)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied, "Only authorized users"));
    }

    @Test
    void aTreAdminWhoIsNoAuthorizedUserCannotCreateARequest() {
        fixture.givenNoPriorActivity()
                .when(create(null, as(ALICE)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void aReviewerCreatesARequestForAnAuthorizedUser() {
        fixture.givenNoPriorActivity()
                .when(create(CAROL, as(FRANK)))
                .expectEvents(createdFor(CAROL, FRANK));
    }

    @Test
    void onlyReviewersNameAnotherApplicant() {
        fixture.givenNoPriorActivity()
                .when(create(DAVE, as(CAROL)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied, "Only a reviewer"));
    }

    @Test
    void theNamedApplicantMustBeAnAuthorizedUser() {
        fixture.givenNoPriorActivity()
                .when(create(OSCAR, as(FRANK)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput, "not an authorized user"));
    }

    @Test
    void theNamedApplicantMustExist() {
        fixture.givenNoPriorActivity()
                .when(create(NOBODY, as(FRANK)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.ResourceNotFound, NOBODY));
    }

    @Test
    void creatingARequestNeedsAFullScopeToken() {
        fixture.givenNoPriorActivity()
                .when(create(null, withLimitedToken(CAROL)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied, "full-scope"));
    }

    @Test
    void noNewRequestWhileTheTreIsAmending() {
        platform.state(TreState.amending);
        fixture.givenNoPriorActivity()
                .when(create(null, as(CAROL)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState, "active TRE"));
    }

    @Test
    void theCallersRoleIsCheckedBeforeTheToken() {
        platform.state(TreState.amending);
        fixture.givenNoPriorActivity()
                .when(create(null, withLimitedToken(OSCAR)))
                .expectException(dxError(ErrorType.PermissionDenied, "Only authorized users"));
    }

    @Test
    void theTokenIsCheckedBeforeTheTresState() {
        platform.state(TreState.amending);
        fixture.givenNoPriorActivity()
                .when(create(null, withLimitedToken(CAROL)))
                .expectException(dxError(ErrorType.PermissionDenied, "full-scope"));
    }

    @Test
    void anUnknownOrDeletedTreIsNotFound() {
        platform.gone();
        fixture.givenNoPriorActivity()
                .when(create(null, as(CAROL)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.ResourceNotFound, TRE));
    }

    @Test
    void theIdDerivedFromANonceIsAlwaysTheSameAndOfTheGeneratedShape() {
        String once = EntityIds.derived("treApplication", "user-carol\u0000n1");
        assertThat(EntityIds.derived("treApplication", "user-carol\u0000n1")).isEqualTo(once);
        assertThat(EntityIds.derived("treApplication", "user-dave\u0000n1")).isNotEqualTo(once);
        assertThat(EntityIds.isGenerated("treApplication", once)).isTrue();
        assertThat(List.of(once)).allMatch(id -> id.startsWith("treApplication-"));
    }
}
