package org.tre.tre.lifecycle;

import org.tre.messages.error.DxException;
import org.tre.tre.directory.TreDirectory;

/**
 * DECISIONS.md §2: a handle in use, or once used by a deleted TRE, cannot be taken again. Checked
 * after the caller's rights and the region, as a state check comes after the billing org's facts.
 */
public final class Handles {

    private Handles() {
    }

    public static void requireUnclaimed(String handle, TreDirectory directory) {
        if (directory.treHandleTaken(handle)) {
            throw DxException.invalidState("The TRE handle " + handle + " is taken");
        }
    }
}
