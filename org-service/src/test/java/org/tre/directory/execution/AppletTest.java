package org.tre.directory.execution;

import org.tre.directory.project.InMemoryProjects;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tre.messages.Requester;
import org.tre.messages.error.ErrorType;
import org.tre.messages.execution.AppletMessages.AppletCreatedEvent;
import org.tre.messages.execution.AppletMessages.AppletSpec;
import org.tre.messages.execution.AppletMessages.CreateAppletCommand;
import org.tre.messages.project.ProjectFlags;
import org.tre.messages.project.ProjectLevel;
import org.tre.messages.user.TokenScope;

import java.util.List;
import java.util.Map;

import static org.tre.directory.project.Refusals.dxError;

/** {@code /applet/new} (DECISIONS.md §16): UPLOAD on the project, a token reaching it, a project open to uploads. */
class AppletTest {

    private static final String PROJECT = "project-000000000000000000000001";
    private static final String TRE_PROJECT = "project-000000000000000000000002";
    private static final String APPLET = "applet-0123456789BFGJKPQVXYZb";
    private static final String BOB = "user-bob";
    private static final AppletSpec SPEC = new AppletSpec("1.0.0", "{\"interpreter\":\"bash\",\"code\":\"true\"}",
            "[{\"name\":\"reads\",\"class\":\"file\"}]", "[]", "{\"network\":[]}", null);

    private FixtureConfiguration<Applet> fixture;
    private final InMemoryProjects projects = new InMemoryProjects();

    @BeforeEach
    void setUp() {
        projects.ordinary(PROJECT).treProject(TRE_PROJECT, "tre-genomics", "request-1");
        fixture = new AggregateTestFixture<>(Applet.class);
        fixture.registerInjectableResource(projects);
    }

    private static CreateAppletCommand create(String project, Requester requester) {
        return new CreateAppletCommand(APPLET, project, "/tools", "aligner", SPEC, "Aligner", "aligns", "Aligns reads",
                List.of("genomics"), Map.of("team", "a"), requester);
    }

    private static CreateAppletCommand create(String project) {
        return create(project, Requester.withFullScope(BOB));
    }

    @Test
    void anUploaderCreatesAnApplet() {
        projects.level(PROJECT, BOB, ProjectLevel.UPLOAD);
        fixture.givenNoPriorActivity()
                .when(create(PROJECT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AppletCreatedEvent(APPLET, PROJECT, "/tools", "aligner", SPEC, "Aligner", "aligns",
                        "Aligns reads", List.of("genomics"), Map.of("team", "a"), BOB));
    }

    @Test
    void anAppletWithoutTagsOrPropertiesRecordsThemEmpty() {
        projects.level(PROJECT, BOB, ProjectLevel.UPLOAD);
        fixture.givenNoPriorActivity()
                .when(new CreateAppletCommand(APPLET, PROJECT, "/", "aligner", SPEC, null, null, null, null, null,
                        Requester.withFullScope(BOB)))
                .expectEvents(new AppletCreatedEvent(APPLET, PROJECT, "/", "aligner", SPEC, null, null, null,
                        List.of(), Map.of(), BOB));
    }

    @Test
    void anAppletIsCreatedInATreProjectAsAnywhereElse() {
        projects.level(TRE_PROJECT, BOB, ProjectLevel.CONTRIBUTE);
        fixture.givenNoPriorActivity()
                .when(create(TRE_PROJECT))
                .expectEvents(new AppletCreatedEvent(APPLET, TRE_PROJECT, "/tools", "aligner", SPEC, "Aligner",
                        "aligns", "Aligns reads", List.of("genomics"), Map.of("team", "a"), BOB));
    }

    @Test
    void creatingAnAppletNeedsUpload() {
        projects.level(PROJECT, BOB, ProjectLevel.VIEW);
        fixture.givenNoPriorActivity()
                .when(create(PROJECT))
                .expectException(dxError(ErrorType.PermissionDenied))
                .expectNoEvents();
    }

    @Test
    void aNonMemberCannotCreateAnApplet() {
        fixture.givenNoPriorActivity()
                .when(create(PROJECT))
                .expectException(dxError(ErrorType.PermissionDenied))
                .expectNoEvents();
    }

    @Test
    void creatingAnAppletNeedsATokenThatReachesUpload() {
        projects.level(PROJECT, BOB, ProjectLevel.ADMINISTER);
        fixture.givenNoPriorActivity()
                .when(create(PROJECT, new Requester(BOB, TokenScope.limitedTo(Map.of(PROJECT, "VIEW")))))
                .expectException(dxError(ErrorType.PermissionDenied))
                .expectNoEvents();
    }

    @Test
    void aTokenLimitedToAnotherProjectCannotCreateAnApplet() {
        projects.level(PROJECT, BOB, ProjectLevel.ADMINISTER);
        fixture.givenNoPriorActivity()
                .when(create(PROJECT, new Requester(BOB, TokenScope.limitedTo(Map.of(TRE_PROJECT, "ADMINISTER")))))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void aTokenReachingUploadCreatesAnApplet() {
        projects.level(PROJECT, BOB, ProjectLevel.ADMINISTER);
        fixture.givenNoPriorActivity()
                .when(create(PROJECT, new Requester(BOB, TokenScope.limitedTo(Map.of(PROJECT, "UPLOAD")))))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AppletCreatedEvent(APPLET, PROJECT, "/tools", "aligner", SPEC, "Aligner", "aligns",
                        "Aligns reads", List.of("genomics"), Map.of("team", "a"), BOB));
    }

    @Test
    void creatingAnAppletInAnUnknownProjectIsResourceNotFound() {
        fixture.givenNoPriorActivity()
                .when(create("project-00000000000000000000000z"))
                .expectException(dxError(ErrorType.ResourceNotFound));
    }

    @Test
    void creatingAnAppletInADestroyedProjectIsResourceNotFound() {
        projects.level(PROJECT, BOB, ProjectLevel.ADMINISTER).destroy(PROJECT);
        fixture.givenNoPriorActivity()
                .when(create(PROJECT))
                .expectException(dxError(ErrorType.ResourceNotFound));
    }

    @Test
    void anExternalUploadRestrictedProjectTakesNoAppletFromOutside() {
        projects.add(PROJECT, null, null, Map.of(ProjectFlags.EXTERNAL_UPLOAD_RESTRICTED, true))
                .level(PROJECT, BOB, ProjectLevel.ADMINISTER);
        fixture.givenNoPriorActivity()
                .when(create(PROJECT))
                .expectException(dxError(ErrorType.PermissionDenied))
                .expectNoEvents();
    }
}
