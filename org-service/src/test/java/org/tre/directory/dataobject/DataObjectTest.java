package org.tre.directory.dataobject;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tre.directory.project.InMemoryProjects;
import org.tre.messages.dataobject.DataObjectClass;
import org.tre.messages.dataobject.DataObjectCommands.CloneDataObjectCommand;
import org.tre.messages.dataobject.DataObjectCommands.CreateDataObjectCommand;
import org.tre.messages.dataobject.DataObjectCommands.MarkDataObjectDispensedCommand;
import org.tre.messages.dataobject.DataObjectCommands.RemoveDataObjectCommand;
import org.tre.messages.dataobject.DataObjectCommands.UndoDataObjectBatchCommand;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectCloneUndoneEvent;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectClonedEvent;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectCreatedEvent;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectDispensedEvent;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectRemovalUndoneEvent;
import org.tre.messages.dataobject.DataObjectEvents.DataObjectRemovedEvent;
import org.tre.messages.Requester;
import org.tre.messages.error.ErrorType;
import org.tre.messages.project.ProjectFlags;
import org.tre.messages.project.ProjectLevel;
import org.tre.messages.user.TokenScope;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.tre.directory.project.Refusals.dxError;

class DataObjectTest {

    private static final String SRC = "project-000000000000000000000001";
    private static final String DST = "project-000000000000000000000002";
    private static final String FILE = "file-0123456789BFGJKPQVXYZbfg";
    private static final String DB = "database-0123456789BFGJKPQVXYZbfg";
    private static final String BOB = "user-bob";
    private static final String BATCH = "objectBatch-0123456789BFGJKPQVXYZbfg";
    private static final Instant CREATED = Instant.parse("2025-01-01T10:00:00Z");

    private FixtureConfiguration<DataObject> fixture;
    private final InMemoryProjects projects = new InMemoryProjects();
    private final TakenNames names = new TakenNames();

    @BeforeEach
    void setUp() {
        projects.add(SRC, null, Map.of());
        projects.add(DST, null, Map.of());
        fixture = new AggregateTestFixture<>(DataObject.class);
        fixture.registerInjectableResource(projects);
        fixture.registerInjectableResource(names);
    }

    private static Requester as(String userId) {
        return new Requester(userId, TokenScope.fullScope());
    }

    private static CreateDataObjectCommand createFile(String project) {
        return new CreateDataObjectCommand(FILE, DataObjectClass.FILE, project, "a.txt", null, null, "ab", 2, as(BOB));
    }

    private static DataObjectCreatedEvent fileCreated() {
        return new DataObjectCreatedEvent(FILE, DataObjectClass.FILE, SRC, "a.txt", List.of(), null, "ab", 2, BOB);
    }

    @Test
    void anUploaderCreatesAFile() {
        projects.level(SRC, BOB, ProjectLevel.UPLOAD);
        fixture.givenNoPriorActivity()
                .when(createFile(SRC))
                .expectEvents(fileCreated());
    }

    @Test
    void creatingDataNeedsUpload() {
        projects.level(SRC, BOB, ProjectLevel.VIEW);
        fixture.givenNoPriorActivity()
                .when(createFile(SRC))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void creatingNeedsATokenThatReachesUpload() {
        projects.level(SRC, BOB, ProjectLevel.ADMINISTER);
        fixture.givenNoPriorActivity()
                .when(new CreateDataObjectCommand(FILE, DataObjectClass.FILE, SRC, "a.txt", null, null, "ab", 2,
                        new Requester(BOB, TokenScope.limitedTo(Map.of(SRC, "VIEW")))))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void creatingInAnUnknownProjectIsResourceNotFound() {
        fixture.givenNoPriorActivity()
                .when(createFile("project-00000000000000000000000z"))
                .expectException(dxError(ErrorType.ResourceNotFound));
    }

    @Test
    void creatingInADestroyedProjectIsResourceNotFound() {
        projects.destroy(SRC);
        projects.level(SRC, BOB, ProjectLevel.ADMINISTER);
        fixture.givenNoPriorActivity()
                .when(createFile(SRC))
                .expectException(dxError(ErrorType.ResourceNotFound));
    }

    @Test
    void anExternalUploadRestrictedProjectTakesNoDataFromOutside() {
        projects.add(SRC, null, Map.of(ProjectFlags.EXTERNAL_UPLOAD_RESTRICTED, true));
        projects.level(SRC, BOB, ProjectLevel.ADMINISTER);
        fixture.givenNoPriorActivity()
                .when(createFile(SRC))
                .expectException(dxError(ErrorType.PermissionDenied));
    }

    @Test
    void aTakenUniqueDatabaseNameIsInvalidInput() {
        projects.level(SRC, BOB, ProjectLevel.UPLOAD);
        names.taken.add("pidmap");
        fixture.givenNoPriorActivity()
                .when(new CreateDataObjectCommand(DB, DataObjectClass.DATABASE, SRC, "db", null, "pidmap", null, 0, as(BOB)))
                .expectException(dxError(ErrorType.InvalidInput));
    }

    @Test
    void aFreeUniqueDatabaseNameIsTaken() {
        projects.level(SRC, BOB, ProjectLevel.UPLOAD);
        fixture.givenNoPriorActivity()
                .when(new CreateDataObjectCommand(DB, DataObjectClass.DATABASE, SRC, "db", null, "pidmap", null, 0, as(BOB)))
                .expectEvents(new DataObjectCreatedEvent(DB, DataObjectClass.DATABASE, SRC, "db", List.of(), "pidmap",
                        null, 0, BOB));
    }

    // ---- one object of a batch: the batch checked the caller's rights (DataObjectBatchTest) ----

    @Test
    void anObjectIsClonedIntoAnotherProjectUnderItsBatch() {
        fixture.given(fileCreated())
                .when(new CloneDataObjectCommand(FILE, SRC, DST, BATCH, BOB))
                .expectResultMessagePayload(true)
                .expectEvents(new DataObjectClonedEvent(FILE, SRC, DST, BOB, BATCH));
    }

    @Test
    void cloningAnObjectNotInTheSourceIsResourceNotFound() {
        fixture.given(fileCreated())
                .when(new CloneDataObjectCommand(FILE, "project-000000000000000000000003", DST, BATCH, BOB))
                .expectException(dxError(ErrorType.ResourceNotFound));
    }

    @Test
    void cloningIntoAProjectThatHoldsTheObjectChangesNothing() {
        fixture.given(fileCreated(), new DataObjectClonedEvent(FILE, SRC, DST, BOB, null))
                .when(new CloneDataObjectCommand(FILE, SRC, DST, BATCH, BOB))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void anObjectLeavesAProjectUnderItsBatch() {
        fixture.given(fileCreated())
                .when(new RemoveDataObjectCommand(FILE, SRC, BATCH, BOB))
                .expectEvents(new DataObjectRemovedEvent(FILE, SRC, BOB, BATCH));
    }

    @Test
    void aDispensedObjectCannotBeRemovedFromItsProject() {
        fixture.given(fileCreated(), new DataObjectDispensedEvent(FILE, SRC))
                .when(new RemoveDataObjectCommand(FILE, SRC, BATCH, BOB))
                .expectException(dxError(ErrorType.PermissionDenied))
                .expectNoEvents();
    }

    @Test
    void removingAnObjectNotInTheProjectIsResourceNotFound() {
        fixture.given(fileCreated())
                .when(new RemoveDataObjectCommand(FILE, DST, BATCH, BOB))
                .expectException(dxError(ErrorType.ResourceNotFound));
    }

    @Test
    void anObjectIsMarkedDispensedOnce() {
        fixture.given(fileCreated())
                .when(new MarkDataObjectDispensedCommand(FILE, SRC))
                .expectEvents(new DataObjectDispensedEvent(FILE, SRC));
        fixture.given(fileCreated(), new DataObjectDispensedEvent(FILE, SRC))
                .when(new MarkDataObjectDispensedCommand(FILE, SRC))
                .expectNoEvents();
    }

    // ---- a failed batch takes back its own change, and only that ----

    @Test
    void undoingABatchTakesBackItsClone() {
        fixture.given(fileCreated(), new DataObjectClonedEvent(FILE, SRC, DST, BOB, BATCH))
                .when(new UndoDataObjectBatchCommand(FILE, DST, BATCH))
                .expectEvents(new DataObjectCloneUndoneEvent(FILE, DST, BATCH));
    }

    @Test
    void undoingABatchPutsTheObjectBackWhereAndWhenItWas() {
        fixture.givenCurrentTime(CREATED)
                .andGiven(fileCreated())
                .andGivenCurrentTime(CREATED.plusSeconds(60))
                .andGiven(new DataObjectRemovedEvent(FILE, SRC, BOB, BATCH))
                .when(new UndoDataObjectBatchCommand(FILE, SRC, BATCH))
                .expectEvents(new DataObjectRemovalUndoneEvent(FILE, SRC, BATCH, CREATED.toEpochMilli()));
    }

    @Test
    void anotherBatchsChangeIsNotUndone() {
        fixture.given(fileCreated(), new DataObjectClonedEvent(FILE, SRC, DST, BOB, "objectBatch-other"))
                .when(new UndoDataObjectBatchCommand(FILE, DST, BATCH))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void undoingTwiceChangesNothingTheSecondTime() {
        fixture.given(fileCreated(), new DataObjectClonedEvent(FILE, SRC, DST, BOB, BATCH),
                        new DataObjectCloneUndoneEvent(FILE, DST, BATCH))
                .when(new UndoDataObjectBatchCommand(FILE, DST, BATCH))
                .expectNoEvents();
    }

    @Test
    void anObjectTheBatchLeftUnchangedHasNothingToUndo() {
        fixture.given(fileCreated(), new DataObjectClonedEvent(FILE, SRC, DST, BOB, null))
                .when(new UndoDataObjectBatchCommand(FILE, DST, BATCH))
                .expectNoEvents();
    }

    static final class TakenNames implements DatabaseNames {
        final Set<String> taken = new HashSet<>();

        @Override
        public boolean taken(String uniqueDatabaseName) {
            return taken.contains(uniqueDatabaseName);
        }
    }
}
