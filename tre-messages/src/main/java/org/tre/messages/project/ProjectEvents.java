package org.tre.messages.project;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Events of the Project aggregate, in the past tense. */
public final class ProjectEvents {

    private ProjectEvents() {
    }

    /** {@code flags} holds all ten flags; the creator's ADMINISTER follows as a grant event. */
    public record ProjectCreatedEvent(String projectId,
                                      String name,
                                      String summary,
                                      String description,
                                      List<String> tags,
                                      Map<String, String> properties,
                                      String billTo,
                                      String region,
                                      Map<String, Boolean> flags,
                                      String tre,
                                      String createdBy) {
    }

    /** The project's descriptive fields and all ten flags as they stand after the update. */
    public record ProjectUpdatedEvent(String projectId,
                                      String name,
                                      String summary,
                                      String description,
                                      Map<String, Boolean> flags,
                                      String updatedBy) {
    }

    public record ProjectBillToChangedEvent(String projectId, String from, String to, String changedBy) {
    }

    /** Sets one source's level for one principal; other sources' grants stay. */
    public record ProjectAccessGrantedEvent(String projectId,
                                            String principal,
                                            ProjectLevel level,
                                            String source,
                                            String grantedBy) {
    }

    public record ProjectAccessDecreasedEvent(String projectId,
                                              String principal,
                                              ProjectLevel level,
                                              String source,
                                              String decreasedBy) {
    }

    public record ProjectAccessRevokedEvent(String projectId, String principal, String source, String revokedBy) {
    }

    public record ProjectTransferOfferedEvent(String projectId, String toOrg, String offeredBy) {
    }

    public record ProjectTransferredEvent(String projectId, String fromOrg, String toOrg, String acceptedBy) {
    }

    public record ProjectSpendingLimitsSetEvent(String projectId, SpendingLimits limits, String setBy) {
    }

    public record ProjectDestroyedEvent(String projectId, String destroyedBy) {
    }

    /** {@code flags}: the project's flags after the change; {@code enforced}: the flags its TRE enforces. */
    public record ProjectTreFlagsEnforcedEvent(String projectId, Map<String, Boolean> flags,
                                               Set<String> enforced) {
    }

    /**
     * The project belongs to a data access request: only its parties may be invited, {@code robotUser}
     * keeps CONTRIBUTE, which the project's admins cannot lower, and {@code applicant} takes it over
     * should a withdrawal leave nobody to administer it.
     */
    public record ProjectJoinedRequestEvent(String projectId, String requestId, String treId, String robotUser,
                                            String applicant) {
    }
}
