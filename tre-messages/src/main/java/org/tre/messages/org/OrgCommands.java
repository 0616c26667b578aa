package org.tre.messages.org;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Map;

/** Commands of the Org aggregate. Each names who asks, so the aggregate checks the right. */
public final class OrgCommands {

    private OrgCommands() {
    }

    public record CreateOrgCommand(@TargetAggregateIdentifier String orgId,
                                   String handle,
                                   String name,
                                   Map<String, Object> policies,
                                   String createdBy) {
    }

    /** What DNAnexus sales would switch on; only the operator sends it. Null fields stay as they are. */
    public record SetOrgLicensesCommand(@TargetAggregateIdentifier String orgId,
                                        Boolean billable,
                                        Map<String, Boolean> licenses,
                                        List<String> permittedRegions,
                                        String defaultRegion,
                                        Boolean rateCard,
                                        Map<String, Object> pricingModelsByRegion,
                                        String requestedBy) {
    }

    /** Null fields stay as they are; {@code policies} names only the policies that change. */
    public record UpdateOrgCommand(@TargetAggregateIdentifier String orgId,
                                   String name,
                                   Map<String, Object> policies,
                                   String defaultRegion,
                                   String requestedBy) {
    }

    /**
     * Turns job logs forwarding on (url and the SHA-256 of the Splunk token: the token itself never
     * enters the log) or off (url null).
     */
    public record ConfigureJobLogsForwardingCommand(@TargetAggregateIdentifier String orgId,
                                                    String url,
                                                    String tokenSignature,
                                                    String requestedBy) {
    }

    /** An existing user joins at once; an email without a user leaves a pending invite. */
    public record InviteToOrgCommand(@TargetAggregateIdentifier String orgId,
                                     String inviteId,
                                     String inviteeUserId,
                                     String inviteeEmail,
                                     MemberAccess access,
                                     String requestedBy) {
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
                                            String requestedBy) {
    }

    public record MemberAccessChange(String level,
                                     Boolean allowBillableActivities,
                                     String projectAccess,
                                     Boolean appAccess,
                                     Boolean treManagement) {
    }

    public record RemoveOrgMemberCommand(@TargetAggregateIdentifier String orgId,
                                         String userId,
                                         String requestedBy) {
    }

    public record DestroyOrgCommand(@TargetAggregateIdentifier String orgId, String requestedBy) {
    }
}
