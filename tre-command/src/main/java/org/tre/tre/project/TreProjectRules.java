package org.tre.tre.project;

import org.tre.messages.error.DxException;
import org.tre.messages.tre.TreState;

import java.util.Collection;
import java.util.Set;

/**
 * {@code /project/new {"tre": …}} (DECISIONS.md §12): the TRE's admins and authorized users
 * (directly, through an org, or PUBLIC) may create its projects while it is active and no policy
 * synchronization runs; a project is billed to the TRE's org in its region.
 */
public final class TreProjectRules {

    private TreProjectRules() {
    }

    /** {@code principals}: the caller, the orgs they belong to, and PUBLIC. Reviewers alone may not. */
    public static void requireAdminOrAuthorizedUser(String treId, Collection<String> admins,
                                                    Collection<String> authorizedUsers, String userId,
                                                    Set<String> principals) {
        boolean allowed = admins.contains(userId) || authorizedUsers.stream().anyMatch(principals::contains);
        if (!allowed) {
            throw DxException.permissionDenied("Only the admins and authorized users of " + treId
                    + " may create its projects");
        }
    }

    public static void requireActive(TreState state) {
        if (state != TreState.active) {
            throw DxException.invalidState("TRE projects can only be created while the TRE is active; it is " + state);
        }
    }

    /** A project created meanwhile would miss the policy change being synchronized. */
    public static void requireNoPolicySync(String policySyncId) {
        if (policySyncId != null) {
            throw DxException.invalidState("Policy synchronization in progress: try again when it has finished");
        }
    }

    /** A billTo or region given in the input must be the TRE's. */
    public static void requireTheTresBilling(String treId, String billTo, String region, String givenBillTo,
                                             String givenRegion) {
        if (givenBillTo != null && !givenBillTo.equals(billTo)) {
            throw DxException.invalidInput("A project of " + treId + " is billed to " + billTo + ", not "
                    + givenBillTo);
        }
        if (givenRegion != null && !givenRegion.equals(region)) {
            throw DxException.invalidInput("A project of " + treId + " is in " + region + ", not " + givenRegion);
        }
    }
}
