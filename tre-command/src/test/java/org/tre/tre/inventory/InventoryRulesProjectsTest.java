package org.tre.tre.inventory;

import org.junit.jupiter.api.Test;
import org.tre.messages.tre.Inventory;
import org.tre.messages.tre.Inventory.Assay;
import org.tre.messages.tre.Inventory.ObjectRef;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The inventory projects of DECISIONS.md §6: every project the inventory names, each once. */
class InventoryRulesProjectsTest {

    @Test
    void everyNamedProjectIsAnInventoryProject() {
        Inventory inventory = new Inventory("1.0.0", new ObjectRef("project-file", "file-1"),
                new ObjectRef("project-data", "record-1"), new ObjectRef("project-show", "record-2"),
                new ObjectRef("project-dtg", "file-2"),
                List.of(new Assay("genotype", "project-assay", "project-work", "record-3", "db")));
        assertThat(InventoryRules.projects(inventory)).containsExactly("project-file", "project-data",
                "project-show", "project-dtg", "project-assay", "project-work");
    }

    @Test
    void emptySectionsNameNoProjectAndSharedProjectsCountOnce() {
        Inventory inventory = new Inventory("1.0.0", ObjectRef.NONE, new ObjectRef("project-data", "record-1"),
                ObjectRef.NONE, null,
                List.of(new Assay("genotype", "project-data", "project-data", "record-3", "db")));
        assertThat(InventoryRules.projects(inventory)).containsExactly("project-data");
    }
}
