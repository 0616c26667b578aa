package org.tre.tre;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.tre.messages.tre.TreEvents.TreProvisionedEvent;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.tre.support.TreWorld.*;

/**
 * A TRE's snapshot is Jackson's writing of the aggregate's fields (org-service {@code Snapshots}), and
 * a stored one loads only while those fields keep their names and types. The shape is pinned here so
 * that changing it is a decision: one that comes with a new {@code @Revision} on Tre, whose snapshot
 * filter then skips the stored snapshots rather than failing to load them.
 */
class TreSnapshotShapeTest {

    /** Like the Spring Boot mapper Axon serializes with: properties it does not know are skipped. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final List<String> FIELDS = List.of("treId", "billTo", "region", "state", "customizedRateCard",
            "supportOrg", "allowSupportAccess", "admins", "authorizedUsers", "reviewersByStep", "activeInventory",
            "pendingInventory", "policies", "policiesSet", "provisioned", "provisioningPending", "policySyncId", "policySyncs",
            "policySyncTotal", "policySyncAbandoned", "runningDispensal", "runningDispensalVersion", "dispensals",
            "refusedAttempts");

    /** A snapshot of an amending TRE with a pending version and its provisioning, as stored. */
    private static final String STORED = """
            {
              "treId": "tre-genomics",
              "billTo": "org-acme",
              "region": "aws:us-east-1",
              "state": "amending",
              "customizedRateCard": false,
              "supportOrg": null,
              "allowSupportAccess": false,
              "admins": [
                "user-alice"
              ],
              "authorizedUsers": [],
              "reviewersByStep": {
                "ethics": [
                  "user-eve"
                ]
              },
              "activeInventory": {
                "version": "1.0.0",
                "file": {
                  "project": "project-file",
                  "id": "file-inventory",
                  "empty": false
                },
                "dataset": {
                  "project": "project-data",
                  "id": "record-dataset",
                  "empty": false
                },
                "showcase": {
                  "project": "project-show",
                  "id": "record-showcase",
                  "empty": false
                },
                "dataTypeGroups": {
                  "project": "project-dtg",
                  "id": "file-dtg",
                  "empty": false
                },
                "assays": [
                  {
                    "entity": "genotype",
                    "project": "project-assay",
                    "workingProject": "project-work",
                    "dataset": "record-assay",
                    "assayPidMapDatabase": "assay_pid_map"
                  }
                ]
              },
              "pendingInventory": {
                "version": "1.1.0",
                "file": {
                  "project": "project-file",
                  "id": "file-inventory",
                  "empty": false
                },
                "dataset": {
                  "project": "project-data",
                  "id": "record-dataset",
                  "empty": false
                },
                "showcase": {
                  "project": "project-show",
                  "id": "record-showcase",
                  "empty": false
                },
                "dataTypeGroups": {
                  "project": "project-dtg",
                  "id": "file-dtg",
                  "empty": false
                },
                "assays": [
                  {
                    "entity": "genotype",
                    "project": "project-assay",
                    "workingProject": "project-work",
                    "dataset": "record-assay",
                    "assayPidMapDatabase": "assay_pid_map"
                  }
                ]
              },
              "policies": {
                "restricted": null,
                "protected": null,
                "downloadRestricted": null,
                "externalUploadRestricted": null,
                "previewViewerRestricted": null,
                "databaseUIViewOnly": null,
                "containsPHI": null,
                "httpsAppIsolatedBrowsing": null,
                "jobOutboundInternet": null,
                "displayDataProtectionNotice": null
              },
              "policiesSet": true,
              "provisioned": {
                "treId": "tre-genomics",
                "robotUser": "user-tre_genomics_robot",
                "workingProject": "project-w",
                "dispensalQueue": "dispensalQueue-q"
              },
              "policySyncId": null,
              "policySyncs": 0,
              "policySyncTotal": 0
            }
            """;

    private static Tre amendingWithAPendingVersion() throws Exception {
        Tre tre = new Tre();
        for (Object event : plus(amending(), inventorySet("1.1.0", false), new TreProvisionedEvent(TRE,
                "user-tre_genomics_robot", "project-w", "dispensalQueue-q"))) {
            Method on = Tre.class.getDeclaredMethod("on", event.getClass());
            on.setAccessible(true);
            on.invoke(tre, event);
        }
        return tre;
    }

    /** The snapshot's text read back, so numbers compare by value whatever the field's Java type. */
    private static JsonNode written(Tre tre) throws Exception {
        return JSON.readTree(JSON.writeValueAsString(tre));
    }

    @Test
    void aSnapshotHoldsTheRecordedFields() throws Exception {
        JsonNode written = written(amendingWithAPendingVersion());
        List<String> names = new ArrayList<>();
        written.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyElementsOf(FIELDS);
    }

    /**
     * The stored snapshot as the Tre writes it today: a field added since (a boolean, say) takes its
     * default when an older snapshot is loaded, so adding one needs no new revision.
     */
    private static JsonNode storedWithTheFieldsAddedSince() throws Exception {
        ObjectNode stored = (ObjectNode) JSON.readTree(STORED);
        stored.put("policySyncAbandoned", false);
        stored.put("provisioningPending", false);
        stored.putNull("runningDispensal");
        stored.putNull("runningDispensalVersion");
        stored.putArray("dispensals");
        stored.putArray("refusedAttempts");
        return stored;
    }

    @Test
    void theTreWritesTheStoredSnapshot() throws Exception {
        assertThat(written(amendingWithAPendingVersion())).isEqualTo(storedWithTheFieldsAddedSince());
    }

    @Test
    void aStoredSnapshotLoadsIntoTheSameState() throws Exception {
        assertThat(written(JSON.readValue(STORED, Tre.class))).isEqualTo(storedWithTheFieldsAddedSince());
    }
}
