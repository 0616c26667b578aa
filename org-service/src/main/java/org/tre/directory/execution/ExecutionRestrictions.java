package org.tre.directory.execution;

import com.fasterxml.jackson.databind.JsonNode;
import org.tre.messages.execution.AppletMessages.AppletSpec;
import org.tre.messages.execution.ExecutionRestriction;
import org.tre.messages.project.ProjectLevel;
import org.tre.messages.project.ProjectQueries.ProjectFacts;

import java.util.List;
import java.util.Optional;

/**
 * tre-api.md "Execution Restrictions", for a run whose project or whose executable's project is a
 * TRE project: no {@code allowSSH}; {@code httpsApp} only for allowlisted HTTPS apps and only on port
 * 443; no {@code allProjects} at UPLOAD or above; no {@code projectCreation}; and (the clone rule,
 * DECISIONS.md §16) both projects in the same data access request. {@code singleContext} is the
 * sixth, kept by recording every job as single-context. The first restriction broken is the one named.
 */
public final class ExecutionRestrictions {

    private ExecutionRestrictions() {
    }

    /** The restriction that refuses, the TRE whose rule it is, and the sentence the caller reads. */
    public record Refusal(ExecutionRestriction restriction, String treId, String message) {
    }

    /**
     * @param httpsAllowlisted whether the executable is an HTTPS app on the operator's allowlist; an
     *                         applet never is
     */
    public static Optional<Refusal> ofRun(ProjectFacts runProject, ProjectFacts executableProject, AppletSpec spec,
                                          List<String> allowSSH, boolean httpsAllowlisted) {
        String tre = runProject.tre() != null ? runProject.tre() : executableProject.tre();
        if (tre == null) {
            return Optional.empty();
        }
        String where = runProject.tre() != null ? runProject.id() : executableProject.id();
        if (allowSSH != null && !allowSSH.isEmpty()) {
            return refuse(ExecutionRestriction.allowSSH, tre, "SSH access to a job ('allowSSH') is not allowed"
                    + " in the TRE project " + where);
        }
        JsonNode httpsApp = StoredJson.tree(spec.httpsApp());
        if (httpsApp != null && !httpsApp.isNull()) {
            if (!httpsAllowlisted) {
                return refuse(ExecutionRestriction.httpsApp, tre, "'httpsApp' can expose HTTPS only for allowlisted"
                        + " HTTPS apps, and this executable is not on the allowlist (TRE project " + where + ")");
            }
            JsonNode ports = httpsApp.path("ports");
            if (!(ports.isArray() && ports.size() == 1 && ports.get(0).asInt() == 443)) {
                return refuse(ExecutionRestriction.httpsApp, tre, "'httpsApp' may expose HTTPS only on port 443"
                        + " in the TRE project " + where);
            }
        }
        JsonNode access = StoredJson.tree(spec.access());
        String allProjects = access == null ? null : access.path("allProjects").asText(null);
        if (ProjectLevel.parse(allProjects).map(level -> level.atLeast(ProjectLevel.UPLOAD)).orElse(false)) {
            return refuse(ExecutionRestriction.allProjects, tre, "Access to all projects ('allProjects') at "
                    + allProjects + " is not allowed in the TRE project " + where + "; at most VIEW");
        }
        if (access != null && access.path("projectCreation").asBoolean(false)) {
            return refuse(ExecutionRestriction.projectCreation, tre, "Creating projects from a job"
                    + " ('projectCreation') is not allowed in the TRE project " + where);
        }
        if (runProject.tre() == null || executableProject.tre() == null) {
            return refuse(ExecutionRestriction.sameRequest, tre, "A job cannot cross the TRE boundary: "
                    + runProject.id() + " and " + executableProject.id() + " must both be projects of one data"
                    + " access request, or neither a TRE project");
        }
        // As the clone rule (DataObjectBatch): a TRE project made before requests belongs to none, so only
        // within itself; two such projects are not one request, least of all across two TREs.
        boolean sameRequest = runProject.treApplication() != null
                ? runProject.treApplication().equals(executableProject.treApplication())
                : runProject.id().equals(executableProject.id());
        if (!sameRequest) {
            return refuse(ExecutionRestriction.sameRequest, tre, "A job in " + runProject.id()
                    + " cannot run an executable of " + executableProject.id()
                    + ": they belong to different data access requests");
        }
        return Optional.empty();
    }

    /** {@code /job-xxxx/update} may not open what the run could not: SSH, in a TRE project. */
    public static Optional<Refusal> ofUpdate(ProjectFacts jobProject, List<String> allowSSH) {
        if (jobProject.tre() != null && allowSSH != null && !allowSSH.isEmpty()) {
            return refuse(ExecutionRestriction.allowSSH, jobProject.tre(), "SSH access to a job ('allowSSH') is"
                    + " not allowed in the TRE project " + jobProject.id());
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(ExecutionRestriction restriction, String tre, String sentence) {
        return Optional.of(new Refusal(restriction, tre, "TRE execution restriction '" + restriction.name() + "': "
                + sentence));
    }
}
