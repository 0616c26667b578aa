package org.tre.tre.request;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tre.messages.Requester;
import org.tre.messages.error.DxError;
import org.tre.messages.error.ErrorType;
import org.tre.messages.request.RequestCommands.CreateRequestProjectCommand;
import org.tre.messages.request.RequestCommands.DispenseToRequestProjectCommand;
import org.tre.messages.request.RequestCommands.QueueFirstDispensalCommand;
import org.tre.messages.request.RequestCommands.RecordRequestProjectFailedCommand;
import org.tre.messages.request.RequestEvents.CohortMetadataCreatedEvent;
import org.tre.messages.request.RequestEvents.DispensalRequestedEvent;
import org.tre.messages.request.RequestEvents.RequestProjectAuthorizedEvent;
import org.tre.messages.request.RequestEvents.RequestProjectFailedEvent;
import org.tre.messages.tre.TreProvisioning;
import org.tre.messages.tre.TreState;
import org.tre.tre.request.RequestWorld.Lifecycle;

import java.util.List;
import java.util.Map;

import static org.tre.tre.request.RequestWorld.ALICE;
import static org.tre.tre.request.RequestWorld.CAROL;
import static org.tre.tre.request.RequestWorld.DAVE;
import static org.tre.tre.request.RequestWorld.EVE;
import static org.tre.tre.request.RequestWorld.FIELDS;
import static org.tre.tre.request.RequestWorld.ORG;
import static org.tre.tre.request.RequestWorld.OSCAR;
import static org.tre.tre.request.RequestWorld.REGION;
import static org.tre.tre.request.RequestWorld.REQUEST;
import static org.tre.tre.request.RequestWorld.TRE;
import static org.tre.tre.request.RequestWorld.approvedRequest;
import static org.tre.tre.request.RequestWorld.as;
import static org.tre.tre.request.RequestWorld.platform;
import static org.tre.tre.request.RequestWorld.plus;
import static org.tre.tre.request.RequestWorld.withLimitedToken;
import static org.tre.tre.support.TreMatchers.dxError;

/**
 * Request projects and the dispensals asked for them (DECISIONS.md §15 "Request projects", "Dispensal"):
 * who may have a project of a request, in which state of the request and the TRE, what it is billed
 * to, and when another dispensal may be queued. One rule per test, in the order of §1.
 */
class RequestProjectsTest {

    private static final String PROJECT = "project-BBBBBBBBBBBBBBBBBBBBBBBB";
    private static final String ROBOT = TreProvisioning.robotUser(TRE);

    private FixtureConfiguration<DataAccessRequest> fixture;
    private InMemoryTreForRequests platform;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DataAccessRequest.class);
        platform = platform().liveProject(PROJECT);
        fixture.registerInjectableResource(platform);
    }

    private static CreateRequestProjectCommand create(Requester requester, boolean dispense) {
        return new CreateRequestProjectCommand(REQUEST, PROJECT, "analysis", null, null, List.of(), Map.of(), dispense,
                null, null, null, requester);
    }

    private static RequestProjectAuthorizedEvent authorized(String by, boolean dispense) {
        return new RequestProjectAuthorizedEvent(REQUEST, TRE, PROJECT, "analysis", null, null, List.of(), Map.of(),
                ORG, REGION, Map.of("restricted", true), ROBOT, dispense, by, CAROL);
    }

    private static String job(int n) {
        return RequestProjects.jobId(PROJECT, n);
    }

    private static DispensalRequestedEvent requested(int n, String by) {
        return new DispensalRequestedEvent(REQUEST, TRE, PROJECT, job(n), FIELDS, null, by);
    }

    // ---- /project/new {"treApplication"} ----

    @ParameterizedTest
    @ValueSource(strings = {CAROL, DAVE})
    void theApplicantAndCollaboratorsOfAnApprovedRequestHaveProjectsCarryingTheTresPolicies(String who) {
        fixture.given(approvedRequest())
                .when(create(as(who), true))
                .expectEvents(authorized(who, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {ALICE, EVE, OSCAR})
    void treAdminsReviewersAndOutsidersHaveNone(String who) {
        fixture.given(approvedRequest())
                .when(create(as(who), true))
                .expectNoEvents()
                .expectException(dxError(ErrorType.PermissionDenied, "create its projects"));
    }

    @ParameterizedTest
    @EnumSource(value = Lifecycle.class, names = {"DRAFT", "IN_REVIEW", "IN_REVISION"})
    void onlyAnApprovedRequestHasProjects(Lifecycle state) {
        fixture.given(state.events())
                .when(create(as(CAROL), true))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState, "approved"));
    }

    @Test
    void aProjectNeedsAFullScopeTokenCheckedAfterTheRoleAndBeforeTheState() {
        fixture.given(approvedRequest())
                .when(create(withLimitedToken(CAROL), true))
                .expectException(dxError(ErrorType.PermissionDenied, "full-scope"));
        fixture.given(approvedRequest())
                .when(create(withLimitedToken(OSCAR), true))
                .expectException(dxError(ErrorType.PermissionDenied, "create its projects"));
        fixture.given(plus(RequestWorld.inReview()))
                .when(create(withLimitedToken(CAROL), true))
                .expectException(dxError(ErrorType.PermissionDenied, "full-scope"));
    }

    @Test
    void anAmendingTreMakesNoProjects() {
        platform.state(TreState.amending);
        fixture.given(approvedRequest())
                .when(create(as(CAROL), true))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState, "active"));
    }

    @Test
    void noProjectIsMadeWhilePoliciesSynchronize() {
        platform.policySyncRunning(true);
        fixture.given(approvedRequest())
                .when(create(as(CAROL), true))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState, "synchronization"));
    }

    @Test
    void aTreBillToOrRegionOtherThanTheTresIsInvalidInput() {
        fixture.given(approvedRequest())
                .when(new CreateRequestProjectCommand(REQUEST, PROJECT, "a", null, null, List.of(), Map.of(), true,
                        "tre-other", null, null, as(CAROL)))
                .expectException(dxError(ErrorType.InvalidInput, "tre-other"));
        fixture.given(approvedRequest())
                .when(new CreateRequestProjectCommand(REQUEST, PROJECT, "a", null, null, List.of(), Map.of(), true,
                        null, "org-other", null, as(CAROL)))
                .expectException(dxError(ErrorType.InvalidInput, "org-other"));
        fixture.given(approvedRequest())
                .when(new CreateRequestProjectCommand(REQUEST, PROJECT, "a", null, null, List.of(), Map.of(), true,
                        TRE, ORG, "azure:westeurope", as(CAROL)))
                .expectException(dxError(ErrorType.InvalidInput, "azure:westeurope"));
    }

    @Test
    void theTresOwnBillToAndRegionMayBeNamed() {
        fixture.given(approvedRequest())
                .when(new CreateRequestProjectCommand(REQUEST, PROJECT, "analysis", null, null, List.of(), Map.of(),
                        false, TRE, ORG, REGION, as(CAROL)))
                .expectEvents(authorized(CAROL, false));
    }

    @Test
    void aProjectTheDirectoryRefusedIsNoLongerTheRequests() {
        DxError refusal = new DxError(ErrorType.InvalidInput, "region not permitted");
        fixture.given(plus(approvedRequest(), authorized(CAROL, true)))
                .when(new RecordRequestProjectFailedCommand(REQUEST, PROJECT, refusal))
                .expectEvents(new RequestProjectFailedEvent(REQUEST, TRE, PROJECT, refusal));
        fixture.given(plus(approvedRequest(), authorized(CAROL, true),
                        new RequestProjectFailedEvent(REQUEST, TRE, PROJECT, refusal)))
                .when(new DispenseToRequestProjectCommand(REQUEST, PROJECT, as(CAROL)))
                .expectException(dxError(ErrorType.InvalidInput, "not a project of"));
    }

    // ---- dispensal ----

    @Test
    void aDispenseTrueProjectQueuesItsFirstDispensalOnceWithTheRequestsFieldsAndCohort() {
        CohortMetadataCreatedEvent cohort = new CohortMetadataCreatedEvent(REQUEST, TRE, "{\"age\":40}", CAROL);
        List<Object> history = plus(List.of(RequestWorld.created(), cohort), RequestWorld.collaboratorsAdded(DAVE),
                RequestWorld.submitted(1), RequestWorld.approved(1, RequestWorld.ETHICS, EVE),
                RequestWorld.approved(1, RequestWorld.SCIENCE, RequestWorld.FRANK),
                new org.tre.messages.request.RequestEvents.AccessRequestApprovedEvent(REQUEST, TRE, 1),
                authorized(DAVE, true));
        fixture.given(history)
                .when(new QueueFirstDispensalCommand(REQUEST, PROJECT, DAVE))
                .expectEvents(new DispensalRequestedEvent(REQUEST, TRE, PROJECT, job(1), FIELDS, "{\"age\":40}", DAVE))
                .expectResultMessagePayload(job(1));
        fixture.given(plus(history, new DispensalRequestedEvent(REQUEST, TRE, PROJECT, job(1), FIELDS, "{}", DAVE)))
                .when(new QueueFirstDispensalCommand(REQUEST, PROJECT, DAVE))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {CAROL, DAVE})
    void theApplicantOrACollaboratorDispensesIntoADispenseFalseProject(String who) {
        fixture.given(plus(approvedRequest(), authorized(CAROL, false)))
                .when(new DispenseToRequestProjectCommand(REQUEST, PROJECT, as(who)))
                .expectEvents(requested(1, who))
                .expectResultMessagePayload(job(1));
    }

    @Test
    void outsidersAndTreAdminsDoNotDispense() {
        fixture.given(plus(approvedRequest(), authorized(CAROL, false)))
                .when(new DispenseToRequestProjectCommand(REQUEST, PROJECT, as(ALICE)))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void aProjectOfAnotherRequestIsInvalidInputAndADestroyedOneNotFound() {
        fixture.given(approvedRequest())
                .when(new DispenseToRequestProjectCommand(REQUEST, "project-CCCCCCCCCCCCCCCCCCCCCCCC", as(CAROL)))
                .expectException(dxError(ErrorType.InvalidInput, "not a project of"));
        fixture.given(plus(approvedRequest(), authorized(CAROL, false)))
                .when(new DispenseToRequestProjectCommand(REQUEST, PROJECT, as(CAROL)))
                .expectSuccessfulHandlerExecution();
        platform = platform();
        fixture = new AggregateTestFixture<>(DataAccessRequest.class);
        fixture.registerInjectableResource(platform);
        fixture.given(plus(approvedRequest(), authorized(CAROL, false)))
                .when(new DispenseToRequestProjectCommand(REQUEST, PROJECT, as(CAROL)))
                .expectException(dxError(ErrorType.ResourceNotFound, PROJECT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"idle", "runnable", "running", "done"})
    void aDispensalQueuedRunningOrDoneRefusesAnother(String state) {
        platform.job(job(1), state);
        fixture.given(plus(approvedRequest(), authorized(CAROL, true), requested(1, CAROL)))
                .when(new DispenseToRequestProjectCommand(REQUEST, PROJECT, as(CAROL)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState, job(1)));
    }

    @Test
    void aDispensalJustQueuedAndNotYetInTheReadModelRefusesAnother() {
        fixture.given(plus(approvedRequest(), authorized(CAROL, true), requested(1, CAROL)))
                .when(new DispenseToRequestProjectCommand(REQUEST, PROJECT, as(DAVE)))
                .expectException(dxError(ErrorType.InvalidState, "idle"));
    }

    @Test
    void aFailedDispensalMayBeAskedForAgainUnderTheNextJobId() {
        platform.job(job(1), "failed");
        fixture.given(plus(approvedRequest(), authorized(CAROL, true), requested(1, CAROL)))
                .when(new DispenseToRequestProjectCommand(REQUEST, PROJECT, as(DAVE)))
                .expectEvents(requested(2, DAVE))
                .expectResultMessagePayload(job(2));
    }

    @Test
    void jobIdsAreDerivedFromTheProjectAndTheirNumber() {
        org.assertj.core.api.Assertions.assertThat(job(1)).isEqualTo(RequestProjects.jobId(PROJECT, 1))
                .isNotEqualTo(job(2)).startsWith("job-").hasSize("job-".length() + 24);
    }
}
