package org.tre.tre.settings;

import org.tre.messages.error.DxException;
import org.tre.tre.directory.TreDirectory;

/**
 * {@code supportOrg} and {@code allowSupportAccess} (tre-api.md "TRE Robot User", DECISIONS.md §12,
 * §14): a named support org must exist, and support access needs a support org to reach.
 */
public final class SupportAccess {

    private SupportAccess() {
    }

    public static void requireExistingSupportOrg(String supportOrg, TreDirectory directory) {
        if (supportOrg != null && directory.org(supportOrg).isEmpty()) {
            throw DxException.notFound("The support org " + supportOrg + " was not found");
        }
    }

    /**
     * Holds for the TRE after the call, whichever of the two the call names: clearing the supportOrg
     * while support access stays on would grant access to no org.
     */
    public static void requireSupportOrgForAccess(boolean allowSupportAccess, String supportOrg) {
        if (allowSupportAccess && supportOrg == null) {
            throw DxException.invalidInput("allowSupportAccess needs a supportOrg");
        }
    }
}
