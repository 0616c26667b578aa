package org.tre.tre.directory;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the TRE asks of the platform directory (users, orgs, projects, data objects), and nothing
 * more: the Tre aggregate never loads a foreign aggregate. The adapter lives beside the directory.
 */
public interface TreDirectory {

    /** An org that exists and was not destroyed. */
    Optional<BillingOrg> org(String orgId);

    Optional<OrgRole> member(String orgId, String userId);

    boolean userExists(String userId);

    Optional<ProjectFacts> project(String projectId);

    /** The user's effective level on the project: NONE, VIEW, UPLOAD, CONTRIBUTE or ADMINISTER. */
    String projectLevel(String projectId, String userId);

    Optional<ObjectFacts> object(String objectId);

    boolean databaseNameExists(String uniqueDatabaseName);

    /** A TRE handle is never taken twice, not even after the TRE was deleted. */
    boolean treHandleTaken(String handle);

    /** How many projects belong to the TRE (TRE projects; never its inventory projects). */
    long treProjectCount(String treId);

    /** How many data access requests of the TRE are not deleted. */
    long liveRequestCount(String treId);

    record BillingOrg(String id, Set<String> licenses, List<String> permittedRegions, boolean rateCard) {
    }

    record OrgRole(String level, boolean treManagement) {

        public boolean isAdmin() {
            return "ADMIN".equals(level);
        }
    }

    record ProjectFacts(String id, String billTo, String region) {
    }

    /** {@code objectClass}: file, record, database, … */
    record ObjectFacts(String id, String objectClass, Set<String> projects) {
    }
}
