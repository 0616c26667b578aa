package org.tre.messages.tre;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.tre.messages.Requester;
import org.tre.messages.execution.ExecutionRestriction;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Commands of the Tre aggregate, one per route of tre-api.md. A command a route sends carries its
 * {@link Requester}; the ones sagas send carry none, as nobody asked for them.
 */
public final class TreCommands {

    private TreCommands() {
    }

    public record CreateTreCommand(@TargetAggregateIdentifier String treId,
                                   String handle,
                                   String name,
                                   String description,
                                   String summary,
                                   String billTo,
                                   String region,
                                   boolean customizedRateCard,
                                   boolean customizedURL,
                                   Requester requester) {
    }

    /**
     * Null means "not given". {@code supportOrgGiven} tells a null supportOrg that clears it from one
     * that was not given.
     */
    public record UpdateTreCommand(@TargetAggregateIdentifier String treId,
                                   String name,
                                   String description,
                                   String summary,
                                   String billTo,
                                   String region,
                                   boolean supportOrgGiven,
                                   String supportOrg,
                                   Boolean allowSupportAccess,
                                   Boolean customizedRateCard,
                                   Boolean customizedURL,
                                   Requester requester) {
    }

    public record SetInventoryCommand(@TargetAggregateIdentifier String treId, Inventory inventory,
                                      Requester requester) {
    }

    /** Only the named policies change; a null value stops enforcing that policy. */
    public record SetPoliciesCommand(@TargetAggregateIdentifier String treId, Map<String, Boolean> policies,
                                     Requester requester) {
    }

    public record AddTreAdminsCommand(@TargetAggregateIdentifier String treId, List<String> users,
                                      Requester requester) {
    }

    public record RemoveTreAdminsCommand(@TargetAggregateIdentifier String treId, List<String> users,
                                         Requester requester) {
    }

    public record AddAuthorizedUsersCommand(@TargetAggregateIdentifier String treId, List<String> users,
                                            Requester requester) {
    }

    public record RemoveAuthorizedUsersCommand(@TargetAggregateIdentifier String treId, List<String> users,
                                               Requester requester) {
    }

    public record AddApplicationReviewStepCommand(@TargetAggregateIdentifier String treId, String reviewStepId,
                                                  String name, String description, Requester requester) {
    }

    public record UpdateApplicationReviewStepCommand(@TargetAggregateIdentifier String treId, String reviewStepId,
                                                     String name, String description, Requester requester) {
    }

    public record RemoveApplicationReviewStepCommand(@TargetAggregateIdentifier String treId, String reviewStepId,
                                                     Requester requester) {
    }

    public record AddApplicationReviewersCommand(@TargetAggregateIdentifier String treId, String reviewStepId,
                                                 List<String> users, Requester requester) {
    }

    public record RemoveApplicationReviewersCommand(@TargetAggregateIdentifier String treId, String reviewStepId,
                                                    List<String> users, Requester requester) {
    }

    public record ActivateTreCommand(@TargetAggregateIdentifier String treId, Requester requester) {
    }

    public record DeactivateTreCommand(@TargetAggregateIdentifier String treId, Requester requester) {
    }

    /** Sent by the provisioning saga once the robot, working project and queue exist. */
    public record RecordTreProvisioningCommand(@TargetAggregateIdentifier String treId, String robotUser,
                                               String workingProject, String dispensalQueue) {
    }

    /**
     * From the provisioning saga when an activation's provisioning is still unfinished after its last
     * attempt: the TRE records the failure and stops waiting for it. Answers whether it was still waiting.
     */
    public record AbandonTreProvisioningCommand(@TargetAggregateIdentifier String treId, String reason) {
    }

    /** Sent by a saga or reconciler whose step failed for good, so the failure is never lost silently. */
    public record RecordTreSideEffectFailureCommand(@TargetAggregateIdentifier String treId, String effect,
                                                    String reason) {
    }

    /** From the policy synchronization saga: the projects up to {@code cursor} carry the policies. */
    public record RecordPolicySyncProgressCommand(@TargetAggregateIdentifier String treId, String syncId,
                                                  String cursor, long done, boolean finished) {
    }

    /**
     * From the policy synchronization saga when a batch keeps failing past its retries: the TRE records
     * the failure and stops waiting for the synchronization. Answers whether it was still the TRE's.
     */
    public record AbandonPolicySyncCommand(@TargetAggregateIdentifier String treId, String syncId, String reason) {
    }

    public record DeleteTreCommand(@TargetAggregateIdentifier String treId, Requester requester) {
    }

    /**
     * A dispensal job heads the TRE's queue: the TRE records it with the inventory version active now.
     * Asked again for a job it has recorded, it changes nothing.
     */
    public record StartTreDispensalCommand(@TargetAggregateIdentifier String treId, String jobId, String requestId,
                                           String projectId, List<String> fields, String cohort,
                                           String requestedBy) {
    }

    /**
     * The dispensal's copies answered, or its saga gave up: {@code failureReason} null for done.
     * {@code objects}: those now in the project; null when the saga gave up without knowing.
     */
    public record FinishTreDispensalCommand(@TargetAggregateIdentifier String treId, String jobId, String requestId,
                                            String projectId, List<String> objects, String failureReason,
                                            String failureMessage, String requestedBy) {
    }

    /**
     * An execution in one of the TRE's projects that an execution restriction refused (tre-api.md,
     * "Execution Restrictions"), sent by the service before it answers the refusal: governance wants
     * to see the attempts, not only what ran. {@code action} is {@code run} or {@code update};
     * {@code jobId} the job an update was refused on (null for a run, which made none). Recorded once
     * per {@code attemptId}, so a run retried with its nonce records nothing twice.
     */
    public record RecordExecutionRefusalCommand(@TargetAggregateIdentifier String treId, String attemptId,
                                                String action, String jobId, String userId, String projectId,
                                                String executable, String executableName,
                                                ExecutionRestriction restriction) {
    }
}
