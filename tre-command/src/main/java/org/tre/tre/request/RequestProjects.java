package org.tre.tre.request;

import org.tre.messages.EntityIds;
import org.tre.messages.error.DxException;
import org.tre.messages.tre.TreState;
import org.tre.tre.request.TreForRequests.TreFacts;

import java.util.Objects;

/**
 * The projects of a request (DECISIONS.md §15 "Request projects"), beside the permission table that
 * says who may have one (the applicant and collaborators of an approved request, {@code createProject}):
 * the TRE must be active with no policy synchronization running, and a {@code tre}, {@code billTo} or
 * {@code region} the caller names must be the TRE's. Which dispensal may be queued next is here too.
 */
public final class RequestProjects {

    private RequestProjects() {
    }

    /** Amending blocks new projects; a project made during a synchronization would miss the change. */
    public static void requireTreOpenForProjects(TreFacts tre) {
        if (tre.state() != TreState.active) {
            throw DxException.invalidState("Request projects can only be created while the TRE is active; "
                    + tre.treId() + " is " + tre.state());
        }
        if (tre.policySyncRunning()) {
            throw DxException.invalidState("Policy synchronization in progress: try again when it has finished");
        }
    }

    /** What the caller named must be what the project will be: the TRE's, its org, its region. */
    public static void requireTheTresBilling(TreFacts tre, String givenTre, String givenBillTo, String givenRegion) {
        if (givenTre != null && !givenTre.equals(tre.treId())) {
            throw DxException.invalidInput("The request belongs to " + tre.treId() + ", not " + givenTre);
        }
        if (givenBillTo != null && !givenBillTo.equals(tre.billTo())) {
            throw DxException.invalidInput("A project of " + tre.treId() + " is billed to " + tre.billTo() + ", not "
                    + givenBillTo);
        }
        if (givenRegion != null && !givenRegion.equals(tre.region())) {
            throw DxException.invalidInput("A project of " + tre.treId() + " is in " + tre.region() + ", not "
                    + givenRegion);
        }
    }

    public static void requireProjectOf(boolean ofTheRequest, String projectId, String requestId) {
        if (!ofTheRequest) {
            throw DxException.invalidInput("The project " + projectId + " is not a project of " + requestId);
        }
    }

    public static void requireLive(boolean live, String projectId) {
        if (!live) {
            throw DxException.notFound("The project " + projectId + " was not found");
        }
    }

    /**
     * A project has one dispensal at a time, and a done one is final: another is queued only when there
     * was none, or the last failed. A job not yet in the read model was queued moments ago.
     */
    public static void requireNoDispensalUnderway(String lastJob, String lastJobState, String projectId) {
        if (lastJob != null && !"failed".equals(lastJobState)) {
            String state = Objects.requireNonNullElse(lastJobState, "idle");
            throw DxException.invalidState("The dispensal " + lastJob + " into " + projectId + " is " + state
                    + ("done".equals(state) ? "" : "; wait until it ends"));
        }
    }

    /** The n-th dispensal of a project has one id, whoever asks and however often. */
    public static String jobId(String projectId, int n) {
        return EntityIds.derived("job", "dispensal:" + projectId + ":" + n);
    }
}
