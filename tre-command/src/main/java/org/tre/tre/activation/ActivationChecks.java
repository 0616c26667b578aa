package org.tre.tre.activation;

import org.tre.messages.error.DxException;
import org.tre.messages.tre.Inventory;
import org.tre.tre.directory.TreDirectory;
import org.tre.tre.directory.TreDirectory.BillingOrg;
import org.tre.tre.inventory.InventoryRules;

/**
 * The checks of {@code /tre-xxxx/activate} (tre-api.md; DECISIONS.md §8, which orders them: state,
 * inventory set, policies set, rate card, a review step, a reviewer on every step). All InvalidState,
 * each saying what is missing. The state is TreLifecycle's, the review steps ReviewSteps'.
 */
public final class ActivationChecks {

    private ActivationChecks() {
    }

    /** Activating from amending with no pending inventory keeps the active one. */
    public static void requireInventorySet(Inventory pending, Inventory active) {
        if (pending == null && active == null) {
            throw DxException.invalidState("The inventory is not set: call setInventory first");
        }
    }

    /**
     * A pending inventory is checked again against the TRE as it now is: a project destroyed or moved
     * since it was set, or a billTo changed in draft, would otherwise become active.
     */
    public static void requirePendingInventoryStillValid(Inventory pending, String billTo, String region,
                                                         TreDirectory directory) {
        if (pending == null) {
            return;
        }
        try {
            InventoryRules.checkReferences(pending, billTo, region, directory);
        } catch (DxException stale) {
            throw DxException.invalidState("The pending inventory is no longer valid: " + stale.getMessage());
        }
    }

    /** "Policies are set" means setPolicies was called at least once, {@code {}} included (DECISIONS.md §7, §12). */
    public static void requirePoliciesSet(boolean policiesSet) {
        if (!policiesSet) {
            throw DxException.invalidState("The policies are not set: call setPolicies first");
        }
    }

    public static void requireRateCardForCustomizedRateCard(boolean customizedRateCard, String billTo,
                                                            TreDirectory directory) {
        if (customizedRateCard && !directory.org(billTo).map(BillingOrg::rateCard).orElse(false)) {
            throw DxException.invalidState("The TRE uses a customizedRateCard but " + billTo + " has no rate card");
        }
    }
}
