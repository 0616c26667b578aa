package org.tre.tre.role;

import org.tre.messages.error.DxException;
import org.tre.messages.org.Licenses;
import org.tre.tre.directory.TreDirectory;
import org.tre.tre.directory.TreDirectory.BillingOrg;
import org.tre.tre.directory.TreDirectory.OrgRole;

/**
 * Who may host a TRE in an org ({@code /tre/new}, and a new {@code billTo} in {@code update}): an
 * ADMIN of the org holding the {@code treManagement} member flag, in an org licensed for TREs.
 */
public final class TreManagers {

    private TreManagers() {
    }

    public static void requireTreManagerOf(String orgId, String userId, TreDirectory directory) {
        BillingOrg org = directory.org(orgId)
                .orElseThrow(() -> DxException.notFound("The org " + orgId + " specified in billTo was not found"));
        OrgRole role = directory.member(orgId, userId).orElse(null);
        if (role == null || !role.isAdmin()) {
            throw DxException.permissionDenied("The requesting user must be an admin of the org " + orgId);
        }
        if (!role.treManagement()) {
            throw DxException.permissionDenied("The requesting user must have the treManagement permission flag in "
                    + orgId);
        }
        if (!org.licenses().contains(Licenses.TRE_MANAGEMENT)) {
            throw DxException.permissionDenied("The org " + orgId + " must have the treManagement feature enabled");
        }
    }
}
