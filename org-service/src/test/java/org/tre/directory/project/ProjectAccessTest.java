package org.tre.directory.project;

import org.junit.jupiter.api.Test;
import org.tre.messages.org.OrgViews.OrgMembership;
import org.tre.messages.project.ProjectGrants;
import org.tre.messages.project.ProjectLevel;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectAccessTest {

    private static final Map<String, Map<String, ProjectLevel>> GRANTS = Map.of(
            "user-bob", Map.of(ProjectGrants.DIRECT, ProjectLevel.VIEW, "tre-genomics", ProjectLevel.ADMINISTER),
            "org-acme", Map.of(ProjectGrants.DIRECT, ProjectLevel.ADMINISTER),
            ProjectGrants.PUBLIC, Map.of(ProjectGrants.DIRECT, ProjectLevel.VIEW));

    private static List<OrgMembership> memberOfAcme(String userId, String projectAccess) {
        return List.of(new OrgMembership("org-acme", userId, "MEMBER", false, projectAccess, true, false));
    }

    @Test
    void theExplicitLevelIsTheHighestOverSources() {
        assertThat(ProjectAccess.explicit(GRANTS, "user-bob")).isEqualTo(ProjectLevel.ADMINISTER);
    }

    @Test
    void anOrgGrantIsCappedByTheMembersProjectAccess() {
        assertThat(ProjectAccess.effective(GRANTS, "user-carol", u -> memberOfAcme(u, "UPLOAD")))
                .isEqualTo(ProjectLevel.UPLOAD);
    }

    @Test
    void publicReachesEveryone() {
        assertThat(ProjectAccess.effective(GRANTS, "user-created-later", u -> List.of()))
                .isEqualTo(ProjectLevel.VIEW);
    }

    @Test
    void theHighestWayInWins() {
        assertThat(ProjectAccess.effective(GRANTS, "user-carol", u -> memberOfAcme(u, "NONE")))
                .isEqualTo(ProjectLevel.VIEW);
    }

    @Test
    void administratorsAreThoseWhoseHighestSourceIsAdminister() {
        assertThat(ProjectAccess.administrators(GRANTS)).containsExactly("org-acme", "user-bob");
    }
}
