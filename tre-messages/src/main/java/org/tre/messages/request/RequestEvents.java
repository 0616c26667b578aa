package org.tre.messages.request;

import org.tre.messages.error.DxError;

import java.util.List;
import java.util.Map;

/**
 * Events of the DataAccessRequest aggregate, in the past tense. Each names the request, its TRE where
 * a reader of the TRE's requests needs it, and who did it; the decisions name the round and the step
 * and keep the reviewer's comment, so the store answers "who approved step X of request Y, when, and
 * what did they say" by itself.
 */
public final class RequestEvents {

    private RequestEvents() {
    }

    /** {@code applicant}: whose request it is; {@code createdBy}: who made it (a reviewer may, for an applicant). */
    public record AccessRequestCreatedEvent(String requestId, String treId, String name, String description,
                                            List<String> fields, String applicant, String createdBy) {
    }

    /** Null fields did not change. */
    public record AccessRequestUpdatedEvent(String requestId, String treId, String name, String description,
                                            List<String> fields, String updatedBy) {
    }

    public record CohortMetadataCreatedEvent(String requestId, String treId, String cohort, String createdBy) {
    }

    public record CohortMetadataUpdatedEvent(String requestId, String treId, String cohort, String updatedBy) {
    }

    /** {@code users}: those who were not collaborators yet, each once. */
    public record CollaboratorsAddedEvent(String requestId, String treId, List<String> users, String addedBy) {
    }

    /** {@code users}: those who were collaborators; naming anyone else changes nothing. */
    public record CollaboratorsRemovedEvent(String requestId, String treId, List<String> users, String removedBy) {
    }

    /**
     * Round {@code round} begins: the TRE's review steps as they were at this moment, each pending.
     * The request is in review.
     */
    public record AccessRequestSubmittedEvent(String requestId, String treId, int round, List<ReviewStepCopy> steps,
                                              String submittedBy) {
    }

    /** A review step as submit copied it from the TRE. */
    public record ReviewStepCopy(String reviewStepId, String name) {
    }

    public record ReviewStepApprovedEvent(String requestId, String treId, int round, String reviewStepId,
                                          String comment, String decidedBy) {
    }

    /** A rejection ends its round at once: the request is in revision, its other steps undecidable. */
    public record ReviewStepRejectedEvent(String requestId, String treId, int round, String reviewStepId,
                                          String comment, String decidedBy) {
    }

    /** The last pending step of the round was approved: the request is approved. */
    public record AccessRequestApprovedEvent(String requestId, String treId, int round) {
    }

    /** The tombstone: afterwards only the request's history answers. */
    public record AccessRequestDeletedEvent(String requestId, String treId, String deletedBy) {
    }

    /**
     * A project of the request was allowed: billed to the TRE's org in its region, with the TRE's
     * policies as enforced flags, {@code robotUser} holding CONTRIBUTE. The directory makes it next.
     */
    public record RequestProjectAuthorizedEvent(String requestId, String treId, String projectId, String name,
                                                String summary, String description, List<String> tags,
                                                Map<String, String> properties, String billTo, String region,
                                                Map<String, Boolean> flags, String robotUser, boolean dispense,
                                                String createdBy, String applicant) {
    }

    /** The directory refused the project the request allowed (a race with the billing org): it is not the request's. */
    public record RequestProjectFailedEvent(String requestId, String treId, String projectId, DxError refusal) {
    }

    /**
     * A dispensal of the request into one of its projects was asked for: job {@code jobId} joins the
     * TRE's dispensal queue with the request's fields and cohort as they are now (an approved request no
     * longer changes them). {@code requestedBy}: the person who asked.
     */
    public record DispensalRequestedEvent(String requestId, String treId, String projectId, String jobId,
                                          List<String> fields, String cohort, String requestedBy) {
    }
}
