package org.tre.messages.execution;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.tre.messages.Requester;

import java.util.List;
import java.util.Map;

/**
 * Jobs (DECISIONS.md §16). The service runs no compute: an accepted job is {@code runnable} until it
 * is terminated. A run refused by a TRE execution restriction is an attempt the job's id keeps too, so
 * the same nonce asked again gets the same answer.
 */
public final class JobMessages {

    private JobMessages() {
    }

    /**
     * {@code /applet-xxxx/run}. {@code input} is the run's input as JSON text; {@code allowSSH} the
     * addresses asked for (empty for none). {@code singleContext} is not carried: it is always true.
     */
    public record RunAppletCommand(@TargetAggregateIdentifier String jobId,
                                   String appletId,
                                   String projectId,
                                   String folder,
                                   String name,
                                   String input,
                                   List<String> allowSSH,
                                   List<String> tags,
                                   Map<String, String> properties,
                                   String details,
                                   Requester requester) {
    }

    /** What a run was answered: the job, or the restriction that refused it. */
    public record RunDecision(String jobId, ExecutionRestriction refusedBy, String treId, String message) {

        public static RunDecision accepted(String jobId) {
            return new RunDecision(jobId, null, null, null);
        }

        public boolean accepted() {
            return refusedBy == null;
        }
    }

    /** The applet as the job was started from it. */
    public record JobExecutable(String appletId, String appletProject, String name) {
    }

    public record JobCreatedEvent(String jobId,
                                  JobExecutable executable,
                                  String projectId,
                                  String folder,
                                  String name,
                                  String input,
                                  List<String> allowSSH,
                                  List<String> tags,
                                  Map<String, String> properties,
                                  String details,
                                  String treId,
                                  String launchedBy) {
    }

    /** A run a TRE execution restriction refused; the TRE's history records it as well. */
    public record JobRunRefusedEvent(String jobId,
                                     JobExecutable executable,
                                     String projectId,
                                     String treId,
                                     ExecutionRestriction restriction,
                                     String message,
                                     String launchedBy) {
    }

    /** {@code /job-xxxx/terminate}: the launcher, or CONTRIBUTE on the job's project. */
    public record TerminateJobCommand(@TargetAggregateIdentifier String jobId, Requester requester) {
    }

    public record JobTerminatedEvent(String jobId, String terminatedBy) {
    }

    /** {@code /job-xxxx/update}: who may terminate may update; {@code allowSSH} follows the restriction. */
    public record UpdateJobCommand(@TargetAggregateIdentifier String jobId, List<String> allowSSH,
                                   Requester requester) {
    }

    public record JobUpdatedEvent(String jobId, List<String> allowSSH, String updatedBy) {
    }

    /** The refusal of an update, where the restriction and its TRE are needed to record it. */
    public record JobUpdateDecision(ExecutionRestriction refusedBy, String treId, String message) {

        public boolean accepted() {
            return refusedBy == null;
        }
    }
}
