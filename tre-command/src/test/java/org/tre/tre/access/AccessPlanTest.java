package org.tre.tre.access;

import org.junit.jupiter.api.Test;
import org.tre.messages.project.ProjectLevel;
import org.tre.messages.project.ProjectQueries.SourcedGrant;
import org.tre.messages.tre.TreQueries.TreAccess;
import org.tre.messages.tre.TreState;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The grants a TRE should give (DECISIONS.md §8, §12) and the difference to what it gave. */
class AccessPlanTest {

    private static TreAccess tre(TreState state, boolean support) {
        return new TreAccess("tre-g", state, List.of("user-admin1"), List.of("user-rev"),
                List.of("user-auth", "org-partner"), new LinkedHashSet<>(List.of("project-data", "project-show")),
                "project-show", "user-tre_g_robot", "project-work", "org-support", support);
    }

    @Test
    void anActiveTreGivesAdminsInventoryProjectsAndEveryoneElseTheShowcase() {
        Map<String, ProjectLevel> desired = AccessPlan.desired(tre(TreState.active, false));
        assertThat(desired).containsEntry("project-data\u0000user-admin1", ProjectLevel.ADMINISTER)
                .containsEntry("project-show\u0000user-admin1", ProjectLevel.ADMINISTER)
                .containsEntry("project-show\u0000user-rev", ProjectLevel.VIEW)
                .containsEntry("project-show\u0000user-auth", ProjectLevel.VIEW)
                .containsEntry("project-show\u0000org-partner", ProjectLevel.VIEW)
                .containsEntry("project-work\u0000user-tre_g_robot", ProjectLevel.ADMINISTER)
                .containsEntry("project-work\u0000user-admin1", ProjectLevel.VIEW)
                .doesNotContainKey("project-work\u0000org-support")
                .hasSize(7);
    }

    @Test
    void supportAccessGivesTheSupportOrgViewOnTheWorkingProject() {
        assertThat(AccessPlan.desired(tre(TreState.active, true)))
                .containsEntry("project-work\u0000org-support", ProjectLevel.VIEW);
    }

    @Test
    void grantsLastThroughAmendingButNotInDraftOrAfterDelete() {
        assertThat(AccessPlan.desired(tre(TreState.amending, false))).hasSize(7);
        assertThat(AccessPlan.desired(tre(TreState.draft, false))).isEmpty();
        assertThat(AccessPlan.desired(tre(TreState.deleted, false))).isEmpty();
    }

    @Test
    void theDifferenceGrantsWhatIsMissingChangesWrongLevelsAndRevokesTheRest() {
        Map<String, ProjectLevel> desired = Map.of("project-show\u0000user-rev", ProjectLevel.VIEW,
                "project-data\u0000user-admin1", ProjectLevel.ADMINISTER);
        List<SourcedGrant> given = List.of(new SourcedGrant("project-data", "user-admin1", ProjectLevel.VIEW),
                new SourcedGrant("project-show", "user-gone", ProjectLevel.VIEW));
        AccessPlan.Changes changes = AccessPlan.changes(desired, given);
        assertThat(changes.grants()).containsExactlyInAnyOrder(
                new AccessPlan.Grant("project-show", "user-rev", ProjectLevel.VIEW),
                new AccessPlan.Grant("project-data", "user-admin1", ProjectLevel.ADMINISTER));
        assertThat(changes.revocations()).containsExactly(new AccessPlan.Revocation("project-show", "user-gone"));
    }

    @Test
    void aReconciledTreNeedsNoChange() {
        Map<String, ProjectLevel> desired = Map.of("project-show\u0000user-rev", ProjectLevel.VIEW);
        assertThat(AccessPlan.changes(desired, List.of(new SourcedGrant("project-show", "user-rev", ProjectLevel.VIEW)))
                .isEmpty()).isTrue();
    }
}
