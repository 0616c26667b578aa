package org.tre.messages.org;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.tre.messages.Requester;
import org.tre.messages.project.SpendingLimitsChange;

import java.util.List;
import java.util.Map;

/**
 * Commands of the Org aggregate. Each carries who asks and what their token reaches, so the aggregate
 * checks the role, then the token's scope, then its state.
 */
public final class OrgCommands {

    private OrgCommands() {
    }

    public record CreateOrgCommand(@TargetAggregateIdentifier String orgId,
                                   String handle,
                                   String name,
                                   Map<String, Object> policies,
                                   Requester requester) {
    }

    /** What DNAnexus sales would switch on; only the operator sends it. Null fields stay as they are. */
    public record SetOrgLicensesCommand(@TargetAggregateIdentifier String orgId,
                                        Boolean billable,
                                        Map<String, Boolean> licenses,
                                        List<String> permittedRegions,
                                        String defaultRegion,
                                        Boolean rateCard,
                                        Map<String, Object> pricingModelsByRegion,
                                        Requester requester) {
    }

    /** Null fields stay as they are; {@code policies} names only the policies that change. */
    public record UpdateOrgCommand(@TargetAggregateIdentifier String orgId,
                                   String name,
                                   Map<String, Object> policies,
                                   String defaultRegion,
                                   Requester requester) {
    }

    /**
     * Turns job logs forwarding on (url and Splunk token) or off (both null). The org announces the
     * change to the endpoint with the token before it records it; the event keeps only the token's
     * SHA-256, and {@link #toString()} never shows the token.
     */
    public record ConfigureJobLogsForwardingCommand(@TargetAggregateIdentifier String orgId,
                                                    String url,
                                                    String splunkToken,
                                                    Requester requester) {
        @Override
        public String toString() {
            return "ConfigureJobLogsForwardingCommand[orgId=" + orgId + ", url=" + url + ", requester=" + requester
                    + "]";
        }
    }

    /**
     * {@code invitee} is a user id or an email address, as the caller gave it. An existing user joins at
     * once; an email that belongs to no user leaves a pending invite. Answers an {@link InviteOutcome}.
     */
    public record InviteToOrgCommand(@TargetAggregateIdentifier String orgId,
                                     String inviteId,
                                     String invitee,
                                     MemberAccess access,
                                     Requester requester) {
    }

    /** {@code inviteId} null when the member already held at least that access; {@code pending} for an email. */
    public record InviteOutcome(String inviteId, boolean pending) {
    }

    /** A pending email invite takes effect for the user who now owns that email. */
    public record AcceptPendingOrgInviteCommand(@TargetAggregateIdentifier String orgId,
                                                String inviteId,
                                                String userId) {
    }

    /**
     * One change per user; a change names only what it sets. The handler applies every change it can
     * and answers with the users it could not change (not members), as the spec's partial success asks.
     */
    public record SetOrgMemberAccessCommand(@TargetAggregateIdentifier String orgId,
                                            Map<String, MemberAccessChange> changes,
                                            Requester requester) {
    }

    public record MemberAccessChange(String level,
                                     Boolean allowBillableActivities,
                                     String projectAccess,
                                     Boolean appAccess,
                                     Boolean treManagement) {
    }

    /**
     * {@code /org-xxxx/removeMember}. The membership ends at once; the member's explicit access to
     * projects and apps billed to the org is then withdrawn by a saga under {@code removalId}.
     * Answers {@code true} when that withdrawal started (its outcome is the route's answer),
     * {@code false} when nothing more happens (not a member, or nothing to revoke).
     */
    public record RemoveOrgMemberCommand(@TargetAggregateIdentifier String orgId,
                                         String userId,
                                         String removalId,
                                         boolean revokeProjectPermissions,
                                         boolean revokeAppPermissions,
                                         Requester requester) {
    }

    /**
     * From the removal's saga: project id → whether the requester was given ADMINISTER, app name →
     * whether they were made developer, and what could not be withdrawn.
     */
    public record CompleteOrgMemberAccessWithdrawalCommand(@TargetAggregateIdentifier String orgId,
                                                           String removalId,
                                                           Map<String, Boolean> projects,
                                                           Map<String, Boolean> apps,
                                                           List<String> unfinished) {
    }

    /**
     * {@code /org-xxxx/bulkUpdateProjectLimit}: the Org checks the requester, the licenses and every
     * project; a saga then sets each project's limits under {@code updateId}. Answers how many distinct
     * projects the update covers; a {@code dryRun} changes nothing.
     */
    public record UpdateOrgProjectLimitsCommand(@TargetAggregateIdentifier String orgId,
                                                String updateId,
                                                List<String> projects,
                                                SpendingLimitsChange change,
                                                boolean dryRun,
                                                Requester requester) {
    }

    /** From the update's saga: how many projects took the limits, and which could not be reached. */
    public record CompleteOrgProjectLimitsUpdateCommand(@TargetAggregateIdentifier String orgId,
                                                        String updateId,
                                                        int updated,
                                                        List<String> unfinished) {
    }

    public record DestroyOrgCommand(@TargetAggregateIdentifier String orgId, Requester requester) {
    }
}
