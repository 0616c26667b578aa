package org.tre.messages.dataobject;

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

    public record DataObjectClonedEvent(String objectId,
                                        String sourceProject,
                                        String destinationProject,
                                        String clonedBy) {
    }

    public record DataObjectRemovedEvent(String objectId, String projectId, String removedBy) {
    }

    public record DataObjectDispensedEvent(String objectId, String projectId) {
    }
}
