package org.tre.tre.settings;

import org.tre.messages.error.DxException;
import org.tre.tre.directory.TreDirectory;
import org.tre.tre.directory.TreDirectory.BillingOrg;

/**
 * A TRE's region is one of its billing org's {@code permittedRegions}, at creation and whenever the
 * billTo or the region changes (DECISIONS.md §2, §3).
 */
public final class PermittedRegions {

    private PermittedRegions() {
    }

    public static void requirePermitted(String orgId, String region, TreDirectory directory) {
        BillingOrg org = directory.org(orgId)
                .orElseThrow(() -> DxException.notFound("The org " + orgId + " was not found"));
        if (!org.permittedRegions().contains(region)) {
            throw DxException.invalidInput("region " + region + " is not one of the allowed regions of " + orgId);
        }
    }
}
