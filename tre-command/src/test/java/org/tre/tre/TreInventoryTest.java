package org.tre.tre;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tre.messages.error.ErrorType;
import org.tre.messages.tre.Inventory;
import org.tre.messages.tre.Inventory.Assay;
import org.tre.messages.tre.Inventory.ObjectRef;
import org.tre.messages.tre.TreCommands.SetInventoryCommand;
import org.tre.messages.tre.TreEvents.TreAdminsAddedEvent;
import org.tre.messages.tre.TreEvents.TreInventorySetEvent;
import org.tre.tre.support.InMemoryTreDirectory;
import org.tre.tre.support.TreWorld.Lifecycle;

import java.util.List;

import static org.tre.tre.support.TreMatchers.dxError;
import static org.tre.tre.support.TreWorld.*;

/** /tre-xxxx/setInventory (tre-api.md "TRE Inventory", DECISIONS.md §6 and §12). */
class TreInventoryTest {

    private FixtureConfiguration<Tre> fixture;
    private InMemoryTreDirectory directory;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tre.class);
        directory = directory();
        fixture.registerInjectableResource(directory);
    }

    private static SetInventoryCommand set(Inventory inventory) {
        return new SetInventoryCommand(TRE, inventory, as(ALICE));
    }

    private static TreInventorySetEvent setEvent(Inventory inventory, boolean replacedPending) {
        return new TreInventorySetEvent(TRE, inventory, replacedPending);
    }

    private void refusedInDraft(Inventory inventory, ErrorType type) {
        fixture.given(created())
                .when(set(inventory))
                .expectNoEvents()
                .expectException(dxError(type));
    }

    // ---- states and versions ----

    @Test
    void aDraftGetsItsFirstInventory() {
        fixture.given(created())
                .when(set(inventory("1.0.0")))
                .expectEvents(setEvent(inventory("1.0.0"), false));
    }

    @Test
    void aDraftReplacesItsPendingInventoryInPlaceWithAnyVersion() {
        fixture.given(created(), inventorySet("2.0.0", false))
                .when(set(inventory("0.1.0")))
                .expectEvents(setEvent(inventory("0.1.0"), true));
    }

    @Test
    void anActiveTreRefusesInventoryChanges() {
        fixture.given(active())
                .when(set(inventory("2.0.0")))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidState));
    }

    @Test
    void anAmendingTreGetsANewPendingVersionAboveTheActiveOne() {
        fixture.given(amending())
                .when(set(inventory("1.0.1")))
                .expectEvents(setEvent(inventory("1.0.1"), false));
    }

    @Test
    void anAmendingTreReplacesItsPendingVersion() {
        fixture.given(plus(amending(), inventorySet("1.2.0", false)))
                .when(set(inventory("1.1.0")))
                .expectEvents(setEvent(inventory("1.1.0"), true));
    }

    @Test
    void anAmendingVersionEqualToTheActiveOneIsRefused() {
        fixture.given(amending())
                .when(set(inventory("1.0.0")))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput, "greater"));
    }

    @Test
    void anAmendingVersionBelowTheActiveOneIsRefused() {
        fixture.given(plus(amending(), inventorySet("1.2.0", false)))
                .when(set(inventory("0.9.9")))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput, "greater"));
    }

    @Test
    void versionsCompareNumericallyNotAsText() {
        fixture.given(plus(active(), deactivated(), inventorySet("1.9.0", false), activated("1.9.0", "1.0.0"),
                        deactivated()))
                .when(set(inventory("1.10.0")))
                .expectEvents(setEvent(inventory("1.10.0"), false));
    }

    @Test
    void theVersionToBeatIsTheOneActivatedLast() {
        fixture.given(plus(active(), deactivated(), inventorySet("2.0.0", false), activated("2.0.0", "1.0.0"),
                        deactivated()))
                .when(set(inventory("1.5.0")))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput, "greater"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1.0.0-rc.1", "1.0.0+build", "01.2.3", "v1.0.0", "one"})
    void aVersionThatIsNotMajorMinorPatchIsInvalidInputInDraft(String version) {
        refusedInDraft(inventory(version), ErrorType.InvalidInput);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "2.0.0-rc.1", "02.0.0"})
    void aVersionThatIsNotMajorMinorPatchIsInvalidInputInAmending(String version) {
        fixture.given(amending())
                .when(set(inventory(version)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput));
    }

    // ---- sections ----

    @Test
    void aFileAloneIsEnough() {
        Inventory fileOnly = withDataset(inventory("1.0.0"), ObjectRef.NONE);
        fixture.given(created())
                .when(set(fileOnly))
                .expectEvents(setEvent(fileOnly, false));
    }

    @Test
    void aDatasetAloneIsEnough() {
        Inventory datasetOnly = new Inventory("1.0.0", ObjectRef.NONE, new ObjectRef(P_DATA, DATASET),
                ObjectRef.NONE, null, List.of());
        fixture.given(created())
                .when(set(datasetOnly))
                .expectEvents(setEvent(datasetOnly, false));
    }

    @Test
    void fileAndDatasetCannotBothBeEmpty() {
        refusedInDraft(withDataset(withFile(inventory("1.0.0"), ObjectRef.NONE), ObjectRef.NONE),
                ErrorType.InvalidInput);
    }

    @Test
    void theShowcaseProjectMustDifferFromTheFileProject() {
        directory.object("record-show2", "record", P_FILE);
        refusedInDraft(withShowcase(inventory("1.0.0"), new ObjectRef(P_FILE, "record-show2")), ErrorType.InvalidInput);
    }

    @Test
    void theShowcaseProjectMustDifferFromTheDatasetProject() {
        directory.object("record-show2", "record", P_DATA);
        refusedInDraft(withShowcase(inventory("1.0.0"), new ObjectRef(P_DATA, "record-show2")), ErrorType.InvalidInput);
    }

    @Test
    void theShowcaseMayBeEmpty() {
        Inventory noShowcase = withShowcase(inventory("1.0.0"), ObjectRef.NONE);
        fixture.given(created())
                .when(set(noShowcase))
                .expectEvents(setEvent(noShowcase, false));
    }

    @Test
    void dataTypeGroupsAreOptional() {
        Inventory none = withDataTypeGroups(inventory("1.0.0"), null);
        fixture.given(created())
                .when(set(none))
                .expectEvents(setEvent(none, false));
    }

    // ---- references ----

    @Test
    void aFileProjectThatDoesNotExistIsInvalidInput() {
        directory.object("file-lost", "file", NO_SUCH_PROJECT);
        refusedInDraft(withFile(inventory("1.0.0"), new ObjectRef(NO_SUCH_PROJECT, "file-lost")), ErrorType.InvalidInput);
    }

    @Test
    void anAssayProjectThatDoesNotExistIsInvalidInput() {
        refusedInDraft(withAssays(inventory("1.0.0"), new Assay("genotype", NO_SUCH_PROJECT, P_WORK, ASSAY_DATASET,
                PID_MAP)), ErrorType.InvalidInput);
    }

    @Test
    void anAssayWorkingProjectThatDoesNotExistIsInvalidInput() {
        refusedInDraft(withAssays(inventory("1.0.0"), new Assay("genotype", P_ASSAY, NO_SUCH_PROJECT, ASSAY_DATASET,
                PID_MAP)), ErrorType.InvalidInput);
    }

    @Test
    void anObjectThatDoesNotExistIsInvalidInput() {
        refusedInDraft(withFile(inventory("1.0.0"), new ObjectRef(P_FILE, "file-nowhere")), ErrorType.InvalidInput);
    }

    @Test
    void aFileInAnotherProjectThanNamedIsInvalidInput() {
        refusedInDraft(withFile(inventory("1.0.0"), new ObjectRef(P_DATA, FILE)), ErrorType.InvalidInput);
    }

    @Test
    void aShowcaseInAnotherProjectThanNamedIsInvalidInput() {
        refusedInDraft(withShowcase(inventory("1.0.0"), new ObjectRef(P_DTG, SHOWCASE)), ErrorType.InvalidInput);
    }

    @Test
    void anAssayDatasetOutsideTheAssayProjectIsInvalidInput() {
        refusedInDraft(withAssays(inventory("1.0.0"), new Assay("genotype", P_ASSAY, P_WORK, DATASET, PID_MAP)),
                ErrorType.InvalidInput);
    }

    @Test
    void anObjectHeldBySeveralProjectsMayBeNamedInAnyOfThem() {
        directory.object(FILE, "file", P_DATA, P_FILE);
        Inventory i = withDataset(withFile(inventory("1.0.0"), new ObjectRef(P_DATA, FILE)), new ObjectRef(P_DATA,
                DATASET));
        Inventory fileBesideDataset = withDataTypeGroups(i, null);
        fixture.given(created())
                .when(set(fileBesideDataset))
                .expectEvents(setEvent(fileBesideDataset, false));
    }

    // ---- classes ----

    @Test
    void theFileMustBeAFile() {
        directory.object("record-infile", "record", P_FILE);
        refusedInDraft(withFile(inventory("1.0.0"), new ObjectRef(P_FILE, "record-infile")), ErrorType.InvalidType);
    }

    @Test
    void theDatasetMustBeARecord() {
        directory.object("file-indata", "file", P_DATA);
        refusedInDraft(withDataset(inventory("1.0.0"), new ObjectRef(P_DATA, "file-indata")), ErrorType.InvalidType);
    }

    @Test
    void theShowcaseMustBeARecord() {
        directory.object("file-inshow", "file", P_SHOW);
        refusedInDraft(withShowcase(inventory("1.0.0"), new ObjectRef(P_SHOW, "file-inshow")), ErrorType.InvalidType);
    }

    @Test
    void dataTypeGroupsMustBeAFile() {
        directory.object("record-indtg", "record", P_DTG);
        refusedInDraft(withDataTypeGroups(inventory("1.0.0"), new ObjectRef(P_DTG, "record-indtg")),
                ErrorType.InvalidType);
    }

    @Test
    void anAssayDatasetMustBeARecord() {
        directory.object("file-inassay", "file", P_ASSAY);
        refusedInDraft(withAssays(inventory("1.0.0"), new Assay("genotype", P_ASSAY, P_WORK, "file-inassay", PID_MAP)),
                ErrorType.InvalidType);
    }

    @Test
    void anAssayPidMapDatabaseMustExist() {
        refusedInDraft(withAssays(inventory("1.0.0"), new Assay("genotype", P_ASSAY, P_WORK, ASSAY_DATASET,
                "no_such_database")), ErrorType.InvalidInput);
    }

    // ---- the inventory projects ----

    @ParameterizedTest
    @ValueSource(strings = {P_FILE, P_DATA, P_SHOW, P_DTG, P_ASSAY, P_WORK})
    void theRequesterMustAdministerEveryInventoryProject(String project) {
        directory.level(project, ALICE, "CONTRIBUTE");
        refusedInDraft(inventory("1.0.0"), ErrorType.InvalidInput);
    }

    @Test
    void aTreAdminWithoutAccessToTheProjectsCannotSetTheInventory() {
        fixture.given(created(), new TreAdminsAddedEvent(TRE, List.of(BOB)))
                .when(new SetInventoryCommand(TRE, inventory("1.0.0"), as(BOB)))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput, "admin of the inventory project"));
    }

    @Test
    void everyInventoryProjectMustShareTheTresBillTo() {
        refusedInDraft(withFile(inventory("1.0.0"), new ObjectRef(P_OTHER_BILLTO, OTHER_BILLTO_FILE)),
                ErrorType.InvalidInput);
    }

    @Test
    void anAssayWorkingProjectMustShareTheTresBillTo() {
        refusedInDraft(withAssays(inventory("1.0.0"), new Assay("genotype", P_ASSAY, P_OTHER_BILLTO, ASSAY_DATASET,
                PID_MAP)), ErrorType.InvalidInput);
    }

    @Test
    void everyInventoryProjectMustBeInTheTresRegion() {
        refusedInDraft(withFile(inventory("1.0.0"), new ObjectRef(P_AZURE, AZURE_FILE)), ErrorType.InvalidInput);
    }

    @ParameterizedTest
    @EnumSource(value = Lifecycle.class, names = {"DRAFT", "AMENDING"})
    void inventoryIsConfigurableInDraftAndAmending(Lifecycle state) {
        fixture.given(state.events())
                .when(set(inventory("3.0.0")))
                .expectEvents(setEvent(inventory("3.0.0"), false));
    }

    @Test
    void amendingChecksTheReferencesToo() {
        fixture.given(amending())
                .when(set(withFile(inventory("2.0.0"), new ObjectRef(P_OTHER_BILLTO, OTHER_BILLTO_FILE))))
                .expectNoEvents()
                .expectException(dxError(ErrorType.InvalidInput));
    }
}
