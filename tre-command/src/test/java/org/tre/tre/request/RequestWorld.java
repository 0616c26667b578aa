package org.tre.tre.request;

import org.tre.messages.Requester;
import org.tre.messages.request.RequestEvents.AccessRequestApprovedEvent;
import org.tre.messages.request.RequestEvents.AccessRequestCreatedEvent;
import org.tre.messages.request.RequestEvents.AccessRequestSubmittedEvent;
import org.tre.messages.request.RequestEvents.CollaboratorsAddedEvent;
import org.tre.messages.request.RequestEvents.ReviewStepApprovedEvent;
import org.tre.messages.request.RequestEvents.ReviewStepCopy;
import org.tre.messages.request.RequestEvents.ReviewStepRejectedEvent;
import org.tre.messages.user.TokenScope;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One TRE and its people for the request fixtures, and the events that bring a request into each state.
 *
 * <p>{@code tre-genomics} is active. ALICE is its admin. Its steps: {@code ethics}, reviewed by EVE and
 * HENRY; {@code science}, reviewed by FRANK. Authorized users: CAROL, DAVE, HENRY and the org
 * {@code org-partner}, of which OLGA is a member. OSCAR exists and holds no role. CAROL applies; DAVE
 * collaborates on the request of {@link #collaborating()}.
 */
final class RequestWorld {

    static final String TRE = "tre-genomics";
    static final String REQUEST = "treApplication-0123456789BFGJKPQVXYZbfg";
    static final String PARTNER_ORG = "org-partner";
    static final String ORG = "org-acme";
    static final String REGION = "aws:us-east-1";

    static final String ALICE = "user-alice";
    static final String CAROL = "user-carol";
    static final String DAVE = "user-dave";
    static final String EVE = "user-eve";
    static final String FRANK = "user-frank";
    static final String HENRY = "user-henry";
    static final String OLGA = "user-olga";
    static final String OSCAR = "user-oscar";
    static final String NOBODY = "user-nobody";

    static final String ETHICS = "ethics";
    static final String SCIENCE = "science";
    static final List<String> FIELDS = List.of("22418", "31");

    private RequestWorld() {
    }

    static InMemoryTreForRequests platform() {
        return new InMemoryTreForRequests(TRE).admin(ALICE)
                .step(ETHICS, "Ethics", EVE, HENRY)
                .step(SCIENCE, "Science", FRANK)
                .authorized(CAROL, DAVE, HENRY, PARTNER_ORG)
                .user(CAROL, DAVE, HENRY, OSCAR)
                .member(PARTNER_ORG, OLGA);
    }

    static Requester as(String user) {
        return Requester.withFullScope(user);
    }

    static Requester withLimitedToken(String user) {
        return new Requester(user, TokenScope.limitedTo(Map.of("project-any", "VIEW")));
    }

    // ---- events ----

    static AccessRequestCreatedEvent created() {
        return created(CAROL);
    }

    static AccessRequestCreatedEvent created(String createdBy) {
        return new AccessRequestCreatedEvent(REQUEST, TRE, "Height and genes", "We study height", FIELDS, CAROL,
                createdBy);
    }

    static List<ReviewStepCopy> bothSteps() {
        return List.of(new ReviewStepCopy(ETHICS, "Ethics"), new ReviewStepCopy(SCIENCE, "Science"));
    }

    static AccessRequestSubmittedEvent submitted(int round) {
        return new AccessRequestSubmittedEvent(REQUEST, TRE, round, bothSteps(), CAROL);
    }

    static ReviewStepApprovedEvent approved(int round, String step, String by) {
        return new ReviewStepApprovedEvent(REQUEST, TRE, round, step, "Fine", by);
    }

    static ReviewStepRejectedEvent rejected(int round, String step, String by) {
        return new ReviewStepRejectedEvent(REQUEST, TRE, round, step, "Say why you need genes", by);
    }

    static CollaboratorsAddedEvent collaboratorsAdded(String... users) {
        return new CollaboratorsAddedEvent(REQUEST, TRE, List.of(users), CAROL);
    }

    static List<Object> draft() {
        return List.of(created());
    }

    /** A draft with DAVE as collaborator. */
    static List<Object> collaborating() {
        return List.of(created(), collaboratorsAdded(DAVE));
    }

    static List<Object> inReview() {
        return plus(collaborating(), submitted(1));
    }

    static List<Object> inRevision() {
        return plus(inReview(), rejected(1, ETHICS, EVE));
    }

    static List<Object> approvedRequest() {
        return plus(inReview(), approved(1, ETHICS, EVE), approved(1, SCIENCE, FRANK),
                new AccessRequestApprovedEvent(REQUEST, TRE, 1));
    }

    enum Lifecycle {
        DRAFT, IN_REVIEW, APPROVED, IN_REVISION;

        List<Object> events() {
            return switch (this) {
                case DRAFT -> collaborating();
                case IN_REVIEW -> inReview();
                case APPROVED -> approvedRequest();
                case IN_REVISION -> inRevision();
            };
        }
    }

    static List<Object> plus(List<Object> events, Object... more) {
        List<Object> all = new ArrayList<>(events);
        all.addAll(Arrays.asList(more));
        return all;
    }
}
