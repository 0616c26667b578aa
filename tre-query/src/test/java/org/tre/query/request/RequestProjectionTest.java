package org.tre.query.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tre.messages.request.RequestEvents.AccessRequestApprovedEvent;
import org.tre.messages.request.RequestEvents.AccessRequestCreatedEvent;
import org.tre.messages.request.RequestEvents.AccessRequestDeletedEvent;
import org.tre.messages.request.RequestEvents.AccessRequestSubmittedEvent;
import org.tre.messages.request.RequestEvents.AccessRequestUpdatedEvent;
import org.tre.messages.request.RequestEvents.CohortMetadataCreatedEvent;
import org.tre.messages.request.RequestEvents.CollaboratorsAddedEvent;
import org.tre.messages.request.RequestEvents.CollaboratorsRemovedEvent;
import org.tre.messages.request.RequestEvents.ReviewStepApprovedEvent;
import org.tre.messages.request.RequestEvents.ReviewStepCopy;
import org.tre.messages.request.RequestEvents.ReviewStepRejectedEvent;
import org.tre.messages.request.RequestState;
import org.tre.messages.request.StepDecision;
import org.tre.query.request.RequestView.StepView;
import org.tre.query.request.RequestViewStore.Filter;
import org.tre.query.tre.MigratedDatabase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request projection on the application's tables: events in through its handlers, as a processor
 * delivers them, and the views, visibility, counts and past views out.
 */
class RequestProjectionTest {

    private static final String TRE = "tre-genomics";
    private static final String OTHER_TRE = "tre-other";
    private static final String R1 = "treApplication-111111111111111111111111";
    private static final String R2 = "treApplication-222222222222222222222222";
    private static final String CAROL = "user-carol";
    private static final String DAVE = "user-dave";
    private static final String EVE = "user-eve";
    private static final String FRANK = "user-frank";

    private final ObjectMapper json = new ObjectMapper();
    private MigratedDatabase database;
    private JdbcTemplate jdbc;
    private RequestProjection projection;
    private AnnotationEventHandlerAdapter handlers;

    @BeforeEach
    void tables() {
        database = new MigratedDatabase();
        jdbc = database.jdbc();
        projection = new RequestProjection(new RequestViewStore(jdbc, json));
        handlers = new AnnotationEventHandlerAdapter(projection);
    }

    @AfterEach
    void dropTables() {
        database.close();
    }

    /** One request's events as the store hands them out: numbered from 0, each at its time. */
    private static final class History {
        private final String requestId;
        private final List<DomainEventMessage<?>> events = new ArrayList<>();

        History(String requestId) {
            this.requestId = requestId;
        }

        History at(long millis, Object event) {
            events.add(new GenericDomainEventMessage<>("DataAccessRequest", requestId, events.size(), event, Map.of(),
                    UUID.randomUUID().toString(), Instant.ofEpochMilli(millis)));
            return this;
        }
    }

    private void given(History history) {
        for (DomainEventMessage<?> event : history.events) {
            try {
                handlers.handle(event);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static History created(String requestId, String treId, long at) {
        return new History(requestId).at(at, new AccessRequestCreatedEvent(requestId, treId, "Height", "Why",
                List.of("22418"), CAROL, CAROL));
    }

    private static AccessRequestSubmittedEvent submitted(String requestId, int round) {
        return new AccessRequestSubmittedEvent(requestId, TRE, round, List.of(new ReviewStepCopy("ethics", "Ethics"),
                new ReviewStepCopy("science", "Science")), CAROL);
    }

    /** Two rounds: ethics rejects the first, both approve the second. */
    private static History wholeLife() {
        return created(R1, TRE, 1_000)
                .at(2_000, new CollaboratorsAddedEvent(R1, TRE, List.of(DAVE), CAROL))
                .at(3_000, new CohortMetadataCreatedEvent(R1, TRE, "{\"age\":40}", CAROL))
                .at(4_000, submitted(R1, 1))
                .at(5_000, new ReviewStepRejectedEvent(R1, TRE, 1, "ethics", "Why genes?", EVE))
                .at(6_000, new AccessRequestUpdatedEvent(R1, TRE, null, "Because", null, CAROL))
                .at(7_000, submitted(R1, 2))
                .at(8_000, new ReviewStepApprovedEvent(R1, TRE, 2, "ethics", null, EVE))
                .at(9_000, new ReviewStepApprovedEvent(R1, TRE, 2, "science", "Good", FRANK))
                .at(9_000, new AccessRequestApprovedEvent(R1, TRE, 2));
    }

    @Test
    void theProjectionHandlesEveryEventOfTheRequest() {
        List<Class<?>> handled = new ArrayList<>();
        for (java.lang.reflect.Method method : RequestProjection.class.getDeclaredMethods()) {
            if (method.isAnnotationPresent(org.axonframework.eventhandling.EventHandler.class)) {
                handled.add(method.getParameterTypes()[0]);
            }
        }
        List<Class<?>> events = java.util.Arrays.stream(
                        org.tre.messages.request.RequestEvents.class.getDeclaredClasses())
                .filter(type -> type.getSimpleName().endsWith("Event")).toList();
        // A request's projects are the directory's and its dispensals the jobs' read model: describe reads
        // them there (ProjectDirectory, DispensalJobs), so they leave the request's view as it is.
        List<Class<?>> elsewhere = List.of(org.tre.messages.request.RequestEvents.RequestProjectAuthorizedEvent.class,
                org.tre.messages.request.RequestEvents.RequestProjectFailedEvent.class,
                org.tre.messages.request.RequestEvents.DispensalRequestedEvent.class);
        assertThat(events).hasSize(11 + elsewhere.size()).containsAll(elsewhere);
        assertThat(handled).containsExactlyInAnyOrderElementsOf(events.stream()
                .filter(type -> !elsewhere.contains(type)).toList());
    }

    @Test
    void theStoredViewIsTheViewTheEventsFoldTo() {
        History life = wholeLife();
        given(life);
        RequestView stored = projection.find(R1).orElseThrow();
        assertThat(stored).isEqualTo(RequestReplay.asOf(life.events, Long.MAX_VALUE).orElseThrow());
        assertThat(stored.state()).isEqualTo(RequestState.approved);
        assertThat(stored.round()).isEqualTo(2);
        assertThat(stored.submitted()).isEqualTo(7_000);
        assertThat(stored.approved()).isEqualTo(9_000);
        assertThat(stored.description()).isEqualTo("Because");
        assertThat(stored.cohort()).isEqualTo("{\"age\":40}");
        assertThat(stored.reviewSteps()).containsExactly(
                Map.entry("ethics", new StepView("Ethics", StepDecision.approved, EVE, 8_000L, null)),
                Map.entry("science", new StepView("Science", StepDecision.approved, FRANK, 9_000L, "Good")));
    }

    @Test
    void aRejectionLeavesTheRoundsOtherStepsPendingAndTheRequestInRevision() {
        given(created(R1, TRE, 1_000).at(2_000, submitted(R1, 1))
                .at(3_000, new ReviewStepRejectedEvent(R1, TRE, 1, "ethics", "Why genes?", EVE)));
        RequestView view = projection.find(R1).orElseThrow();
        assertThat(view.state()).isEqualTo(RequestState.in_revision);
        assertThat(view.decisions()).containsExactly(StepDecision.rejected, StepDecision.pending);
        assertThat(view.reviewSteps().get("ethics").comment()).isEqualTo("Why genes?");
    }

    @Test
    void theViewAsItStoodAtAMomentIsTheFoldOfTheEventsUpToIt() {
        History life = wholeLife();
        RequestView then = RequestReplay.asOf(life.events, 5_500).orElseThrow();
        assertThat(then.state()).isEqualTo(RequestState.in_revision);
        assertThat(then.round()).isEqualTo(1);
        assertThat(RequestReplay.asOf(life.events, 999)).isEmpty();
    }

    @Test
    void partiesAreTheApplicantTheCreatorEveryCollaboratorEverNamedAndEveryEditor() {
        given(new History(R1).at(1_000, new AccessRequestCreatedEvent(R1, TRE, "For Carol", null, List.of(), CAROL,
                        FRANK))
                .at(2_000, new CollaboratorsAddedEvent(R1, TRE, List.of(DAVE), CAROL))
                .at(3_000, new CollaboratorsRemovedEvent(R1, TRE, List.of(DAVE), CAROL))
                .at(4_000, new AccessRequestUpdatedEvent(R1, TRE, "Renamed", null, null, EVE)));
        RequestView view = projection.find(R1).orElseThrow();
        assertThat(view.collaborators()).isEmpty();
        assertThat(view.parties()).containsExactly(CAROL, FRANK, DAVE, EVE);
    }

    @Test
    void membersSeeTheirRequestsAndTheTresReviewersAndAdminsSeeAllOfItsRequests() {
        given(created(R1, TRE, 1_000).at(2_000, new CollaboratorsAddedEvent(R1, TRE, List.of(DAVE), CAROL)));
        given(new History(R2).at(1_500, new AccessRequestCreatedEvent(R2, OTHER_TRE, "Other", null, List.of(),
                "user-olga", "user-olga")));
        jdbc.update("INSERT INTO tre_principal (tre_id, principal, role) VALUES (?, ?, 'reviewer')", TRE, EVE);
        jdbc.update("INSERT INTO tre_principal (tre_id, principal, role) VALUES (?, ?, 'authorized')", OTHER_TRE, EVE);
        Filter none = new Filter(null, null, null, null);
        assertThat(projection.visibleTo(CAROL, false, none)).containsExactly(R1);
        assertThat(projection.visibleTo(DAVE, false, none)).containsExactly(R1);
        assertThat(projection.visibleTo(EVE, false, none)).containsExactly(R1);
        assertThat(projection.visibleTo(FRANK, false, none)).isEmpty();
        assertThat(projection.visibleTo("user-admin", true, none)).containsExactly(R1, R2);
        assertThat(projection.visibleTo("user-admin", true, new Filter(OTHER_TRE, null, null, null)))
                .containsExactly(R2);
        assertThat(projection.visibleTo("user-admin", true, new Filter(null, RequestState.draft, CAROL, R1)))
                .containsExactly(R1);
        assertThat(projection.visibleTo("user-admin", true, new Filter(null, RequestState.in_review, null, null)))
                .isEmpty();
    }

    @Test
    void aRemovedCollaboratorNoLongerSeesTheRequest() {
        given(created(R1, TRE, 1_000).at(2_000, new CollaboratorsAddedEvent(R1, TRE, List.of(DAVE), CAROL))
                .at(3_000, new CollaboratorsRemovedEvent(R1, TRE, List.of(DAVE), CAROL)));
        assertThat(projection.visibleTo(DAVE, false, new Filter(null, null, null, null))).isEmpty();
    }

    @Test
    void theTreCountsItsLiveRequestsByStateAndADeletedRequestIsNoneOfThem() {
        given(wholeLife());
        given(created(R2, TRE, 1_000).at(2_000, new AccessRequestDeletedEvent(R2, TRE, CAROL)));
        given(created("treApplication-333333333333333333333333", TRE, 1_000));
        assertThat(projection.countsByState(TRE)).containsExactly(Map.entry(RequestState.draft, 1L),
                Map.entry(RequestState.in_review, 0L), Map.entry(RequestState.approved, 1L),
                Map.entry(RequestState.in_revision, 0L));
        assertThat(projection.liveCount(TRE)).isEqualTo(2);
        assertThat(projection.liveCount(OTHER_TRE)).isZero();
        assertThat(projection.visibleTo("user-admin", true, new Filter(null, null, null, null))).doesNotContain(R2);
        assertThat(projection.find(R2).orElseThrow().state()).isEqualTo(RequestState.deleted);
    }
}
