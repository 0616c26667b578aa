package org.tre.tre.request;

import org.junit.jupiter.api.Test;
import org.tre.messages.request.RequestState;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.messages.request.RequestState.approved;
import static org.tre.messages.request.RequestState.draft;
import static org.tre.messages.request.RequestState.in_review;
import static org.tre.messages.request.RequestState.in_revision;

/** The table itself: each row of DECISIONS.md §15 "Who may do what" reads as the rule it states. */
class RequestPermissionsTest {

    private static Set<RequestState> statesFor(RequestVerb verb, RequestRole role) {
        Set<RequestState> states = EnumSet.noneOf(RequestState.class);
        for (RequestState state : RequestState.values()) {
            if (RequestPermissions.allows(verb, Set.of(role), state)) {
                states.add(state);
            }
        }
        return states;
    }

    @Test
    void theApplicantMayEditInDraftAndInRevision() {
        for (RequestVerb verb : EnumSet.of(RequestVerb.update, RequestVerb.createCohortMetadata,
                RequestVerb.updateCohortMetadata, RequestVerb.addCollaborators, RequestVerb.submit,
                RequestVerb.delete)) {
            assertThat(statesFor(verb, RequestRole.APPLICANT)).as(verb.name()).containsExactlyInAnyOrder(draft,
                    in_revision);
        }
    }

    @Test
    void theApplicantRemovesCollaboratorsInAnyLiveState() {
        assertThat(statesFor(RequestVerb.removeCollaborators, RequestRole.APPLICANT))
                .contains(draft, in_review, approved, in_revision);
    }

    @Test
    void collaboratorsReadAndUseAnApprovedRequestButNeverChangeIt() {
        Set<RequestVerb> use = Set.of(RequestVerb.createProject, RequestVerb.dispense);
        for (RequestVerb verb : RequestVerb.values()) {
            assertThat(RequestPermissions.mayEver(verb, Set.of(RequestRole.COLLABORATOR))).as(verb.name())
                    .isEqualTo(!verb.change() || use.contains(verb));
        }
        for (RequestVerb verb : use) {
            assertThat(statesFor(verb, RequestRole.COLLABORATOR)).containsExactly(approved);
            assertThat(statesFor(verb, RequestRole.APPLICANT)).containsExactly(approved);
        }
    }

    @Test
    void reviewersUpdateOnlyDraftsAndDecideOnlyInReview() {
        assertThat(statesFor(RequestVerb.update, RequestRole.REVIEWER)).containsExactly(draft);
        assertThat(statesFor(RequestVerb.approve, RequestRole.REVIEWER)).containsExactly(in_review);
        assertThat(statesFor(RequestVerb.reject, RequestRole.REVIEWER)).containsExactly(in_review);
    }

    @Test
    void treAdminsAndTheOperatorOnlyRead() {
        for (RequestRole role : EnumSet.of(RequestRole.TRE_ADMIN, RequestRole.OPERATOR)) {
            for (RequestVerb verb : RequestVerb.values()) {
                assertThat(RequestPermissions.mayEver(verb, Set.of(role))).as(role + " " + verb)
                        .isEqualTo(!verb.change());
            }
        }
    }

    @Test
    void nobodyButTheApplicantSubmitsOrDeletes() {
        for (RequestRole role : RequestRole.values()) {
            boolean applicant = role == RequestRole.APPLICANT;
            assertThat(RequestPermissions.mayEver(RequestVerb.submit, Set.of(role))).isEqualTo(applicant);
            assertThat(RequestPermissions.mayEver(RequestVerb.delete, Set.of(role))).isEqualTo(applicant);
        }
    }
}
