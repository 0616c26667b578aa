package org.tre.messages.dataobject;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.tre.messages.Requester;

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

    /** Answers {@code true} when the object was added, {@code false} when it was already there. */
    public record CloneDataObjectCommand(@TargetAggregateIdentifier String objectId,
                                         String sourceProject,
                                         String destinationProject,
                                         String clonedBy) {
    }

    public record RemoveDataObjectCommand(@TargetAggregateIdentifier String objectId,
                                          String projectId,
                                          String removedBy) {
    }

    /**
     * Marks the object as placed into the project by the platform's dispensal process, which the data
     * access request work will bring; such an object leaves the project only with the project itself.
     */
    public record MarkDataObjectDispensedCommand(@TargetAggregateIdentifier String objectId, String projectId) {
    }
}
