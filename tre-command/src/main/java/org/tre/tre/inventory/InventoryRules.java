package org.tre.tre.inventory;

import org.tre.messages.error.DxException;
import org.tre.messages.tre.Inventory;
import org.tre.messages.tre.Inventory.Assay;
import org.tre.messages.tre.Inventory.ObjectRef;
import org.tre.tre.directory.TreDirectory;
import org.tre.tre.directory.TreDirectory.ObjectFacts;
import org.tre.tre.directory.TreDirectory.ProjectFacts;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The checks of {@code /tre-xxxx/setInventory} that need the directory (tre-api.md, DECISIONS.md
 * §6 and §12): every reference names a real project and a real object of the right class in it, the
 * requester administers every inventory project, and they all bill to the TRE's org in its region.
 */
public final class InventoryRules {

    private InventoryRules() {
    }

    /** Every project the inventory names: the ones its admins administer and its users see. */
    public static Set<String> projects(Inventory inventory) {
        Set<String> projects = new LinkedHashSet<>();
        for (ObjectRef ref : new ObjectRef[]{inventory.file(), inventory.dataset(), inventory.showcase(),
                inventory.dataTypeGroups()}) {
            if (ref != null && !ref.isEmpty()) {
                projects.add(ref.project());
            }
        }
        for (Assay assay : inventory.assays()) {
            projects.add(assay.project());
            projects.add(assay.workingProject());
        }
        return projects;
    }

    public static void check(Inventory inventory, String billTo, String region, String requestedBy,
                             TreDirectory directory) {
        checkReferences(inventory, billTo, region, directory);
        for (String projectId : projects(inventory)) {
            if (!"ADMINISTER".equals(directory.projectLevel(projectId, requestedBy))) {
                throw DxException.invalidInput("The requesting user must be an admin of the inventory project "
                        + projectId);
            }
        }
    }

    /**
     * Everything but the requester's own rights: what must still hold when the inventory is activated,
     * however long after it was set (a project destroyed or moved since, a billTo changed in draft).
     */
    public static void checkReferences(Inventory inventory, String billTo, String region, TreDirectory directory) {
        if (inventory.file().isEmpty() && inventory.dataset().isEmpty()) {
            throw DxException.invalidInput("Both file and dataset cannot be empty");
        }
        ObjectRef showcase = inventory.showcase();
        if (!showcase.isEmpty() && (showcase.project().equals(inventory.file().project())
                || showcase.project().equals(inventory.dataset().project()))) {
            throw DxException.invalidInput("The showcase project must differ from the file and dataset projects:"
                    + " authorized users get access to it");
        }
        object(inventory.file(), "file", "file", directory);
        object(inventory.dataset(), "dataset", "record", directory);
        object(showcase, "showcase", "record", directory);
        if (inventory.dataTypeGroups() != null) {
            object(inventory.dataTypeGroups(), "dataTypeGroups", "file", directory);
        }
        for (Assay assay : inventory.assays()) {
            project(assay.project(), "assays.project", directory);
            project(assay.workingProject(), "assays.workingProject", directory);
            object(new ObjectRef(assay.project(), assay.dataset()), "assays.dataset", "record", directory);
            if (!directory.databaseNameExists(assay.assayPidMapDatabase())) {
                throw DxException.invalidInput("assayPidMapDatabase " + assay.assayPidMapDatabase()
                        + " does not name an existing database");
            }
        }
        for (String projectId : projects(inventory)) {
            ProjectFacts project = project(projectId, "inventory", directory);
            if (!billTo.equals(project.billTo())) {
                throw DxException.invalidInput("All inventory projects must have the same billTo as the TRE; "
                        + projectId + " is billed to " + project.billTo());
            }
            if (!region.equals(project.region())) {
                throw DxException.invalidInput("All inventory projects must be in the TRE's region " + region + "; "
                        + projectId + " is in " + project.region());
            }
        }
    }

    private static ProjectFacts project(String projectId, String field, TreDirectory directory) {
        return directory.project(projectId).orElseThrow(() -> DxException.invalidInput(
                field + " must reference a valid project; " + projectId + " is not one"));
    }

    private static void object(ObjectRef ref, String field, String expectedClass, TreDirectory directory) {
        if (ref.isEmpty()) {
            return;
        }
        project(ref.project(), field + ".project", directory);
        ObjectFacts object = directory.object(ref.id()).orElseThrow(() -> DxException.invalidInput(
                field + ".id must reference a valid object; " + ref.id() + " is not one"));
        if (!object.projects().contains(ref.project())) {
            throw DxException.invalidInput(field + ".id " + ref.id() + " is not in the project " + ref.project());
        }
        if (!expectedClass.equals(object.objectClass())) {
            throw DxException.invalidType(field + ".id must be a " + expectedClass + ", not a " + object.objectClass());
        }
    }
}
