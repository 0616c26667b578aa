package org.tre.messages.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.tre.messages.Requester;

import org.tre.messages.error.DxError;

import java.util.List;
import java.util.Map;

/**
 * Commands of the DataAccessRequest aggregate, one per route of DECISIONS.md §15. Each carries its
 * {@link Requester}: the request checks that it exists, the caller's role, the token's scope and its
 * state, in that order, once.
 */
public final class RequestCommands {

    private RequestCommands() {
    }

    /** {@code applicant}: null for the caller's own request; another user only when a reviewer creates it. */
    public record CreateAccessRequestCommand(@TargetAggregateIdentifier String requestId,
                                             String treId,
                                             String name,
                                             String description,
                                             List<String> fields,
                                             String applicant,
                                             Requester requester) {
    }

    /** Null means "not given". */
    public record UpdateAccessRequestCommand(@TargetAggregateIdentifier String requestId,
                                             String name,
                                             String description,
                                             List<String> fields,
                                             Requester requester) {
    }

    /** {@code cohort}: the mapping as given, as JSON text, so it is kept exactly. */
    public record CreateCohortMetadataCommand(@TargetAggregateIdentifier String requestId, String cohort,
                                              Requester requester) {
    }

    public record UpdateCohortMetadataCommand(@TargetAggregateIdentifier String requestId, String cohort,
                                              Requester requester) {
    }

    public record AddCollaboratorsCommand(@TargetAggregateIdentifier String requestId, List<String> users,
                                          Requester requester) {
    }

    public record RemoveCollaboratorsCommand(@TargetAggregateIdentifier String requestId, List<String> users,
                                             Requester requester) {
    }

    public record SubmitAccessRequestCommand(@TargetAggregateIdentifier String requestId, Requester requester) {
    }

    /** {@code comment}: optional on approval. */
    public record ApproveReviewStepCommand(@TargetAggregateIdentifier String requestId, String reviewStepId,
                                           String comment, Requester requester) {
    }

    /** {@code comment}: required on rejection, so the applicant learns what to revise. */
    public record RejectReviewStepCommand(@TargetAggregateIdentifier String requestId, String reviewStepId,
                                          String comment, Requester requester) {
    }

    public record DeleteAccessRequestCommand(@TargetAggregateIdentifier String requestId, Requester requester) {
    }

    /**
     * {@code /project/new {"treApplication"}}: the request decides who may have a project of it; {@code tre},
     * {@code billTo}, {@code region} are what the caller gave (null: not given), which must be the TRE's.
     */
    public record CreateRequestProjectCommand(@TargetAggregateIdentifier String requestId,
                                              String projectId,
                                              String name,
                                              String summary,
                                              String description,
                                              List<String> tags,
                                              Map<String, String> properties,
                                              boolean dispense,
                                              String tre,
                                              String billTo,
                                              String region,
                                              Requester requester) {
    }

    /** The directory could not make the project the request allowed: the request forgets it. */
    public record RecordRequestProjectFailedCommand(@TargetAggregateIdentifier String requestId, String projectId,
                                                    DxError refusal) {
    }

    /** {@code /treApplication-xxxx/dispense {"project"}}. */
    public record DispenseToRequestProjectCommand(@TargetAggregateIdentifier String requestId, String projectId,
                                                  Requester requester) {
    }

    /**
     * The first dispensal of a project created with {@code dispense: true}, sent once the project exists;
     * the creator's decision was checked when the project was allowed. Repeated, it queues nothing twice.
     */
    public record QueueFirstDispensalCommand(@TargetAggregateIdentifier String requestId, String projectId,
                                             String requestedBy) {
    }
}
