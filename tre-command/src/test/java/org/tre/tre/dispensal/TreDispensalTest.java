package org.tre.tre.dispensal;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tre.messages.error.DxException;
import org.tre.messages.tre.Inventory.ObjectRef;
import org.tre.messages.tre.TreCommands.FinishTreDispensalCommand;
import org.tre.messages.tre.TreCommands.StartTreDispensalCommand;
import org.tre.messages.tre.TreEvents.DispensedObject;
import org.tre.messages.tre.TreEvents.TreDispensalFailedEvent;
import org.tre.messages.tre.TreEvents.TreDispensalFinishedEvent;
import org.tre.messages.tre.TreEvents.TreDispensalStartedEvent;
import org.tre.messages.tre.TreProvisioning;
import org.tre.tre.Tre;
import org.tre.tre.support.InMemoryTreDirectory;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.tre.tre.support.TreWorld.*;

/**
 * What the TRE records of a dispensal (DECISIONS.md §15): the inventory version active when the job
 * starts, the policies then, and what that version gives the request's fields; the end, once; a job
 * given up before it started. The TRE's history is the governance record.
 */
class TreDispensalTest {

    private static final String JOB = "job-BBBBBBBBBBBBBBBBBBBBBBBB";
    private static final String REQUEST = "treApplication-BBBBBBBBBBBBBBBBBBBBBBBB";
    private static final String PROJECT = "project-BBBBBBBBBBBBBBBBBBBBBBBB";
    private static final String ROBOT = TreProvisioning.robotUser(TRE);
    private static final List<String> FIELDS = List.of("22418");

    private FixtureConfiguration<Tre> fixture;
    private final Sources sources = new Sources();

    /** The file inventory's text by file id, and the data type groups' fields by group. */
    static final class Sources implements DispensalSources {
        final Map<String, String> files = new HashMap<>();
        Map<String, Set<String>> groups = Map.of("Genotypes", Set.of("22418"), "Imaging", Set.of("20204"));
        DxException unreadableGroups;

        @Override
        public Optional<String> fileContent(String projectId, String fileId) {
            return P_FILE.equals(projectId) ? Optional.ofNullable(files.get(fileId)) : Optional.empty();
        }

        @Override
        public Map<String, Set<String>> dataTypeGroups(ObjectRef dataTypeGroups) {
            if (unreadableGroups != null) {
                throw unreadableGroups;
            }
            return groups;
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tre.class);
        InMemoryTreDirectory directory = directory();
        fixture.registerInjectableResource(directory);
        fixture.registerInjectableResource(sources);
        sources.files.put(FILE, "file\tdataTypeGroup\nfile-a\tGenotypes\nfile-b\tImaging\nfile-c\t\n\nfile-a\tGenotypes\n");
    }

    private static StartTreDispensalCommand start() {
        return new StartTreDispensalCommand(TRE, JOB, REQUEST, PROJECT, FIELDS, "{\"age\":40}", CAROL);
    }

    private static Map<String, Boolean> enforced() {
        return new LinkedHashMap<>();
    }

    private static List<DispensedObject> objectsFor22418() {
        return List.of(new DispensedObject(P_DATA, DATASET), new DispensedObject(P_FILE, FILE),
                new DispensedObject(P_FILE, "file-a"), new DispensedObject(P_FILE, "file-c"));
    }

    private static TreDispensalStartedEvent started(String version) {
        return new TreDispensalStartedEvent(TRE, JOB, REQUEST, PROJECT, version, enforced(), ROBOT, FIELDS,
                "{\"age\":40}", objectsFor22418(), CAROL);
    }

    @Test
    void aStartRecordsTheActiveVersionThePoliciesAndWhatItGivesTheRequestsFields() {
        fixture.given(active())
                .when(start())
                .expectEvents(started("1.0.0"));
    }

    @Test
    void aJobStartingAfterAnAmendmentTakesTheVersionActivatedLater() {
        fixture.given(plus(amending(), inventorySet("1.1.0", false), activated("1.1.0", "1.0.0")))
                .when(start())
                .expectEvents(started("1.1.0"));
    }

    @Test
    void aJobStartingWhileTheTreAmendsTakesTheVersionStillActive() {
        fixture.given(plus(amending(), inventorySet("1.1.0", false)))
                .when(start())
                .expectEvents(started("1.0.0"));
    }

    @Test
    void withoutAGroupColumnEveryNamedFileGoes() {
        sources.files.put(FILE, "id\tfile\nx\tfile-b\n");
        fixture.given(active())
                .when(start())
                .expectEvents(new TreDispensalStartedEvent(TRE, JOB, REQUEST, PROJECT, "1.0.0", enforced(), ROBOT,
                        FIELDS, "{\"age\":40}", List.of(new DispensedObject(P_DATA, DATASET),
                        new DispensedObject(P_FILE, FILE), new DispensedObject(P_FILE, "file-b")), CAROL));
    }

    @Test
    void aFileInventoryThatIsGoneOrHasNoFileColumnFailsTheJobOnRecord() {
        sources.files.clear();
        fixture.given(active())
                .when(start())
                .expectEvents(new TreDispensalFailedEvent(TRE, JOB, REQUEST, PROJECT, "1.0.0", List.of(),
                        "ResourceNotFound", "The file inventory " + FILE + " is no longer in " + P_FILE, CAROL));
        sources.files.put(FILE, "id\tvalue\n1\t2\n");
        fixture.given(active())
                .when(start())
                .expectEvents(new TreDispensalFailedEvent(TRE, JOB, REQUEST, PROJECT, "1.0.0", List.of(),
                        "InvalidInput", "The file inventory " + FILE + " has no 'file' column", CAROL));
    }

    @Test
    void unreadableDataTypeGroupsFailTheJob() {
        sources.unreadableGroups = DxException.invalidState("The configured data type groups file does not"
                + " contain valid JSON");
        fixture.given(active())
                .when(start())
                .expectEvents(new TreDispensalFailedEvent(TRE, JOB, REQUEST, PROJECT, "1.0.0", List.of(),
                        "InvalidState", "The configured data type groups file does not contain valid JSON", CAROL));
    }

    @Test
    void aStartAskedAgainChangesNothing() {
        fixture.given(plus(active(), started("1.0.0")))
                .when(start())
                .expectNoEvents();
    }

    @Test
    void theEndIsRecordedOnceWithTheVersionItStartedWith() {
        FinishTreDispensalCommand done = new FinishTreDispensalCommand(TRE, JOB, REQUEST, PROJECT,
                List.of(DATASET, FILE, "file-a", "file-c"), null, null, CAROL);
        fixture.given(plus(amending(), started("1.0.0"), inventorySet("1.1.0", false), activated("1.1.0", "1.0.0")))
                .when(done)
                .expectEvents(new TreDispensalFinishedEvent(TRE, JOB, REQUEST, PROJECT, "1.0.0",
                        List.of(DATASET, FILE, "file-a", "file-c"), CAROL));
        fixture.given(plus(active(), started("1.0.0"), new TreDispensalFinishedEvent(TRE, JOB, REQUEST, PROJECT,
                        "1.0.0", List.of(), CAROL)))
                .when(done)
                .expectNoEvents();
    }

    @Test
    void aRefusedCopyFailsTheJobNamingWhatWasPlaced() {
        fixture.given(plus(active(), started("1.0.0")))
                .when(new FinishTreDispensalCommand(TRE, JOB, REQUEST, PROJECT, List.of(DATASET), "ResourceNotFound",
                        "The object file-a is not in " + P_FILE, CAROL))
                .expectEvents(new TreDispensalFailedEvent(TRE, JOB, REQUEST, PROJECT, "1.0.0", List.of(DATASET),
                        "ResourceNotFound", "The object file-a is not in " + P_FILE, CAROL));
    }

    @Test
    void aJobGivenUpBeforeItStartedIsRecordedAsFailedWithoutAVersion() {
        fixture.given(active())
                .when(new FinishTreDispensalCommand(TRE, JOB, REQUEST, PROJECT, null, "InternalError", "gave up",
                        CAROL))
                .expectEvents(new TreDispensalFailedEvent(TRE, JOB, REQUEST, PROJECT, null, null, "InternalError",
                        "gave up", CAROL));
    }
}
