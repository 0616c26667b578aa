package org.tre.messages.dataobject;

import org.tre.messages.error.DxError;

import java.util.List;

/** Events of the DataObject aggregate. */
public final class DataObjectEvents {

    private DataObjectEvents() {
    }

    public record DataObjectCreatedEvent(String objectId,
                                         DataObjectClass objectClass,
                                         String projectId,
                                         String name,
                                         List<String> types,
                                         String uniqueDatabaseName,
                                         String contentSha256,
                                         long contentLength,
                                         String createdBy) {
    }

    /** {@code batchId}: the clone batch that did it (null before batches existed). */
    public record DataObjectClonedEvent(String objectId,
                                        String sourceProject,
                                        String destinationProject,
                                        String clonedBy,
                                        String batchId) {
    }

    /** {@code batchId}: the removal batch that did it (null before batches existed). */
    public record DataObjectRemovedEvent(String objectId, String projectId, String removedBy, String batchId) {
    }

    /** A failed batch took back its clone: the object left the project again. */
    public record DataObjectCloneUndoneEvent(String objectId, String projectId, String batchId) {
    }

    /** A failed batch took back its removal: the object is in the project again, as of {@code joined}. */
    public record DataObjectRemovalUndoneEvent(String objectId, String projectId, String batchId, long joined) {
    }

    /** {@code objects}: each object once, in the order asked. */
    public record DataObjectCloneStartedEvent(String batchId,
                                              String sourceProject,
                                              String destinationProject,
                                              List<String> objects,
                                              String requestedBy) {
    }

    public record DataObjectRemovalStartedEvent(String batchId,
                                                String projectId,
                                                List<String> objects,
                                                String requestedBy) {
    }

    /** Every object answered; {@code existed}: the objects a clone found already in the destination. */
    public record DataObjectBatchSucceededEvent(String batchId, List<String> existed) {
    }

    /** An object refused, or the deadline passed: what the batch did is being undone. */
    public record DataObjectBatchUndoStartedEvent(String batchId, DxError refusal) {
    }

    /** The batch changed nothing in the end; {@code refusal} is what its caller is answered. */
    public record DataObjectBatchFailedEvent(String batchId, DxError refusal) {
    }

    public record DataObjectDispensedEvent(String objectId, String projectId) {
    }
}
