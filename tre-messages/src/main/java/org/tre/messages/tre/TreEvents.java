package org.tre.messages.tre;

import org.tre.messages.execution.ExecutionRestriction;

import java.util.List;
import java.util.Map;

/** Events of the Tre aggregate, in the past tense. They carry what the side-effect sagas will need. */
public final class TreEvents {

    private TreEvents() {
    }

    /** The creator is the first TRE admin. */
    public record TreCreatedEvent(String treId, String handle, String name, String description, String summary,
                                  String billTo, String region, boolean customizedRateCard, boolean customizedURL,
                                  String createdBy) {
    }

    /** Null fields did not change; {@code supportOrgChanged} tells a cleared supportOrg from an unchanged one. */
    public record TreUpdatedEvent(String treId, String name, String description, String summary, String billTo,
                                  String region, boolean supportOrgChanged, String supportOrg,
                                  Boolean allowSupportAccess, Boolean customizedRateCard, Boolean customizedURL) {
    }

    /** {@code replacedPending}: the pending inventory was replaced in place rather than a new one added. */
    public record TreInventorySetEvent(String treId, Inventory inventory, boolean replacedPending) {
    }

    /** {@code changed}: the policies this call changed; {@code policies}: all ten after it. */
    public record TrePoliciesSetEvent(String treId, Map<String, Boolean> changed, Map<String, Boolean> policies) {
    }

    public record TreAdminsAddedEvent(String treId, List<String> users) {
    }

    public record TreAdminsRemovedEvent(String treId, List<String> users) {
    }

    /** {@code authorizedUsers}: the whole list after the change (PUBLIC replaces every other entry). */
    public record AuthorizedUsersAddedEvent(String treId, List<String> added, List<String> authorizedUsers) {
    }

    public record AuthorizedUsersRemovedEvent(String treId, List<String> removed, List<String> authorizedUsers) {
    }

    public record ApplicationReviewStepAddedEvent(String treId, String reviewStepId, String name,
                                                  String description) {
    }

    public record ApplicationReviewStepUpdatedEvent(String treId, String reviewStepId, String name,
                                                    String description) {
    }

    public record ApplicationReviewStepRemovedEvent(String treId, String reviewStepId, List<String> reviewers) {
    }

    public record ApplicationReviewersAddedEvent(String treId, String reviewStepId, List<String> users) {
    }

    public record ApplicationReviewersRemovedEvent(String treId, String reviewStepId, List<String> users) {
    }

    /**
     * {@code activatedVersion}: the inventory now active (null when activating from amending kept the
     * active one); {@code deactivatedVersion}: the one it replaced, if any.
     */
    public record TreActivatedEvent(String treId, String activatedVersion, String deactivatedVersion, String billTo,
                                    String region) {
    }

    /**
     * The robot, working project and dispensal queue activation provisioned (DECISIONS.md §8): once for
     * each activation, when its provisioning has finished, and again whenever they change.
     */
    public record TreProvisionedEvent(String treId, String robotUser, String workingProject, String dispensalQueue) {
    }

    /**
     * An activation's provisioning did not finish by its last deadline and was given up (the failure is
     * recorded beside it as a side-effect failure); the next activation provisions again.
     */
    public record TreProvisioningAbandonedEvent(String treId) {
    }

    /** A side effect that could not be carried out after its retries; admins see it in describe. */
    public record TreSideEffectFailedEvent(String treId, String effect, String reason) {
    }

    public record TreDeactivatedEvent(String treId) {
    }

    /**
     * Before data access requests the TRE allowed projects itself (DECISIONS.md §12, superseded by §15).
     * No handler applies it now; it stays so that stores written then still load and show it in history.
     */
    public record TreProjectAuthorizedEvent(String treId, String projectId, String name, String summary,
                                            String description, List<String> tags, Map<String, String> properties,
                                            String billTo, String region, Map<String, Boolean> flags,
                                            String requestedBy) {
    }

    /**
     * A policy change must reach every existing TRE project; until it has, no TRE project is created.
     * {@code policies}: all ten, as they now are.
     */
    public record TrePolicySyncStartedEvent(String treId, String syncId, Map<String, Boolean> policies,
                                            long projects) {
    }

    public record TrePolicySyncProgressedEvent(String treId, String syncId, String cursor, long pending) {
    }

    public record TrePolicySyncFinishedEvent(String treId, String syncId) {
    }

    /** A newer policy change started its own synchronization: this one stops where it is. */
    public record TrePolicySyncSupersededEvent(String treId, String syncId) {
    }

    /**
     * The synchronization could not finish by its deadline and was given up (the failure is recorded
     * beside it as a side-effect failure); TRE projects may be created again, and the next
     * {@code setPolicies} synchronizes every project, even when it changes no value.
     */
    public record TrePolicySyncAbandonedEvent(String treId, String syncId) {
    }

    public record TreDeletedEvent(String treId, List<String> admins) {
    }

    /** An object a dispensal copies: where it comes from. Its id stays the same in the request project. */
    public record DispensedObject(String sourceProject, String objectId) {
    }

    /**
     * A dispensal started (DECISIONS.md §15): the inventory version active at this moment, the TRE's
     * policies then, and every object that version gives the request's fields. The governance record of
     * what a project received starts here.
     */
    public record TreDispensalStartedEvent(String treId, String jobId, String requestId, String projectId,
                                           String inventoryVersion, Map<String, Boolean> policies, String robotUser,
                                           List<String> fields, String cohort, List<DispensedObject> objects,
                                           String requestedBy) {
    }

    /** Every object of the dispensal is in the project, marked dispensed. */
    public record TreDispensalFinishedEvent(String treId, String jobId, String requestId, String projectId,
                                            String inventoryVersion, List<String> objects, String requestedBy) {
    }

    /**
     * The dispensal failed: {@code objects} are those it had placed (they stay, marked dispensed; null
     * when unknown), {@code inventoryVersion} null when it never started.
     */
    public record TreDispensalFailedEvent(String treId, String jobId, String requestId, String projectId,
                                          String inventoryVersion, List<String> objects, String failureReason,
                                          String failureMessage, String requestedBy) {
    }

    /** Who tried to run which executable in which of the TRE's projects, and which restriction refused it. */
    public record TreExecutionRefusedEvent(String treId, String attemptId, String action, String jobId,
                                           String userId, String projectId, String executable,
                                           String executableName,
                                           ExecutionRestriction restriction) {
    }
}
