package org.tre.query.tre;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import org.tre.messages.project.ProjectGrants;
import org.tre.messages.tre.Inventory;
import org.tre.messages.tre.Inventory.Assay;
import org.tre.messages.tre.Inventory.VersionState;
import org.tre.messages.tre.Policies;
import org.tre.messages.tre.TreState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The whole admin view of a TRE, as describe shows it to admins (tre-api.md "Outputs",
 * DECISIONS.md §5, §6, §7, §9). Immutable: {@link TreFold} makes each next view from the last.
 * Stored as one JSON document whose shape is also describe's output, so every component keeps the
 * name and JSON shape of its describe field.
 */
public record TreView(String id,
                      String name,
                      String description,
                      String summary,
                      String handle,
                      String region,
                      String billTo,
                      TreState state,
                      WorkspacePolicies policies,
                      List<InventoryDetail> inventoryDetails,
                      List<String> treAdmins,
                      List<String> authorizedUsers,
                      boolean customizedRateCard,
                      boolean customizedURL,
                      String supportOrg,
                      boolean allowSupportAccess,
                      Map<String, ReviewStep> applicationReviewSteps,
                      long created,
                      long modified,
                      String robotUser,
                      String workingProject,
                      String dispensalQueue,
                      List<SideEffectFailure> sideEffectFailures,
                      PolicySync policySync) {

    public TreView {
        inventoryDetails = frozen(inventoryDetails);
        treAdmins = frozen(treAdmins);
        authorizedUsers = frozen(authorizedUsers);
        sideEffectFailures = frozen(sideEffectFailures);
        // Insertion order is describe's order of the steps, so the copy keeps it.
        applicationReviewSteps = applicationReviewSteps == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(applicationReviewSteps));
        policies = policies == null ? WorkspacePolicies.NONE : policies;
        policySync = policySync == null ? PolicySync.IDLE : policySync;
    }

    /** The inventory grants and showcase follow; empty before the first activation. */
    public Optional<InventoryDetail> activeInventory() {
        return inventoryIn(VersionState.active);
    }

    /** The inventory the next activation makes active, if one is set. */
    public Optional<InventoryDetail> pendingInventory() {
        return inventoryIn(VersionState.pending);
    }

    private Optional<InventoryDetail> inventoryIn(VersionState state) {
        return inventoryDetails.stream().filter(detail -> detail.state() == state).findFirst();
    }

    /** describe's {@code public}: true exactly when PUBLIC is an authorized user (DECISIONS.md §4). */
    public boolean listsPublic() {
        return authorizedUsers.contains(ProjectGrants.PUBLIC);
    }

    /** Everyone on any review step, each once, in step order. */
    public Set<String> reviewers() {
        Set<String> reviewers = new LinkedHashSet<>();
        applicationReviewSteps.values().forEach(step -> reviewers.addAll(step.reviewers()));
        return reviewers;
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    private static <T> List<T> frozen(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /**
     * The ten policies of tre-api.md "TRE Policies", in the order of {@link Policies#KEYS}:
     * each true, false, or null (not enforced). Named components, so a policy is read by name, not by key.
     */
    public record WorkspacePolicies(Boolean restricted,
                                    @JsonProperty("protected") Boolean protectedData,
                                    Boolean downloadRestricted,
                                    Boolean externalUploadRestricted,
                                    Boolean previewViewerRestricted,
                                    Boolean databaseUIViewOnly,
                                    Boolean containsPHI,
                                    Boolean httpsAppIsolatedBrowsing,
                                    Boolean jobOutboundInternet,
                                    Boolean displayDataProtectionNotice) {

        public static final WorkspacePolicies NONE = new WorkspacePolicies(null, null, null, null, null, null, null,
                null, null, null);

        /**
         * These policies with the keyed changes an event carries laid over them: a key the changes name
         * takes their value, null included; a key they omit keeps its value.
         */
        public WorkspacePolicies merge(Map<String, Boolean> changes) {
            return new WorkspacePolicies(pick(changes, "restricted", restricted),
                    pick(changes, "protected", protectedData),
                    pick(changes, "downloadRestricted", downloadRestricted),
                    pick(changes, "externalUploadRestricted", externalUploadRestricted),
                    pick(changes, "previewViewerRestricted", previewViewerRestricted),
                    pick(changes, "databaseUIViewOnly", databaseUIViewOnly),
                    pick(changes, Policies.CONTAINS_PHI, containsPHI),
                    pick(changes, "httpsAppIsolatedBrowsing", httpsAppIsolatedBrowsing),
                    pick(changes, "jobOutboundInternet", jobOutboundInternet),
                    pick(changes, "displayDataProtectionNotice", displayDataProtectionNotice));
        }

        private static Boolean pick(Map<String, Boolean> changes, String key, Boolean current) {
            return changes.containsKey(key) ? changes.get(key) : current;
        }
    }

    /**
     * One entry of {@code inventoryDetails} (DECISIONS.md §6); {@code activated} is null until it is.
     * {@code dataTypeGroups} is null where the inventory has none; the other links are never null.
     */
    public record InventoryDetail(String version,
                                  VersionState state,
                                  Long activated,
                                  long created,
                                  ObjectLink file,
                                  ObjectLink dataset,
                                  ObjectLink showcase,
                                  ObjectLink dataTypeGroups,
                                  List<Assay> assays) {

        public InventoryDetail {
            file = file == null ? ObjectLink.EMPTY : file;
            dataset = dataset == null ? ObjectLink.EMPTY : dataset;
            showcase = showcase == null ? ObjectLink.EMPTY : showcase;
            assays = frozen(assays);
        }

        /** As {@code setInventory} gave it, at {@code at}: pending until an activation. */
        public static InventoryDetail pending(Inventory inventory, long at) {
            return new InventoryDetail(inventory.version(), VersionState.pending, null, at,
                    ObjectLink.of(inventory.file()), ObjectLink.of(inventory.dataset()),
                    ObjectLink.of(inventory.showcase()),
                    inventory.dataTypeGroups() == null ? null : ObjectLink.of(inventory.dataTypeGroups()),
                    inventory.assays());
        }

        /**
         * Every project this inventory names (DECISIONS.md §6): file, dataset, showcase and data type
         * groups projects, and each assay's project and working project.
         */
        public Set<String> projects() {
            Set<String> projects = new LinkedHashSet<>();
            for (ObjectLink link : Arrays.asList(file, dataset, showcase, dataTypeGroups)) {
                if (link != null && link.project() != null) {
                    projects.add(link.project());
                }
            }
            for (Assay assay : assays) {
                projects.add(assay.project());
                projects.add(assay.workingProject());
            }
            return projects;
        }

        public InventoryDetail activatedAt(long at) {
            return new InventoryDetail(version, VersionState.active, at, created, file, dataset, showcase,
                    dataTypeGroups, assays);
        }

        public InventoryDetail deactivated() {
            return new InventoryDetail(version, VersionState.inactive, activated, created, file, dataset, showcase,
                    dataTypeGroups, assays);
        }
    }

    /**
     * A project and an object in it, written as describe shows it: {@code {}} when the inventory left it
     * empty, otherwise both keys, even where one is null.
     */
    public record ObjectLink(String project, String id) {

        public static final ObjectLink EMPTY = new ObjectLink(null, null);

        public static ObjectLink of(Inventory.ObjectRef ref) {
            return ref == null || ref.isEmpty() ? EMPTY : new ObjectLink(ref.project(), ref.id());
        }

        public boolean isEmpty() {
            return project == null && id == null;
        }

        @JsonValue
        private Map<String, String> json() {
            Map<String, String> json = new LinkedHashMap<>();
            if (!isEmpty()) {
                json.put("project", project);
                json.put("id", id);
            }
            return json;
        }

        @JsonCreator
        private static ObjectLink fromJson(Map<String, String> json) {
            return new ObjectLink(json.get("project"), json.get("id"));
        }
    }

    /** describe's {@code applicationReviewSteps} values (DECISIONS.md §5). */
    public record ReviewStep(String name, String description, List<String> reviewers) {

        public ReviewStep {
            reviewers = frozen(reviewers);
        }
    }

    /** A side effect that failed after its retries (DECISIONS.md §8); admins see it until the TRE is gone. */
    public record SideEffectFailure(String effect, String reason, long at) {
    }

    /** DECISIONS.md §7: admins see the synchronization of a policy change to the TRE's projects. */
    public record PolicySync(PolicySyncState state, long pending) {

        public static final PolicySync IDLE = new PolicySync(PolicySyncState.idle, 0);
    }

    public enum PolicySyncState {
        idle,
        syncing
    }

    /** A view to change: {@link TreFold} copies the last view into one, changes it, and builds the next. */
    static final class Builder {
        String id;
        String name;
        String description;
        String summary;
        String handle;
        String region;
        String billTo;
        TreState state;
        WorkspacePolicies policies;
        List<InventoryDetail> inventoryDetails;
        List<String> treAdmins;
        List<String> authorizedUsers;
        boolean customizedRateCard;
        boolean customizedURL;
        String supportOrg;
        boolean allowSupportAccess;
        Map<String, ReviewStep> applicationReviewSteps;
        long created;
        long modified;
        String robotUser;
        String workingProject;
        String dispensalQueue;
        List<SideEffectFailure> sideEffectFailures;
        PolicySync policySync;

        Builder() {
            policies = WorkspacePolicies.NONE;
            inventoryDetails = new ArrayList<>();
            treAdmins = new ArrayList<>();
            authorizedUsers = new ArrayList<>();
            applicationReviewSteps = new LinkedHashMap<>();
            sideEffectFailures = new ArrayList<>();
            policySync = PolicySync.IDLE;
        }

        private Builder(TreView view) {
            id = view.id;
            name = view.name;
            description = view.description;
            summary = view.summary;
            handle = view.handle;
            region = view.region;
            billTo = view.billTo;
            state = view.state;
            policies = view.policies;
            inventoryDetails = new ArrayList<>(view.inventoryDetails);
            treAdmins = new ArrayList<>(view.treAdmins);
            authorizedUsers = new ArrayList<>(view.authorizedUsers);
            customizedRateCard = view.customizedRateCard;
            customizedURL = view.customizedURL;
            supportOrg = view.supportOrg;
            allowSupportAccess = view.allowSupportAccess;
            applicationReviewSteps = new LinkedHashMap<>(view.applicationReviewSteps);
            created = view.created;
            modified = view.modified;
            robotUser = view.robotUser;
            workingProject = view.workingProject;
            dispensalQueue = view.dispensalQueue;
            sideEffectFailures = new ArrayList<>(view.sideEffectFailures);
            policySync = view.policySync;
        }

        TreView build() {
            return new TreView(id, name, description, summary, handle, region, billTo, state, policies,
                    inventoryDetails, treAdmins, authorizedUsers, customizedRateCard, customizedURL, supportOrg,
                    allowSupportAccess, applicationReviewSteps, created, modified, robotUser, workingProject,
                    dispensalQueue, sideEffectFailures, policySync);
        }
    }
}
