package org.tre.directory.dataobject;

import org.tre.directory.project.InMemoryProjects;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tre.messages.Requester;
import org.tre.messages.dataobject.DataObjectCommands.CloneDataObjectsCommand;
import org.tre.messages.dataobject.DataObjectCommands.DataObjectBatchStep;
import org.tre.messages.dataobject.DataObjectCommands.ExpireDataObjectBatchCommand;
import org.tre.messages.dataobject.DataObjectCommands.FinishDataObjectBatchUndoCommand;
import org.tre.messages.dataobject.DataObjectCommands.RecordDataObjectBatchStepsCommand;
import org.tre.messages.dataobject.DataObjectCommands.RemoveDataObjectsCommand;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectBatchFailedEvent;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectBatchSucceededEvent;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectBatchUndoStartedEvent;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectCloneStartedEvent;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectRemovalStartedEvent;
import org.tre.messages.error.DxError;
import org.tre.messages.error.ErrorType;
import org.tre.messages.project.ProjectFlags;
import org.tre.messages.project.ProjectLevel;
import org.tre.messages.user.TokenScope;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.tre.directory.project.Refusals.dxError;

/** The rules of a clone or removal of many objects, one per test, on the DataObjectBatch alone. */
class DataObjectBatchTest {

    private static final String BATCH = "objectBatch-0123456789BFGJKPQVXYZbfg";
    private static final String SRC = "project-000000000000000000000001";
    private static final String DST = "project-000000000000000000000002";
    private static final String A = "file-000000000000000000000000a";
    private static final String B = "file-000000000000000000000000b";
    private static final String BOB = "user-bob";
    private static final Requester AS_BOB = new Requester(BOB, TokenScope.fullScope());
    private static final DxError NOT_IN_SOURCE = new DxError(ErrorType.ResourceNotFound, "The object b is not in src");
    private static final DxError DISPENSED = new DxError(ErrorType.PermissionDenied, "dispensed");

    private FixtureConfiguration<DataObjectBatch> fixture;
    private final InMemoryProjects projects = new InMemoryProjects();

    @BeforeEach
    void setUp() {
        projects.add(SRC, null, Map.of());
        projects.add(DST, null, Map.of());
        fixture = new AggregateTestFixture<>(DataObjectBatch.class);
        fixture.registerInjectableResource(projects);
    }

    private static CloneDataObjectsCommand clone(Requester requester, String... objects) {
        return new CloneDataObjectsCommand(BATCH, SRC, DST, List.of(objects), requester);
    }

    private static DataObjectCloneStartedEvent cloneStarted(String... objects) {
        return new DataObjectCloneStartedEvent(BATCH, SRC, DST, List.of(objects), BOB);
    }

    private void mayClone() {
        projects.level(SRC, BOB, ProjectLevel.VIEW);
        projects.level(DST, BOB, ProjectLevel.UPLOAD);
    }

    // ---- who may clone, checked once for all objects ----

    @Test
    void cloningNeedsViewOnTheSourceAndUploadOnTheDestination() {
        mayClone();
        fixture.givenNoPriorActivity()
                .when(clone(AS_BOB, A, B, A))
                .expectEvents(cloneStarted(A, B));
    }

    @Test
    void cloningWithoutViewOnTheSourceIsPermissionDenied() {
        projects.level(DST, BOB, ProjectLevel.ADMINISTER);
        fixture.givenNoPriorActivity()
                .when(clone(AS_BOB, A))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void cloningIntoAProjectWithoutUploadIsPermissionDenied() {
        projects.level(SRC, BOB, ProjectLevel.ADMINISTER);
        projects.level(DST, BOB, ProjectLevel.VIEW);
        fixture.givenNoPriorActivity()
                .when(clone(AS_BOB, A))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void theTokenMustReachBothProjectsAfterTheRole() {
        mayClone();
        fixture.givenNoPriorActivity()
                .when(clone(new Requester(BOB, TokenScope.limitedTo(Map.of(SRC, "VIEW"))), A))
                .expectException(dxError(ErrorType.PermissionDenied))
                .expectExceptionMessage(containsString("token's scope does not reach UPLOAD in " + DST));
        projects.level(DST, BOB, ProjectLevel.VIEW);
        fixture.givenNoPriorActivity()
                .when(clone(new Requester(BOB, TokenScope.limitedTo(Map.of(SRC, "VIEW"))), A))
                .expectException(dxError(ErrorType.PermissionDenied))
                .expectExceptionMessage(startsWith("You need UPLOAD"));
    }

    @Test
    void anUnknownOrDestroyedProjectIsResourceNotFound() {
        mayClone();
        fixture.givenNoPriorActivity()
                .when(new CloneDataObjectsCommand(BATCH, SRC, "project-00000000000000000000000z", List.of(A), AS_BOB))
                .expectException(dxError(ErrorType.ResourceNotFound));
        projects.destroy(SRC);
        fixture.givenNoPriorActivity()
                .when(clone(AS_BOB, A))
                .expectException(dxError(ErrorType.ResourceNotFound));
    }

    @Test
    void nothingIsClonedOutOfARestrictedProject() {
        projects.add(SRC, null, Map.of(ProjectFlags.RESTRICTED, true));
        mayClone();
        fixture.givenNoPriorActivity()
                .when(clone(AS_BOB, A))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void nothingCrossesTheBoundaryOfATre() {
        projects.add(DST, "tre-genomics", Map.of());
        mayClone();
        fixture.givenNoPriorActivity()
                .when(clone(AS_BOB, A))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void objectsAreClonedBetweenTheProjectsOfOneRequest() {
        projects.add(SRC, "tre-genomics", "treApplication-one", Map.of());
        projects.add(DST, "tre-genomics", "treApplication-one", Map.of());
        mayClone();
        fixture.givenNoPriorActivity()
                .when(clone(AS_BOB, A))
                .expectEvents(cloneStarted(A));
    }

    @Test
    void nothingIsClonedBetweenProjectsOfTwoRequestsOfOneTre() {
        projects.add(SRC, "tre-genomics", "treApplication-one", Map.of());
        projects.add(DST, "tre-genomics", "treApplication-two", Map.of());
        mayClone();
        fixture.givenNoPriorActivity()
                .when(clone(AS_BOB, A))
                .expectException(dxError(ErrorType.PermissionDenied))
                .expectNoEvents();
    }

    @Test
    void nothingIsClonedBetweenTwoProjectsOfOneTreThatBelongToNoRequest() {
        projects.add(SRC, "tre-genomics", Map.of());
        projects.add(DST, "tre-genomics", Map.of());
        mayClone();
        fixture.givenNoPriorActivity()
                .when(clone(AS_BOB, A))
                .expectException(dxError(ErrorType.PermissionDenied))
                .expectNoEvents();
    }

    @Test
    void aBatchOfNoObjectsSucceedsAtOnce() {
        mayClone();
        fixture.givenNoPriorActivity()
                .when(clone(AS_BOB))
                .expectEvents(cloneStarted(), new DataObjectBatchSucceededEvent(BATCH, List.of()));
    }

    // ---- who may remove ----

    @Test
    void aContributorRemovesObjects() {
        projects.level(SRC, BOB, ProjectLevel.CONTRIBUTE);
        fixture.givenNoPriorActivity()
                .when(new RemoveDataObjectsCommand(BATCH, SRC, List.of(A), AS_BOB))
                .expectEvents(new DataObjectRemovalStartedEvent(BATCH, SRC, List.of(A), BOB));
    }

    @Test
    void removingNeedsContribute() {
        projects.level(SRC, BOB, ProjectLevel.UPLOAD);
        fixture.givenNoPriorActivity()
                .when(new RemoveDataObjectsCommand(BATCH, SRC, List.of(A), AS_BOB))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void removingFromAProtectedProjectNeedsAdminister() {
        projects.add(SRC, null, Map.of(ProjectFlags.PROTECTED, true));
        projects.level(SRC, BOB, ProjectLevel.CONTRIBUTE);
        fixture.givenNoPriorActivity()
                .when(new RemoveDataObjectsCommand(BATCH, SRC, List.of(A), AS_BOB))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void removingNeedsATokenThatReachesContribute() {
        projects.level(SRC, BOB, ProjectLevel.ADMINISTER);
        fixture.givenNoPriorActivity()
                .when(new RemoveDataObjectsCommand(BATCH, SRC, List.of(A),
                        new Requester(BOB, TokenScope.limitedTo(Map.of(SRC, "UPLOAD")))))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    // ---- the outcome, from what the objects answered ----

    @Test
    void everyObjectAnsweringSucceedsAndNamesTheObjectsThatWereThere() {
        fixture.given(cloneStarted(A, B))
                .when(new RecordDataObjectBatchStepsCommand(BATCH, List.of(new DataObjectBatchStep(B, false, null),
                        new DataObjectBatchStep(A, true, null))))
                .expectEvents(new DataObjectBatchSucceededEvent(BATCH, List.of(B)));
    }

    @Test
    void theFirstRefusalInTheOrderAskedFailsTheBatchAndUndoesIt() {
        fixture.given(cloneStarted(A, B))
                .when(new RecordDataObjectBatchStepsCommand(BATCH, List.of(new DataObjectBatchStep(B, false, DISPENSED),
                        new DataObjectBatchStep(A, false, NOT_IN_SOURCE))))
                .expectEvents(new DataObjectBatchUndoStartedEvent(BATCH, NOT_IN_SOURCE));
    }

    @Test
    void anObjectWithoutAnAnswerFailsTheBatch() {
        fixture.given(cloneStarted(A, B))
                .when(new RecordDataObjectBatchStepsCommand(BATCH, List.of(new DataObjectBatchStep(A, true, null))))
                .expectEvents(new DataObjectBatchUndoStartedEvent(BATCH, new DxError(ErrorType.InternalError,
                        "The object " + B + " gave no answer; nothing was changed")));
    }

    @Test
    void theRefusalIsAnsweredOnceTheUndoIsDone() {
        fixture.given(cloneStarted(A, B), new DataObjectBatchUndoStartedEvent(BATCH, NOT_IN_SOURCE))
                .when(new FinishDataObjectBatchUndoCommand(BATCH))
                .expectEvents(new DataObjectBatchFailedEvent(BATCH, NOT_IN_SOURCE));
    }

    @Test
    void answersAfterTheOutcomeChangeNothing() {
        fixture.given(cloneStarted(A), new DataObjectBatchSucceededEvent(BATCH, List.of()))
                .when(new RecordDataObjectBatchStepsCommand(BATCH, List.of(new DataObjectBatchStep(A, false, DISPENSED))))
                .expectNoEvents();
        fixture.given(cloneStarted(A), new DataObjectBatchSucceededEvent(BATCH, List.of()))
                .when(new FinishDataObjectBatchUndoCommand(BATCH))
                .expectNoEvents();
    }

    // ---- the deadline ----

    @Test
    void aBatchStillRunningAtItsDeadlineIsUndone() {
        fixture.given(cloneStarted(A))
                .when(new ExpireDataObjectBatchCommand(BATCH))
                .expectEvents(new DataObjectBatchUndoStartedEvent(BATCH, new DxError(ErrorType.ServiceUnavailable,
                        "The objects did not all answer in time; nothing was changed")));
    }

    @Test
    void anUndoStillRunningAtTheNextDeadlineIsGivenUp() {
        fixture.given(cloneStarted(A), new DataObjectBatchUndoStartedEvent(BATCH, NOT_IN_SOURCE))
                .when(new ExpireDataObjectBatchCommand(BATCH))
                .expectEvents(new DataObjectBatchFailedEvent(BATCH, NOT_IN_SOURCE));
    }

    @Test
    void aFinishedBatchIgnoresItsDeadline() {
        fixture.given(cloneStarted(A), new DataObjectBatchSucceededEvent(BATCH, List.of()))
                .when(new ExpireDataObjectBatchCommand(BATCH))
                .expectNoEvents();
    }
}
