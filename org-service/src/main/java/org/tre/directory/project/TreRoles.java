package org.tre.directory.project;

import java.util.Set;

/** What a project of a TRE needs to know about that TRE's roles and requests; answered by the TRE's read models. */
public interface TreRoles {

    boolean isTreAdmin(String treId, String userId);

    /** The applicant and collaborators of the data access request now; empty for an unknown or deleted one. */
    Set<String> requestParties(String requestId);
}
