package org.tre.directory.execution;

import org.tre.directory.project.InMemoryProjects;
import org.junit.jupiter.api.Test;
import org.tre.directory.execution.ExecutionRestrictions.Refusal;
import org.tre.messages.execution.AppletMessages.AppletSpec;
import org.tre.messages.execution.ExecutionRestriction;
import org.tre.messages.project.ProjectQueries.ProjectFacts;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** tre-api.md "Execution Restrictions" as {@link ExecutionRestrictions} decides them, one rule a test. */
class ExecutionRestrictionsTest {

    private static final String TRE = "tre-genomics";
    private static final String OTHER_TRE = "tre-imaging";
    private static final List<String> SSH = List.of("192.0.2.1");
    private static final List<String> NO_SSH = List.of();
    private static final String HTTPS_443 = "{\"ports\":[443],\"shared_access\":\"VIEW\"}";

    private static final InMemoryProjects PROJECTS = new InMemoryProjects()
            .ordinary("project-ord").ordinary("project-ord2")
            .treProject("project-trea", TRE, "request-1").treProject("project-treb", TRE, "request-1")
            .treProject("project-trec", TRE, "request-2").treProject("project-other", OTHER_TRE, "request-9")
            // TRE projects made before data access requests (DECISIONS.md §12): they belong to none
            .treProject("project-legacy1", TRE, null).treProject("project-legacy2", TRE, null)
            .treProject("project-legacyo", OTHER_TRE, null);

    private static ProjectFacts p(String id) {
        return PROJECTS.facts(id);
    }

    private static AppletSpec spec(String access, String httpsApp) {
        return new AppletSpec("1.0.0", "{}", null, null, access, httpsApp);
    }

    private static final AppletSpec PLAIN = spec(null, null);

    private static Optional<Refusal> inTre(AppletSpec spec, List<String> allowSSH, boolean allowlisted) {
        return ExecutionRestrictions.ofRun(p("project-trea"), p("project-trea"), spec, allowSSH, allowlisted);
    }

    private static void assertRefusedBy(ExecutionRestriction restriction, Optional<Refusal> refusal) {
        assertTrue(refusal.isPresent(), "expected a refusal by " + restriction);
        assertEquals(restriction, refusal.get().restriction());
        assertTrue(refusal.get().message().contains("'" + restriction.name() + "'"), refusal.get().message());
    }

    // ---- where they apply ----

    @Test
    void noRestrictionAppliesWhereNoTreProjectIsInvolved() {
        String everything = "{\"allProjects\":\"ADMINISTER\",\"projectCreation\":true}";
        assertEquals(Optional.empty(), ExecutionRestrictions.ofRun(p("project-ord"), p("project-ord2"),
                spec(everything, HTTPS_443), SSH, false));
    }

    @Test
    void aPlainRunInsideOneRequestIsAllowed() {
        assertEquals(Optional.empty(), inTre(PLAIN, NO_SSH, false));
        assertEquals(Optional.empty(), ExecutionRestrictions.ofRun(p("project-treb"), p("project-trea"), PLAIN,
                null, false));
    }

    // ---- allowSSH ----

    @Test
    void allowSshIsRefusedInATreProject() {
        Optional<Refusal> refusal = inTre(PLAIN, SSH, false);
        assertRefusedBy(ExecutionRestriction.allowSSH, refusal);
        assertEquals(TRE, refusal.get().treId());
    }

    @Test
    void anEmptyAllowSshIsNoSshRequest() {
        assertEquals(Optional.empty(), inTre(PLAIN, NO_SSH, false));
        assertEquals(Optional.empty(), inTre(PLAIN, null, false));
    }

    @Test
    void allowSshIsRefusedForAnExecutableOfATreProjectRunOutside() {
        Optional<Refusal> refusal = ExecutionRestrictions.ofRun(p("project-ord"), p("project-trea"), PLAIN, SSH,
                false);
        assertRefusedBy(ExecutionRestriction.allowSSH, refusal);
        assertEquals(TRE, refusal.get().treId());
        assertTrue(refusal.get().message().contains("project-trea"), refusal.get().message());
    }

    // ---- httpsApp ----

    @Test
    void httpsAppIsRefusedForAnExecutableNotOnTheAllowlist() {
        assertRefusedBy(ExecutionRestriction.httpsApp, inTre(spec(null, HTTPS_443), NO_SSH, false));
    }

    @Test
    void anAllowlistedHttpsAppOnPort443IsAllowed() {
        assertEquals(Optional.empty(), inTre(spec(null, HTTPS_443), NO_SSH, true));
    }

    @Test
    void anAllowlistedHttpsAppOnAnotherPortBesides443IsRefused() {
        assertRefusedBy(ExecutionRestriction.httpsApp,
                inTre(spec(null, "{\"ports\":[443,8080],\"shared_access\":\"VIEW\"}"), NO_SSH, true));
    }

    @Test
    void anAllowlistedHttpsAppOnlyOnAnotherPortIsRefused() {
        assertRefusedBy(ExecutionRestriction.httpsApp, inTre(spec(null, "{\"ports\":[8080]}"), NO_SSH, true));
    }

    @Test
    void anAllowlistedHttpsAppWithoutPortsIsRefused() {
        assertRefusedBy(ExecutionRestriction.httpsApp, inTre(spec(null, "{\"shared_access\":\"VIEW\"}"), NO_SSH,
                true));
    }

    @Test
    void aNullHttpsAppIsNoHttpsApp() {
        assertEquals(Optional.empty(), inTre(spec(null, "null"), NO_SSH, false));
    }

    // ---- allProjects ----

    @Test
    void allProjectsAtViewIsAllowed() {
        assertEquals(Optional.empty(), inTre(spec("{\"allProjects\":\"VIEW\"}", null), NO_SSH, false));
    }

    @Test
    void allProjectsAtUploadIsRefused() {
        assertRefusedBy(ExecutionRestriction.allProjects, inTre(spec("{\"allProjects\":\"UPLOAD\"}", null), NO_SSH,
                false));
    }

    @Test
    void allProjectsAtContributeIsRefused() {
        assertRefusedBy(ExecutionRestriction.allProjects, inTre(spec("{\"allProjects\":\"CONTRIBUTE\"}", null),
                NO_SSH, false));
    }

    @Test
    void allProjectsAtAdministerIsRefused() {
        assertRefusedBy(ExecutionRestriction.allProjects, inTre(spec("{\"allProjects\":\"ADMINISTER\"}", null),
                NO_SSH, false));
    }

    @Test
    void otherAccessIsAllowed() {
        assertEquals(Optional.empty(), inTre(spec("{\"network\":[\"*\"],\"project\":\"CONTRIBUTE\"}", null),
                NO_SSH, false));
    }

    // ---- projectCreation ----

    @Test
    void projectCreationIsRefused() {
        assertRefusedBy(ExecutionRestriction.projectCreation, inTre(spec("{\"projectCreation\":true}", null),
                NO_SSH, false));
    }

    @Test
    void projectCreationFalseIsAllowed() {
        assertEquals(Optional.empty(), inTre(spec("{\"projectCreation\":false}", null), NO_SSH, false));
    }

    // ---- sameRequest ----

    @Test
    void anExecutableFromOutsideCannotRunInATreProject() {
        Optional<Refusal> refusal = ExecutionRestrictions.ofRun(p("project-trea"), p("project-ord"), PLAIN, NO_SSH,
                false);
        assertRefusedBy(ExecutionRestriction.sameRequest, refusal);
        assertEquals(TRE, refusal.get().treId());
    }

    @Test
    void aTreExecutableCannotRunOutside() {
        Optional<Refusal> refusal = ExecutionRestrictions.ofRun(p("project-ord"), p("project-trea"), PLAIN, NO_SSH,
                false);
        assertRefusedBy(ExecutionRestriction.sameRequest, refusal);
        assertEquals(TRE, refusal.get().treId());
    }

    @Test
    void aRunCannotCrossTwoRequestsOfOneTre() {
        assertRefusedBy(ExecutionRestriction.sameRequest, ExecutionRestrictions.ofRun(p("project-trec"),
                p("project-trea"), PLAIN, NO_SSH, false));
    }

    @Test
    void aRunCannotCrossTwoTres() {
        Optional<Refusal> refusal = ExecutionRestrictions.ofRun(p("project-other"), p("project-trea"), PLAIN,
                NO_SSH, false);
        assertRefusedBy(ExecutionRestriction.sameRequest, refusal);
        assertEquals(OTHER_TRE, refusal.get().treId());
    }

    @Test
    void aTreProjectOfNoRequestRunsItsOwnExecutables() {
        assertEquals(Optional.empty(), ExecutionRestrictions.ofRun(p("project-legacy1"), p("project-legacy1"), PLAIN,
                NO_SSH, false));
    }

    /** As the clone rule (DECISIONS.md §15, DataObjectBatch): a project of no request is a request of its own. */
    @Test
    void aRunCannotCrossTwoTreProjectsOfNoRequest() {
        assertRefusedBy(ExecutionRestriction.sameRequest, ExecutionRestrictions.ofRun(p("project-legacy2"),
                p("project-legacy1"), PLAIN, NO_SSH, false));
    }

    @Test
    void aRunCannotCrossTwoTresThroughProjectsOfNoRequest() {
        Optional<Refusal> refusal = ExecutionRestrictions.ofRun(p("project-legacyo"), p("project-legacy1"), PLAIN,
                NO_SSH, false);
        assertRefusedBy(ExecutionRestriction.sameRequest, refusal);
        assertEquals(OTHER_TRE, refusal.get().treId());
    }

    @Test
    void aTreProjectOfNoRequestAndARequestsProjectAreDifferentRequests() {
        assertRefusedBy(ExecutionRestriction.sameRequest, ExecutionRestrictions.ofRun(p("project-trea"),
                p("project-legacy1"), PLAIN, NO_SSH, false));
        assertRefusedBy(ExecutionRestriction.sameRequest, ExecutionRestrictions.ofRun(p("project-legacy1"),
                p("project-trea"), PLAIN, NO_SSH, false));
    }

    // ---- the order: the first restriction broken is named ----

    @Test
    void allowSshIsNamedFirstWhenSeveralApply() {
        AppletSpec everything = spec("{\"allProjects\":\"ADMINISTER\",\"projectCreation\":true}",
                "{\"ports\":[8080]}");
        assertRefusedBy(ExecutionRestriction.allowSSH, ExecutionRestrictions.ofRun(p("project-trec"),
                p("project-ord"), everything, SSH, false));
    }

    @Test
    void httpsAppIsNamedBeforeAllProjectsAndProjectCreation() {
        assertRefusedBy(ExecutionRestriction.httpsApp, inTre(spec("{\"allProjects\":\"UPLOAD\","
                + "\"projectCreation\":true}", HTTPS_443), NO_SSH, false));
    }

    @Test
    void allProjectsIsNamedBeforeProjectCreation() {
        assertRefusedBy(ExecutionRestriction.allProjects, inTre(spec("{\"allProjects\":\"UPLOAD\","
                + "\"projectCreation\":true}", null), NO_SSH, false));
    }

    @Test
    void theJobKeysAreNamedBeforeTheRequestBoundary() {
        assertRefusedBy(ExecutionRestriction.projectCreation, ExecutionRestrictions.ofRun(p("project-ord"),
                p("project-trea"), spec("{\"projectCreation\":true}", null), NO_SSH, false));
    }

    @Test
    void theRefusalMessageNamesTheRestrictionInQuotes() {
        assertTrue(inTre(PLAIN, SSH, false).orElseThrow().message()
                .startsWith("TRE execution restriction 'allowSSH': "));
    }

    // ---- update ----

    @Test
    void anUpdateCannotOpenSshInATreProject() {
        Optional<Refusal> refusal = ExecutionRestrictions.ofUpdate(p("project-trea"), SSH);
        assertRefusedBy(ExecutionRestriction.allowSSH, refusal);
        assertEquals(TRE, refusal.get().treId());
    }

    @Test
    void anUpdateClosingSshInATreProjectIsAllowed() {
        assertEquals(Optional.empty(), ExecutionRestrictions.ofUpdate(p("project-trea"), NO_SSH));
        assertEquals(Optional.empty(), ExecutionRestrictions.ofUpdate(p("project-trea"), null));
    }

    @Test
    void anUpdateOpensSshInAnOrdinaryProject() {
        assertEquals(Optional.empty(), ExecutionRestrictions.ofUpdate(p("project-ord"), SSH));
    }
}
