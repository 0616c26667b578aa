package org.tre.messages.app;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.tre.messages.Requester;

import java.util.List;

/** Apps: one aggregate per app version, as DNAnexus gives each version its own id. */
public final class AppMessages {

    private AppMessages() {
    }

    /** The requester becomes the app's creator; the App checks their token, their billing rights, the version. */
    public record CreateAppCommand(@TargetAggregateIdentifier String appId,
                                   String name,
                                   String version,
                                   String billTo,
                                   String title,
                                   String summary,
                                   String description,
                                   boolean published,
                                   List<String> authorizedUsers,
                                   List<String> developers,
                                   List<String> categories,
                                   Requester requester) {
    }

    public record AppCreatedEvent(String appId,
                                  String name,
                                  String version,
                                  String billTo,
                                  String title,
                                  String summary,
                                  String description,
                                  boolean published,
                                  List<String> authorizedUsers,
                                  List<String> developers,
                                  List<String> categories,
                                  String createdBy) {
    }

    /**
     * Sent by the service when a member leaves the org the app is billed to; the org's ADMIN checks
     * were made by the Org aggregate. {@code successor} (null for none) takes over when the leaver
     * was the only developer. Answers whether the successor did.
     */
    public record RevokeAppAccessCommand(@TargetAggregateIdentifier String appId,
                                         String userId,
                                         String successor,
                                         String requestedBy) {
    }

    public record AppAccessRevokedEvent(String appId, String userId, String newDeveloper, String revokedBy) {
    }
}
