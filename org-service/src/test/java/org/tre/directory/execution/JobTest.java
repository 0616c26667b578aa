package org.tre.directory.execution;

import org.tre.directory.project.InMemoryProjects;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tre.messages.Requester;
import org.tre.messages.error.ErrorType;
import org.tre.messages.execution.AppletMessages.AppletSpec;
import org.tre.messages.execution.ExecutionRestriction;
import org.tre.messages.execution.JobMessages.JobCreatedEvent;
import org.tre.messages.execution.JobMessages.JobExecutable;
import org.tre.messages.execution.JobMessages.JobRunRefusedEvent;
import org.tre.messages.execution.JobMessages.JobTerminatedEvent;
import org.tre.messages.execution.JobMessages.JobUpdateDecision;
import org.tre.messages.execution.JobMessages.JobUpdatedEvent;
import org.tre.messages.execution.JobMessages.RunAppletCommand;
import org.tre.messages.execution.JobMessages.RunDecision;
import org.tre.messages.execution.JobMessages.TerminateJobCommand;
import org.tre.messages.execution.JobMessages.UpdateJobCommand;
import org.tre.messages.project.ProjectLevel;
import org.tre.messages.user.TokenScope;

import java.util.List;
import java.util.Map;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.tre.directory.project.Refusals.dxError;

/**
 * {@code /applet-xxxx/run}, {@code /job-xxxx/terminate} and {@code /job-xxxx/update} (DECISIONS.md
 * §16, tre-api.md "Execution Restrictions"): who may run, what a TRE forbids, the input, and what
 * becomes of the job.
 */
class JobTest {

    private static final String JOB = "job-0123456789BFGJKPQVXYZb";
    private static final String TRE = "tre-genomics";
    private static final String REQUEST = "request-1";
    private static final String OTHER_REQUEST = "request-2";

    private static final String ORD = "project-000000000000000000000001";
    private static final String ORD2 = "project-000000000000000000000002";
    private static final String TRE_A = "project-00000000000000000000000a";
    private static final String TRE_B = "project-00000000000000000000000b";
    private static final String TRE_C = "project-00000000000000000000000c";
    private static final String NO_SUCH_PROJECT = "project-00000000000000000000000z";

    /** Plain applets: no access, no httpsApp, no inputSpec. */
    private static final String PLAIN = "applet-000000000000000000000001";
    private static final String TRE_PLAIN = "applet-00000000000000000000000a";
    private static final String HTTPS = "applet-00000000000000000000000h";
    private static final String ALL_VIEW = "applet-0000000000000000000000av";
    private static final String ALL_UPLOAD = "applet-0000000000000000000000au";
    private static final String ALL_CONTRIBUTE = "applet-0000000000000000000000ac";
    private static final String ALL_ADMINISTER = "applet-0000000000000000000000aa";
    private static final String PROJECT_CREATION = "applet-0000000000000000000000pc";
    private static final String WITH_INPUTS = "applet-0000000000000000000000in";
    private static final String TRE_WITH_INPUTS = "applet-0000000000000000000000ti";
    private static final String NO_SUCH_APPLET = "applet-00000000000000000000000z";

    private static final String INPUT_SPEC = "[{\"name\":\"reads\",\"class\":\"file\"},"
            + "{\"name\":\"threads\",\"class\":\"int\",\"optional\":true},"
            + "{\"name\":\"mode\",\"class\":\"string\",\"default\":\"fast\"}]";
    private static final String READS = "{\"reads\":{\"$dnanexus_link\":\"file-0123456789BFGJKPQVXYZb\"}}";

    private static final String BOB = "user-bob";
    private static final String CAROL = "user-carol";
    private static final String DAVE = "user-dave";
    private static final List<String> SSH = List.of("192.0.2.1");

    private FixtureConfiguration<Job> fixture;
    private final InMemoryProjects projects = new InMemoryProjects();
    private final InMemoryApplets applets = new InMemoryApplets();

    /**
     * BOB has CONTRIBUTE on every project; CAROL has CONTRIBUTE and DAVE VIEW on ORD and TRE_A. The
     * plain applets live in ORD and TRE_A; the restricted ones in TRE_A.
     */
    @BeforeEach
    void setUp() {
        projects.ordinary(ORD).ordinary(ORD2)
                .treProject(TRE_A, TRE, REQUEST).treProject(TRE_B, TRE, REQUEST).treProject(TRE_C, TRE, OTHER_REQUEST);
        for (String project : List.of(ORD, ORD2, TRE_A, TRE_B, TRE_C)) {
            projects.level(project, BOB, ProjectLevel.CONTRIBUTE);
        }
        for (String project : List.of(ORD, TRE_A)) {
            projects.level(project, CAROL, ProjectLevel.CONTRIBUTE).level(project, DAVE, ProjectLevel.VIEW);
        }
        applets.add(PLAIN, ORD, "plain", spec(null, null, null))
                .add(TRE_PLAIN, TRE_A, "tre-plain", spec(null, null, null))
                .add(HTTPS, TRE_A, "https", spec(null, null, "{\"ports\":[443],\"shared_access\":\"VIEW\"}"))
                .add(ALL_VIEW, TRE_A, "all-view", spec(null, "{\"allProjects\":\"VIEW\"}", null))
                .add(ALL_UPLOAD, TRE_A, "all-upload", spec(null, "{\"allProjects\":\"UPLOAD\"}", null))
                .add(ALL_CONTRIBUTE, TRE_A, "all-contribute", spec(null, "{\"allProjects\":\"CONTRIBUTE\"}", null))
                .add(ALL_ADMINISTER, TRE_A, "all-administer", spec(null, "{\"allProjects\":\"ADMINISTER\"}", null))
                .add(PROJECT_CREATION, TRE_A, "project-creation", spec(null, "{\"projectCreation\":true}", null))
                .add(WITH_INPUTS, ORD, "with-inputs", spec(INPUT_SPEC, null, null))
                .add(TRE_WITH_INPUTS, TRE_A, "tre-with-inputs", spec(INPUT_SPEC, null, null));
        fixture = new AggregateTestFixture<>(Job.class);
        fixture.registerInjectableResource(applets);
        fixture.registerInjectableResource(projects);
    }

    // ---- helpers ----

    private static AppletSpec spec(String inputSpec, String access, String httpsApp) {
        return new AppletSpec("1.0.0", "{\"interpreter\":\"bash\",\"code\":\"true\"}", inputSpec, "[]", access,
                httpsApp);
    }

    private static Requester as(String userId) {
        return Requester.withFullScope(userId);
    }

    private static RunAppletCommand run(String applet, String project) {
        return run(applet, project, List.of(), "{}", as(BOB));
    }

    private static RunAppletCommand run(String applet, String project, List<String> allowSSH, String input,
                                        Requester requester) {
        return new RunAppletCommand(JOB, applet, project, null, null, input, allowSSH, null, null, null, requester);
    }

    private static JobCreatedEvent created(String applet, String appletProject, String name, String project,
                                           String tre, List<String> allowSSH, String input) {
        return new JobCreatedEvent(JOB, new JobExecutable(applet, appletProject, name), project, "/", name, input,
                allowSSH, List.of(), Map.of(), null, tre, BOB);
    }

    /** BOB's job of PLAIN in ORD. */
    private static JobCreatedEvent createdInOrd() {
        return created(PLAIN, ORD, "plain", ORD, null, List.of(), "{}");
    }

    /** BOB's job of TRE_PLAIN in TRE_A. */
    private static JobCreatedEvent createdInTre() {
        return created(TRE_PLAIN, TRE_A, "tre-plain", TRE_A, TRE, List.of(), "{}");
    }

    private static JobRunRefusedEvent refusedInTre() {
        return new JobRunRefusedEvent(JOB, new JobExecutable(TRE_PLAIN, TRE_A, "tre-plain"), TRE_A, TRE,
                ExecutionRestriction.allowSSH, "TRE execution restriction 'allowSSH': no", BOB);
    }

    /** The run refused by {@code restriction}: one JobRunRefusedEvent naming it, and the refusal as the answer. */
    private void expectRefused(RunAppletCommand command, ExecutionRestriction restriction) {
        fixture.givenNoPriorActivity()
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        refusedEvent(restriction, command.appletId(), command.projectId()), andNoMore())))
                .expectResultMessagePayloadMatching(refusal(restriction));
    }

    private static Matcher<Object> refusedEvent(ExecutionRestriction restriction, String applet, String project) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof JobRunRefusedEvent e && e.jobId().equals(JOB)
                        && e.restriction() == restriction && TRE.equals(e.treId()) && e.projectId().equals(project)
                        && e.executable().appletId().equals(applet) && e.launchedBy().equals(BOB)
                        && e.message().contains("'" + restriction.name() + "'");
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a JobRunRefusedEvent of " + applet + " in " + project + " by " + restriction);
            }
        };
    }

    private static Matcher<Object> refusal(ExecutionRestriction restriction) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof RunDecision d && JOB.equals(d.jobId()) && !d.accepted()
                        && d.refusedBy() == restriction && TRE.equals(d.treId())
                        && d.message().contains("'" + restriction.name() + "'");
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RunDecision refused by " + restriction + " of " + TRE);
            }
        };
    }

    // ---- an accepted run ----

    @Test
    void aContributorRunsAnAppletInAnOrdinaryProject() {
        fixture.givenNoPriorActivity()
                .when(run(PLAIN, ORD))
                .expectEvents(createdInOrd())
                .expectResultMessagePayload(RunDecision.accepted(JOB));
    }

    @Test
    void aRunTakesItsFolderNameAndLabelsFromTheCommand() {
        fixture.givenNoPriorActivity()
                .when(new RunAppletCommand(JOB, PLAIN, ORD2, "/out", "my run", "{}", null, List.of("t"),
                        Map.of("k", "v"), "{\"d\":1}", as(BOB)))
                .expectEvents(new JobCreatedEvent(JOB, new JobExecutable(PLAIN, ORD, "plain"), ORD2, "/out", "my run",
                        "{}", List.of(), List.of("t"), Map.of("k", "v"), "{\"d\":1}", null, BOB))
                .expectResultMessagePayload(RunDecision.accepted(JOB));
    }

    @Test
    void anOrdinaryProjectAllowsSsh() {
        fixture.givenNoPriorActivity()
                .when(run(PLAIN, ORD, SSH, "{}", as(BOB)))
                .expectEvents(created(PLAIN, ORD, "plain", ORD, null, SSH, "{}"))
                .expectResultMessagePayload(RunDecision.accepted(JOB));
    }

    @Test
    void aTreAppletRunsInItsOwnTreProject() {
        fixture.givenNoPriorActivity()
                .when(run(TRE_PLAIN, TRE_A))
                .expectEvents(createdInTre())
                .expectResultMessagePayload(RunDecision.accepted(JOB));
    }

    @Test
    void aTreAppletRunsInAnotherProjectOfTheSameRequest() {
        fixture.givenNoPriorActivity()
                .when(run(TRE_PLAIN, TRE_B))
                .expectEvents(created(TRE_PLAIN, TRE_A, "tre-plain", TRE_B, TRE, List.of(), "{}"))
                .expectResultMessagePayload(RunDecision.accepted(JOB));
    }

    @Test
    void allProjectsAtViewIsAllowedInATreProject() {
        fixture.givenNoPriorActivity()
                .when(run(ALL_VIEW, TRE_A))
                .expectEvents(created(ALL_VIEW, TRE_A, "all-view", TRE_A, TRE, List.of(), "{}"))
                .expectResultMessagePayload(RunDecision.accepted(JOB));
    }

    // ---- what must exist ----

    @Test
    void runningAnUnknownAppletIsResourceNotFound() {
        fixture.givenNoPriorActivity()
                .when(run(NO_SUCH_APPLET, ORD))
                .expectException(dxError(ErrorType.ResourceNotFound))
                .expectNoEvents();
    }

    @Test
    void runningAnAppletOfADestroyedProjectIsResourceNotFound() {
        projects.destroy(ORD2);
        applets.add("applet-0000000000000000000000dd", ORD2, "gone", spec(null, null, null));
        fixture.givenNoPriorActivity()
                .when(run("applet-0000000000000000000000dd", ORD))
                .expectException(dxError(ErrorType.ResourceNotFound))
                .expectNoEvents();
    }

    @Test
    void runningInAnUnknownProjectIsResourceNotFound() {
        fixture.givenNoPriorActivity()
                .when(run(PLAIN, NO_SUCH_PROJECT))
                .expectException(dxError(ErrorType.ResourceNotFound))
                .expectNoEvents();
    }

    @Test
    void runningInADestroyedProjectIsResourceNotFound() {
        projects.destroy(ORD2);
        fixture.givenNoPriorActivity()
                .when(run(PLAIN, ORD2))
                .expectException(dxError(ErrorType.ResourceNotFound))
                .expectNoEvents();
    }

    // ---- who may run ----

    @Test
    void runningNeedsViewOnTheAppletsProject() {
        projects.level(ORD, BOB, ProjectLevel.NONE);
        fixture.givenNoPriorActivity()
                .when(run(PLAIN, ORD2))
                .expectException(dxError(ErrorType.PermissionDenied))
                .expectNoEvents();
    }

    @Test
    void viewOnTheAppletsProjectIsEnough() {
        projects.level(ORD, BOB, ProjectLevel.VIEW);
        fixture.givenNoPriorActivity()
                .when(run(PLAIN, ORD2))
                .expectEvents(created(PLAIN, ORD, "plain", ORD2, null, List.of(), "{}"))
                .expectResultMessagePayload(RunDecision.accepted(JOB));
    }

    @Test
    void runningNeedsContributeOnTheRunsProject() {
        projects.level(ORD2, BOB, ProjectLevel.UPLOAD);
        fixture.givenNoPriorActivity()
                .when(run(PLAIN, ORD2))
                .expectException(dxError(ErrorType.PermissionDenied))
                .expectNoEvents();
    }

    @Test
    void runningNeedsATokenThatReachesContributeOnTheRunsProject() {
        fixture.givenNoPriorActivity()
                .when(run(PLAIN, ORD, List.of(), "{}", new Requester(BOB, TokenScope.limitedTo(Map.of(ORD, "UPLOAD")))))
                .expectException(dxError(ErrorType.PermissionDenied))
                .expectNoEvents();
    }

    @Test
    void runningNeedsATokenThatReachesTheAppletsProject() {
        fixture.givenNoPriorActivity()
                .when(run(PLAIN, ORD2, List.of(), "{}",
                        new Requester(BOB, TokenScope.limitedTo(Map.of(ORD2, "CONTRIBUTE")))))
                .expectException(dxError(ErrorType.PermissionDenied))
                .expectNoEvents();
    }

    @Test
    void aTokenReachingBothProjectsRuns() {
        fixture.givenNoPriorActivity()
                .when(run(PLAIN, ORD2, List.of(), "{}",
                        new Requester(BOB, TokenScope.limitedTo(Map.of(ORD, "VIEW", ORD2, "CONTRIBUTE")))))
                .expectEvents(created(PLAIN, ORD, "plain", ORD2, null, List.of(), "{}"))
                .expectResultMessagePayload(RunDecision.accepted(JOB));
    }

    @Test
    void whoMayRunIsCheckedBeforeTheTreRestrictionsAndRecordsNoRefusal() {
        projects.level(TRE_A, BOB, ProjectLevel.VIEW);
        fixture.givenNoPriorActivity()
                .when(run(TRE_PLAIN, TRE_A, SSH, "{}", as(BOB)))
                .expectException(dxError(ErrorType.PermissionDenied))
                .expectNoEvents();
    }

    // ---- the TRE execution restrictions ----

    @Test
    void allowSshIsRefusedInATreProject() {
        expectRefused(run(TRE_PLAIN, TRE_A, SSH, "{}", as(BOB)), ExecutionRestriction.allowSSH);
    }

    @Test
    void allowSshIsRefusedForATreAppletRunOutside() {
        expectRefused(run(TRE_PLAIN, ORD, SSH, "{}", as(BOB)), ExecutionRestriction.allowSSH);
    }

    @Test
    void anHttpsAppletIsRefusedInATreProjectSinceAppletsAreNeverAllowlisted() {
        expectRefused(run(HTTPS, TRE_A), ExecutionRestriction.httpsApp);
    }

    @Test
    void allProjectsAtUploadIsRefusedInATreProject() {
        expectRefused(run(ALL_UPLOAD, TRE_A), ExecutionRestriction.allProjects);
    }

    @Test
    void allProjectsAtContributeIsRefusedInATreProject() {
        expectRefused(run(ALL_CONTRIBUTE, TRE_A), ExecutionRestriction.allProjects);
    }

    @Test
    void allProjectsAtAdministerIsRefusedInATreProject() {
        expectRefused(run(ALL_ADMINISTER, TRE_A), ExecutionRestriction.allProjects);
    }

    @Test
    void projectCreationIsRefusedInATreProject() {
        expectRefused(run(PROJECT_CREATION, TRE_A), ExecutionRestriction.projectCreation);
    }

    @Test
    void anAppletFromOutsideTheTreCannotRunInATreProject() {
        expectRefused(run(PLAIN, TRE_A), ExecutionRestriction.sameRequest);
    }

    @Test
    void aTreAppletCannotRunOutsideTheTre() {
        expectRefused(run(TRE_PLAIN, ORD), ExecutionRestriction.sameRequest);
    }

    @Test
    void aTreAppletCannotRunInAProjectOfAnotherRequest() {
        expectRefused(run(TRE_PLAIN, TRE_C), ExecutionRestriction.sameRequest);
    }

    @Test
    void theRestrictionsAreCheckedBeforeTheInput() {
        expectRefused(run(TRE_WITH_INPUTS, TRE_A, SSH, "{\"unknown\":1}", as(BOB)), ExecutionRestriction.allowSSH);
    }

    // ---- the same run asked again ----

    @Test
    void anAcceptedRunAskedAgainAnswersAsBeforeWithoutANewJob() {
        fixture.given(createdInOrd())
                .when(run(PLAIN, ORD))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(RunDecision.accepted(JOB));
    }

    @Test
    void aRefusedRunAskedAgainAnswersTheSameRefusalWithoutRecordingItTwice() {
        fixture.given(refusedInTre())
                .when(run(TRE_PLAIN, TRE_A, SSH, "{}", as(BOB)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new RunDecision(JOB, ExecutionRestriction.allowSSH, TRE,
                        "TRE execution restriction 'allowSSH': no"));
    }

    // ---- the input against the inputSpec ----

    @Test
    void aMissingRequiredInputIsInvalidInput() {
        fixture.givenNoPriorActivity()
                .when(run(WITH_INPUTS, ORD, List.of(), "{\"threads\":4}", as(BOB)))
                .expectException(dxError(ErrorType.InvalidInput))
                .expectNoEvents();
    }

    @Test
    void anInputOfTheWrongClassIsInvalidInput() {
        fixture.givenNoPriorActivity()
                .when(run(WITH_INPUTS, ORD, List.of(), "{\"reads\":{\"$dnanexus_link\":\"file-x\"},\"threads\":\"4\"}",
                        as(BOB)))
                .expectException(dxError(ErrorType.InvalidInput))
                .expectNoEvents();
    }

    @Test
    void aDataInputWithoutALinkIsInvalidInput() {
        fixture.givenNoPriorActivity()
                .when(run(WITH_INPUTS, ORD, List.of(), "{\"reads\":\"file-0123456789BFGJKPQVXYZb\"}", as(BOB)))
                .expectException(dxError(ErrorType.InvalidInput))
                .expectNoEvents();
    }

    @Test
    void anInputNotInTheInputSpecIsInvalidInput() {
        String input = "{\"reads\":{\"$dnanexus_link\":\"file-x\"},\"colour\":\"red\"}";
        fixture.givenNoPriorActivity()
                .when(run(WITH_INPUTS, ORD, List.of(), input, as(BOB)))
                .expectException(dxError(ErrorType.InvalidInput))
                .expectNoEvents();
    }

    @Test
    void optionalAndDefaultedInputsMayBeLeftOut() {
        fixture.givenNoPriorActivity()
                .when(run(WITH_INPUTS, ORD, List.of(), READS, as(BOB)))
                .expectEvents(created(WITH_INPUTS, ORD, "with-inputs", ORD, null, List.of(), READS))
                .expectResultMessagePayload(RunDecision.accepted(JOB));
    }

    @Test
    void everyInputOfItsClassIsAccepted() {
        String input = "{\"reads\":{\"$dnanexus_link\":\"file-x\"},\"threads\":4,\"mode\":\"slow\"}";
        fixture.givenNoPriorActivity()
                .when(run(WITH_INPUTS, ORD, List.of(), input, as(BOB)))
                .expectEvents(created(WITH_INPUTS, ORD, "with-inputs", ORD, null, List.of(), input))
                .expectResultMessagePayload(RunDecision.accepted(JOB));
    }

    @Test
    void anAppletWithoutInputSpecTakesAnyInput() {
        fixture.givenNoPriorActivity()
                .when(run(PLAIN, ORD, List.of(), "{\"anything\":[1,2]}", as(BOB)))
                .expectEvents(created(PLAIN, ORD, "plain", ORD, null, List.of(), "{\"anything\":[1,2]}"))
                .expectResultMessagePayload(RunDecision.accepted(JOB));
    }

    // ---- terminate ----

    @Test
    void theLauncherTerminatesTheirJob() {
        fixture.given(createdInOrd())
                .when(new TerminateJobCommand(JOB, as(BOB)))
                .expectEvents(new JobTerminatedEvent(JOB, BOB));
    }

    @Test
    void aContributeMemberTerminatesAnothersJob() {
        fixture.given(createdInOrd())
                .when(new TerminateJobCommand(JOB, as(CAROL)))
                .expectEvents(new JobTerminatedEvent(JOB, CAROL));
    }

    @Test
    void aViewMemberCannotTerminateAnothersJob() {
        fixture.given(createdInOrd())
                .when(new TerminateJobCommand(JOB, as(DAVE)))
                .expectException(dxError(ErrorType.PermissionDenied))
                .expectNoEvents();
    }

    @Test
    void aContributeMembersTokenMustReachTheJobsProjectToTerminate() {
        fixture.given(createdInOrd())
                .when(new TerminateJobCommand(JOB, new Requester(CAROL, TokenScope.limitedTo(Map.of(ORD, "VIEW")))))
                .expectException(dxError(ErrorType.PermissionDenied))
                .expectNoEvents();
    }

    @Test
    void theLaunchersTokenMustReachTheJobsProjectToTerminate() {
        fixture.given(createdInOrd())
                .when(new TerminateJobCommand(JOB, new Requester(BOB, TokenScope.limitedTo(Map.of(ORD, "UPLOAD")))))
                .expectException(dxError(ErrorType.PermissionDenied))
                .expectNoEvents();
    }

    @Test
    void terminatingATerminatedJobChangesNothing() {
        fixture.given(createdInOrd(), new JobTerminatedEvent(JOB, BOB))
                .when(new TerminateJobCommand(JOB, as(CAROL)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void terminatingARefusedRunIsResourceNotFound() {
        fixture.given(refusedInTre())
                .when(new TerminateJobCommand(JOB, as(BOB)))
                .expectException(dxError(ErrorType.ResourceNotFound))
                .expectNoEvents();
    }

    // ---- update ----

    @Test
    void theLauncherOpensSshOnAJobInAnOrdinaryProject() {
        fixture.given(createdInOrd())
                .when(new UpdateJobCommand(JOB, SSH, as(BOB)))
                .expectEvents(new JobUpdatedEvent(JOB, SSH, BOB))
                .expectResultMessagePayload(new JobUpdateDecision(null, null, null));
    }

    @Test
    void anUpdateWithoutAllowSshChangesNothing() {
        fixture.given(createdInOrd())
                .when(new UpdateJobCommand(JOB, null, as(CAROL)))
                .expectNoEvents()
                .expectResultMessagePayload(new JobUpdateDecision(null, null, null));
    }

    @Test
    void aViewMemberCannotUpdateAnothersJob() {
        fixture.given(createdInOrd())
                .when(new UpdateJobCommand(JOB, SSH, as(DAVE)))
                .expectException(dxError(ErrorType.PermissionDenied))
                .expectNoEvents();
    }

    @Test
    void anUpdateCannotOpenSshInATreProject() {
        fixture.given(createdInTre())
                .when(new UpdateJobCommand(JOB, SSH, as(BOB)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayloadMatching(new TypeSafeMatcher<JobUpdateDecision>() {
                    @Override
                    protected boolean matchesSafely(JobUpdateDecision d) {
                        return !d.accepted() && d.refusedBy() == ExecutionRestriction.allowSSH
                                && TRE.equals(d.treId()) && d.message().contains("'allowSSH'");
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("an update refused by allowSSH of " + TRE);
                    }
                });
    }

    @Test
    void updatingATerminatedJobIsInvalidState() {
        fixture.given(createdInOrd(), new JobTerminatedEvent(JOB, BOB))
                .when(new UpdateJobCommand(JOB, SSH, as(BOB)))
                .expectException(dxError(ErrorType.InvalidState))
                .expectNoEvents();
    }

    @Test
    void updatingARefusedRunIsResourceNotFound() {
        fixture.given(refusedInTre())
                .when(new UpdateJobCommand(JOB, List.of(), as(BOB)))
                .expectException(dxError(ErrorType.ResourceNotFound))
                .expectNoEvents();
    }
}
