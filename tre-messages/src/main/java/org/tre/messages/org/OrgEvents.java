package org.tre.messages.org;

import org.tre.messages.project.SpendingLimitsChange;

import java.util.List;
import java.util.Map;

/** Events of the Org aggregate, in the past tense. */
public final class OrgEvents {

    private OrgEvents() {
    }

    /** {@code policies} holds every policy, defaults included. */
    public record OrgCreatedEvent(String orgId, String handle, String name, Map<String, Object> policies,
                                  List<String> permittedRegions, String defaultRegion, String createdBy) {
    }

    /** The whole license state after the change. */
    public record OrgLicensesSetEvent(String orgId,
                                      boolean billable,
                                      Map<String, Boolean> licenses,
                                      List<String> permittedRegions,
                                      String defaultRegion,
                                      boolean rateCard,
                                      Map<String, Object> pricingModelsByRegion) {
    }

    /** Null fields did not change; {@code policies} holds the changed policies only. */
    public record OrgUpdatedEvent(String orgId, String name, Map<String, Object> policies, String defaultRegion) {
    }

    public record JobLogsForwardingConfiguredEvent(String orgId, String url, String tokenSignature, String updatedBy) {
    }

    public record JobLogsForwardingDisabledEvent(String orgId, String updatedBy) {
    }

    public record OrgMemberAddedEvent(String orgId, String userId, MemberAccess access, String inviteId) {
    }

    /** The member's whole access after the change. */
    public record OrgMemberAccessChangedEvent(String orgId, String userId, MemberAccess access) {
    }

    public record OrgInvitePendingEvent(String orgId, String inviteId, String email, MemberAccess access) {
    }

    /** A repeated email invite asked for more than the pending one; the pending invite now grants it. */
    public record OrgPendingInviteRaisedEvent(String orgId, String inviteId, String email, MemberAccess access) {
    }

    /** A pending email invite was taken up by the user who now owns the email. */
    public record OrgInviteAcceptedEvent(String orgId, String inviteId, String userId) {
    }

    public record OrgMemberRemovedEvent(String orgId, String userId, String removedBy) {
    }

    /**
     * The removed member's explicit access to what the org pays for is being withdrawn. The requester
     * takes over a project or app the member alone administered, unless they removed themself.
     */
    public record OrgMemberAccessWithdrawalStartedEvent(String orgId,
                                                        String removalId,
                                                        String userId,
                                                        String requestedBy,
                                                        boolean revokeProjectPermissions,
                                                        boolean revokeAppPermissions,
                                                        boolean elevateRequester) {
    }

    /**
     * What the removal withdrew: project id → whether the requester was given ADMINISTER, app name →
     * whether they were made developer; {@code unfinished}: projects and apps whose access could not
     * be withdrawn before the deadline.
     */
    public record OrgMemberAccessWithdrawnEvent(String orgId,
                                                String removalId,
                                                String userId,
                                                Map<String, Boolean> projects,
                                                Map<String, Boolean> apps,
                                                List<String> unfinished) {
    }

    /** {@code projects}: each once, every one live and billed to the org when the update began. */
    public record OrgProjectLimitsUpdateStartedEvent(String orgId,
                                                     String updateId,
                                                     List<String> projects,
                                                     SpendingLimitsChange change,
                                                     String requestedBy) {
    }

    public record OrgProjectLimitsUpdatedEvent(String orgId, String updateId, int updatedCount,
                                               List<String> unfinished) {
    }

    public record OrgDestroyedEvent(String orgId, String destroyedBy) {
    }
}
