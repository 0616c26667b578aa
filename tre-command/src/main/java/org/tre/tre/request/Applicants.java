package org.tre.tre.request;

import org.tre.messages.error.DxException;
import org.tre.tre.request.TreForRequests.TreFacts;

/**
 * Who a request is for (DECISIONS.md §15): authorized users of the TRE (directly, through an org, or
 * PUBLIC) create their own; a reviewer of the TRE may create one for an authorized user, who is then
 * its applicant. At submission the applicant must still be an authorized user.
 */
public final class Applicants {

    private Applicants() {
    }

    /** The caller's right to create: a role check, before the token and the TRE's state. */
    public static void requireMayCreate(TreFacts tre, String caller, String applicant, TreForRequests platform) {
        if (caller.equals(applicant)) {
            if (!tre.authorizes(platform.principalsOf(caller))) {
                throw DxException.permissionDenied("Only authorized users of " + tre.treId()
                        + " create data access requests");
            }
        } else if (!tre.isReviewer(caller)) {
            throw DxException.permissionDenied("Only a reviewer of " + tre.treId()
                    + " may create a request for another applicant");
        }
    }

    /** A named applicant: an existing user who is an authorized user of the TRE. */
    public static void requireAuthorizedApplicant(TreFacts tre, String applicant, TreForRequests platform) {
        if (!platform.userExists(applicant)) {
            throw DxException.notFound("The user " + applicant + " does not exist");
        }
        if (!tre.authorizes(platform.principalsOf(applicant))) {
            throw DxException.invalidInput("The applicant " + applicant + " is not an authorized user of "
                    + tre.treId());
        }
    }

    public static void requireStillAuthorized(TreFacts tre, String applicant, TreForRequests platform) {
        if (!tre.authorizes(platform.principalsOf(applicant))) {
            throw DxException.permissionDenied("The applicant " + applicant + " is no longer an authorized user of "
                    + tre.treId());
        }
    }
}
