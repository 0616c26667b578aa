package org.tre.api.tre;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/** {@code /tre-xxxx/setInventory}: shape, references, versions and states (tre-api.md, DECISIONS.md §6, §12). */
class TreInventoryRoutesTest extends TreApiTest {

    private Dx.Response set(String tre, Object input) {
        return call(tre, "setInventory", admin.token(), input);
    }

    private ObjectNode assay(ObjectNode inventory) {
        return (ObjectNode) inventory.get("assays").get(0);
    }

    /** Nothing stored: the draft TRE still has no inventory. */
    private void nothingStored(String tre) {
        assertThat(describe(tre, admin.token()).get("inventoryDetails")).isEmpty();
    }

    @Test
    void theShapeOfTheInput() {
        String tre = newTre();
        for (String key : List.of("file", "dataset", "showcase", "assays", "version")) {
            ObjectNode input = inventory("1.0.0");
            input.remove(key);
            assertError(set(tre, input), 422, "InvalidInput");
        }
        List<ObjectNode> bad = new ArrayList<>();
        ObjectNode unknownTop = inventory("1.0.0");
        unknownTop.put("colour", "blue");
        bad.add(unknownTop);
        ObjectNode fileNotMapping = inventory("1.0.0");
        fileNotMapping.put("file", file);
        bad.add(fileNotMapping);
        ObjectNode extraKeyInRef = inventory("1.0.0");
        ((ObjectNode) extraKeyInRef.get("dataset")).put("name", "x");
        bad.add(extraKeyInRef);
        ObjectNode refWithoutId = inventory("1.0.0");
        ((ObjectNode) refWithoutId.get("showcase")).remove("id");
        bad.add(refWithoutId);
        ObjectNode refWithoutProject = inventory("1.0.0");
        ((ObjectNode) refWithoutProject.get("file")).remove("project");
        bad.add(refWithoutProject);
        ObjectNode emptyGroups = inventory("1.0.0");
        emptyGroups.set("dataTypeGroups", Dx.obj());
        bad.add(emptyGroups);
        ObjectNode extraKeyInGroups = inventory("1.0.0");
        ((ObjectNode) extraKeyInGroups.get("dataTypeGroups")).put("folder", "/");
        bad.add(extraKeyInGroups);
        ObjectNode assaysNotArray = inventory("1.0.0");
        assaysNotArray.set("assays", Dx.obj());
        bad.add(assaysNotArray);
        ObjectNode assayNotMapping = inventory("1.0.0");
        assayNotMapping.set("assays", Dx.JSON.valueToTree(List.of("genotype")));
        bad.add(assayNotMapping);
        for (String key : List.of("entity", "project", "workingProject", "dataset", "assayPidMapDatabase")) {
            ObjectNode missing = inventory("1.0.0");
            assay(missing).remove(key);
            bad.add(missing);
        }
        ObjectNode assayExtraKey = inventory("1.0.0");
        assay(assayExtraKey).put("version", "1");
        bad.add(assayExtraKey);
        ObjectNode notAProjectId = inventory("1.0.0");
        ((ObjectNode) notAProjectId.get("file")).put("project", org);
        bad.add(notAProjectId);
        ObjectNode idNotString = inventory("1.0.0");
        ((ObjectNode) idNotString.get("file")).put("id", 5);
        bad.add(idNotString);
        ObjectNode versionNotString = inventory("1.0.0");
        versionNotString.put("version", 1);
        bad.add(versionNotString);
        for (ObjectNode input : bad) {
            assertError(set(tre, input), 422, "InvalidInput");
        }
        nothingStored(tre);
    }

    @Test
    void emptyMappingsAndArrays() {
        String tre = newTre();
        // Both file and dataset empty: refused.
        ObjectNode neither = inventory("1.0.0");
        neither.set("file", Dx.obj());
        neither.set("dataset", Dx.obj());
        assertError(set(tre, neither), 422, "InvalidInput");
        nothingStored(tre);
        // One of them, an empty showcase, no assays, no dataTypeGroups: valid.
        ObjectNode fileOnly = inventory("1.0.0");
        fileOnly.set("dataset", Dx.obj());
        fileOnly.set("showcase", Dx.obj());
        fileOnly.set("assays", Dx.JSON.createArrayNode());
        fileOnly.remove("dataTypeGroups");
        ok(tre, "setInventory", fileOnly);
        JsonNode detail = describe(tre, admin.token()).get("inventoryDetails").get(0);
        assertThat(detail.get("dataset")).isEmpty();
        assertThat(detail.get("showcase")).isEmpty();
        assertThat(detail.get("file").get("id").asText()).isEqualTo(file);
        ObjectNode datasetOnly = inventory("1.0.1");
        datasetOnly.set("file", Dx.obj());
        ok(tre, "setInventory", datasetOnly);
        JsonNode details = describe(tre, admin.token()).get("inventoryDetails");
        assertThat(details).hasSize(1);
        assertThat(details.get(0).get("file")).isEmpty();
        assertThat(details.get(0).get("version").asText()).isEqualTo("1.0.1");
        assertThat(details.get(0).get("dataTypeGroups").get("id").asText()).isEqualTo(groupsFile);
    }

    @Test
    void versionsAreStrictSemver() {
        String tre = newTre();
        for (String version : List.of("1.0", "1", "1.0.0.0", "1.0.0-beta", "1.0.0-rc.1", "1.0.0+build", "01.0.0",
                "1.00.0", "1.0.01", "v1.0.0", "", "a.b.c", " 1.0.0", "-1.0.0")) {
            assertError(set(tre, inventory(version)), 422, "InvalidInput");
        }
        nothingStored(tre);
        ok(tre, "setInventory", inventory("0.0.0"));
        ok(tre, "setInventory", inventory("10.20.30"));
        assertThat(describe(tre, admin.token()).get("inventoryDetails").get(0).get("version").asText())
                .isEqualTo("10.20.30");
    }

    @Test
    void referencesMustNameRealProjectsAndObjects() {
        String tre = newTre();
        String noProject = "project-0123456789BFGJKPQVXYZbfg";
        String otherFile = create("/file/new", Dx.obj("project", showcaseProject, "name", "elsewhere.tsv"));
        List<ObjectNode> invalid = new ArrayList<>();
        ObjectNode showcaseInDataProject = inventory("1.0.0");
        showcaseInDataProject.set("showcase", Dx.obj("project", dataProject, "id", dataset));
        invalid.add(showcaseInDataProject);
        ObjectNode unknownProject = inventory("1.0.0");
        ((ObjectNode) unknownProject.get("file")).put("project", noProject);
        invalid.add(unknownProject);
        ObjectNode unknownFile = inventory("1.0.0");
        ((ObjectNode) unknownFile.get("file")).put("id", "file-0123456789BFGJKPQVXYZbfg");
        invalid.add(unknownFile);
        ObjectNode fileInOtherProject = inventory("1.0.0");
        ((ObjectNode) fileInOtherProject.get("file")).put("id", otherFile);
        invalid.add(fileInOtherProject);
        ObjectNode unknownDataset = inventory("1.0.0");
        ((ObjectNode) unknownDataset.get("dataset")).put("id", "record-0123456789BFGJKPQVXYZbfg");
        invalid.add(unknownDataset);
        ObjectNode showcaseNotInProject = inventory("1.0.0");
        ((ObjectNode) showcaseNotInProject.get("showcase")).put("id", dataset);
        invalid.add(showcaseNotInProject);
        ObjectNode groupsUnknownProject = inventory("1.0.0");
        ((ObjectNode) groupsUnknownProject.get("dataTypeGroups")).put("project", noProject);
        invalid.add(groupsUnknownProject);
        ObjectNode groupsUnknownFile = inventory("1.0.0");
        ((ObjectNode) groupsUnknownFile.get("dataTypeGroups")).put("id", "file-0123456789BFGJKPQVXYZbfg");
        invalid.add(groupsUnknownFile);
        ObjectNode assayUnknownProject = inventory("1.0.0");
        assay(assayUnknownProject).put("project", noProject);
        invalid.add(assayUnknownProject);
        ObjectNode assayUnknownWorkingProject = inventory("1.0.0");
        assay(assayUnknownWorkingProject).put("workingProject", noProject);
        invalid.add(assayUnknownWorkingProject);
        ObjectNode assayDatasetElsewhere = inventory("1.0.0");
        assay(assayDatasetElsewhere).put("dataset", showcase);
        invalid.add(assayDatasetElsewhere);
        ObjectNode assayUnknownDatabase = inventory("1.0.0");
        assay(assayUnknownDatabase).put("assayPidMapDatabase", unique("nodb"));
        invalid.add(assayUnknownDatabase);
        for (ObjectNode input : invalid) {
            assertError(set(tre, input), 422, "InvalidInput");
        }
        nothingStored(tre);
    }

    @Test
    void anObjectOfTheWrongClassIsInvalidType() {
        String tre = newTre();
        String showcaseFile = create("/file/new", Dx.obj("project", showcaseProject, "name", "showcase.tsv"));
        List<ObjectNode> wrong = new ArrayList<>();
        ObjectNode fileIsRecord = inventory("1.0.0");
        ((ObjectNode) fileIsRecord.get("file")).put("id", dataset);
        wrong.add(fileIsRecord);
        ObjectNode datasetIsFile = inventory("1.0.0");
        ((ObjectNode) datasetIsFile.get("dataset")).put("id", file);
        wrong.add(datasetIsFile);
        ObjectNode showcaseIsFile = inventory("1.0.0");
        ((ObjectNode) showcaseIsFile.get("showcase")).put("id", showcaseFile);
        wrong.add(showcaseIsFile);
        ObjectNode groupsIsRecord = inventory("1.0.0");
        ((ObjectNode) groupsIsRecord.get("dataTypeGroups")).put("id", dataset);
        wrong.add(groupsIsRecord);
        ObjectNode assayDatasetIsFile = inventory("1.0.0");
        assay(assayDatasetIsFile).put("dataset", file);
        wrong.add(assayDatasetIsFile);
        for (ObjectNode input : wrong) {
            assertError(set(tre, input), 422, "InvalidType");
        }
        nothingStored(tre);
    }

    @Test
    void inventoryProjectsAreAdministeredByTheCallerInTheTresBillToAndRegion() {
        String tre = newTre();
        // A project of the same org that the admin holds no access to.
        Person colleague = person("colleague");
        member(org, admin.token(), colleague.id(), "level", "MEMBER", "allowBillableActivities", true);
        String theirs = create("/project/new", colleague.token(), Dx.obj("name", "theirs", "billTo", org,
                "region", REGION));
        String theirRecord = create("/record/new", colleague.token(), Dx.obj("project", theirs, "name", "sc"));
        ObjectNode notAdministered = inventory("1.0.0");
        notAdministered.set("showcase", Dx.obj("project", theirs, "id", theirRecord));
        assertError(set(tre, notAdministered), 422, "InvalidInput");
        // VIEW is not enough either.
        dx().post("/" + theirs + "/invite", colleague.token(), Dx.obj("invitee", admin.id(), "level", "VIEW"))
                .expectOk();
        assertError(set(tre, notAdministered), 422, "InvalidInput");
        dx().post("/" + theirs + "/invite", colleague.token(), Dx.obj("invitee", admin.id(), "level", "ADMINISTER"))
                .expectOk();
        ok(tre, "setInventory", notAdministered);

        // A project billed to another org.
        String otherOrg = newOrg(admin.token());
        setLicenses(otherOrg, "billable", true, "permittedRegions", List.of(REGION));
        String foreign = create("/project/new", Dx.obj("name", "foreign", "billTo", otherOrg, "region", REGION));
        String foreignRecord = create("/record/new", Dx.obj("project", foreign, "name", "sc"));
        ObjectNode otherBillTo = inventory("1.0.1");
        otherBillTo.set("showcase", Dx.obj("project", foreign, "id", foreignRecord));
        assertError(set(tre, otherBillTo), 422, "InvalidInput");

        // A project in another region.
        String far = create("/project/new", Dx.obj("name", "far", "billTo", org, "region", OTHER_REGION));
        String farRecord = create("/record/new", Dx.obj("project", far, "name", "sc"));
        ObjectNode otherRegion = inventory("1.0.1");
        otherRegion.set("showcase", Dx.obj("project", far, "id", farRecord));
        assertError(set(tre, otherRegion), 422, "InvalidInput");
        // An assay's working project counts as an inventory project too.
        ObjectNode farWorkingProject = inventory("1.0.1");
        assay(farWorkingProject).put("workingProject", far);
        assertError(set(tre, farWorkingProject), 422, "InvalidInput");

        assertThat(describe(tre, admin.token()).get("inventoryDetails").get(0).get("version").asText())
                .isEqualTo("1.0.0");
    }

    @Test
    void notInActiveAndGreaterVersionsInAmending() {
        Person reviewer = person("rev");
        String tre = activeTre(reviewer);
        assertError(set(tre, inventory("2.0.0")), 422, "InvalidState");
        // Shape still comes first.
        assertError(set(tre, inventory("2.0")), 422, "InvalidInput");
        ok(tre, "deactivate", Dx.obj());
        assertError(set(tre, inventory("1.0.0")), 422, "InvalidInput");
        assertError(set(tre, inventory("0.9.9")), 422, "InvalidInput");
        ok(tre, "setInventory", inventory("1.0.10"));
        ok(tre, "setInventory", inventory("1.0.2"));
        JsonNode details = describe(tre, admin.token()).get("inventoryDetails");
        assertThat(details).hasSize(2);
        assertThat(details.get(0).get("version").asText()).isEqualTo("1.0.2");
        assertThat(details.get(0).get("state").asText()).isEqualTo("pending");
        assertThat(details.get(1).get("state").asText()).isEqualTo("active");
        ok(tre, "setInventory", inventory("1.0.10"));
        assertThat(describe(tre, admin.token()).get("inventory").asText()).isEqualTo("1.0.0");
        ok(tre, "activate", Dx.obj());
        assertThat(describe(tre, admin.token()).get("inventory").asText()).isEqualTo("1.0.10");
        // Versions compare numerically: 1.0.9 is below 1.0.10 though it sorts above it as text.
        ok(tre, "deactivate", Dx.obj());
        assertError(set(tre, inventory("1.0.9")), 422, "InvalidInput");
        ok(tre, "setInventory", inventory("1.0.11"));
    }

    @Test
    void inventoryDetailsCarryEveryField() {
        String tre = newTre();
        ok(tre, "setInventory", inventory("1.2.3"));
        JsonNode detail = describe(tre, admin.token()).get("inventoryDetails").get(0);
        assertThat(fieldNames(detail)).containsExactlyInAnyOrder("version", "state", "activated", "created", "file",
                "dataset", "showcase", "dataTypeGroups", "assays");
        ArrayNode assays = (ArrayNode) detail.get("assays");
        assertThat(assays.get(0).get("assayPidMapDatabase").asText()).isEqualTo(database);
        assertThat(detail.get("created").isIntegralNumber()).isTrue();
    }
}
