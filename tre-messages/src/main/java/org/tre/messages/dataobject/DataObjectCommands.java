package org.tre.messages.dataobject;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.tre.messages.Requester;
import org.tre.messages.error.DxError;

import java.util.List;

/** Commands of the DataObject aggregate. */
public final class DataObjectCommands {

    private DataObjectCommands() {
    }

    /**
     * {@code types} only for records, {@code uniqueDatabaseName} only for databases. A file's content is
     * kept outside the event store (see docs/decisions-projects.md); the command carries its digest and
     * size so the log still says what was stored. Creating needs UPLOAD, and a token that reaches it.
     */
    public record CreateDataObjectCommand(@TargetAggregateIdentifier String objectId,
                                          DataObjectClass objectClass,
                                          String projectId,
                                          String name,
                                          List<String> types,
                                          String uniqueDatabaseName,
                                          String contentSha256,
                                          long contentLength,
                                          Requester requester) {
    }

    /**
     * {@code /project-xxxx/clone}: the batch checks, once for all its objects, the caller's level and
     * token on both projects and the restrictions between them; its saga then clones each object.
     * All or nothing: a refusal for one object undoes what the batch did to the others.
     */
    public record CloneDataObjectsCommand(@TargetAggregateIdentifier String batchId,
                                          String sourceProject,
                                          String destinationProject,
                                          List<String> objects,
                                          Requester requester) {
    }

    /** {@code /project-xxxx/removeObjects}, all or nothing like a clone. */
    public record RemoveDataObjectsCommand(@TargetAggregateIdentifier String batchId,
                                           String projectId,
                                           List<String> objects,
                                           Requester requester) {
    }

    /** What each object's step answered: changed (added or removed), unchanged, or refused. */
    public record DataObjectBatchStep(String objectId, boolean changed, DxError refusal) {
    }

    /** From the batch's saga once every object has answered. */
    public record RecordDataObjectBatchStepsCommand(@TargetAggregateIdentifier String batchId,
                                                    List<DataObjectBatchStep> steps) {
    }

    /** From the batch's saga once every object has been asked to undo what the batch did to it. */
    public record FinishDataObjectBatchUndoCommand(@TargetAggregateIdentifier String batchId) {
    }

    /** From the batch's saga when its deadline passes with the batch unfinished. */
    public record ExpireDataObjectBatchCommand(@TargetAggregateIdentifier String batchId) {
    }

    /**
     * One object of a clone batch, whose rights the batch checked. Answers {@code true} when the object
     * was added, {@code false} when it was already there.
     */
    public record CloneDataObjectCommand(@TargetAggregateIdentifier String objectId,
                                         String sourceProject,
                                         String destinationProject,
                                         String batchId,
                                         String clonedBy) {
    }

    /** One object of a removal batch, whose rights the batch checked. */
    public record RemoveDataObjectCommand(@TargetAggregateIdentifier String objectId,
                                          String projectId,
                                          String batchId,
                                          String removedBy) {
    }

    /**
     * Takes back what the batch did to the object in the project (a clone into it, or a removal from
     * it); anything else, or nothing, stays as it is. Sent for every object of a failed batch.
     */
    public record UndoDataObjectBatchCommand(@TargetAggregateIdentifier String objectId,
                                             String projectId,
                                             String batchId) {
    }

    /**
     * Marks the object as placed into the project by the platform's dispensal process, which the data
     * access request work will bring; such an object leaves the project only with the project itself.
     */
    public record MarkDataObjectDispensedCommand(@TargetAggregateIdentifier String objectId, String projectId) {
    }
}
