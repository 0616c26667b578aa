package org.tre.tre.request;

import org.tre.messages.error.DxException;

import java.util.Set;

/**
 * DECISIONS.md §15 "Separation of duties": nobody decides a step of a request they are the applicant
 * of, a collaborator on, or created, even when they are that step's reviewer. A collaborator removed
 * later, and a reviewer who edited the draft, stay barred (docs/DECISIONS.md): their stake in the
 * request does not end with their role. The request keeps these people as its {@code parties}.
 */
public final class SeparationOfDuties {

    private SeparationOfDuties() {
    }

    public static boolean mayDecide(Set<String> parties, String userId) {
        return !parties.contains(userId);
    }

    public static void requireNotAParty(Set<String> parties, String userId, String requestId) {
        if (!mayDecide(parties, userId)) {
            throw DxException.permissionDenied("Separation of duties: " + userId + " is the applicant of, a"
                    + " collaborator on, the creator or an editor of " + requestId + " and may not decide its review"
                    + " steps");
        }
    }
}
