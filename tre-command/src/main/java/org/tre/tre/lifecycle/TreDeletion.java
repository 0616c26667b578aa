package org.tre.tre.lifecycle;

import org.tre.messages.error.DxException;
import org.tre.tre.directory.TreDirectory;

/**
 * {@code /tre-xxxx/delete}: "The TRE isn't associated with any data access requests or projects";
 * its working project is no TRE project and never blocks it (DECISIONS.md "TRE side effects"), nor
 * does a deleted request (DECISIONS.md §15).
 */
public final class TreDeletion {

    private TreDeletion() {
    }

    public static void requireNoProjects(String treId, TreDirectory directory) {
        if (directory.treProjectCount(treId) > 0) {
            throw DxException.invalidState("The TRE has projects associated with it");
        }
    }

    public static void requireNoRequests(String treId, TreDirectory directory) {
        long requests = directory.liveRequestCount(treId);
        if (requests > 0) {
            throw DxException.invalidState("The TRE has " + requests + " data access request"
                    + (requests == 1 ? "" : "s") + " not deleted");
        }
    }
}
