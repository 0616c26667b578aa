package org.tre.directory.org;

import org.tre.messages.org.Licenses;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The org policies of org-api.txt "Org Policies": their defaults and their licenses (the routes declare their values). */
public final class OrgPolicies {

    public static final String MEMBER_LIST_VISIBILITY = "memberListVisibility";
    public static final String RESTRICT_PROJECT_TRANSFER = "restrictProjectTransfer";
    public static final String RESTRICT_PROJECT_SHARING = "restrictProjectSharing";
    public static final String JOB_REUSE = "jobReuse";
    public static final String DETAILED_JOB_METRICS_COLLECT_DEFAULT = "detailedJobMetricsCollectDefault";
    public static final String COMPUTE_LIMIT_DEFAULT = "monthlyProjectComputeLimitDefault";
    public static final String EGRESS_LIMIT_DEFAULT = "monthlyProjectEgressBytesLimitDefault";
    public static final String STORAGE_LIMIT_DEFAULT = "monthlyProjectStorageLimitDefault";
    public static final String ENFORCE_COMPUTE = "enforceTerminationForProjectComputeLimit";
    public static final String ENFORCE_EGRESS = "enforceTerminationForProjectEgressBytesLimit";
    public static final String ENFORCE_STORAGE = "enforceTerminationForProjectStorageLimit";
    public static final String NOTIFICATION_THRESHOLD = "projectSpendingLimitNotificationThreshold";

    /** The spending-limit policies nobody may set at /org/new: a new org holds no license. */
    public static final Set<String> UNSETTABLE_AT_CREATION = Set.of(COMPUTE_LIMIT_DEFAULT, EGRESS_LIMIT_DEFAULT,
            STORAGE_LIMIT_DEFAULT, ENFORCE_COMPUTE, ENFORCE_EGRESS, ENFORCE_STORAGE, NOTIFICATION_THRESHOLD);

    private static final Map<String, String> LICENSE_OF = Map.of(
            COMPUTE_LIMIT_DEFAULT, Licenses.MONTHLY_PROJECT_SPENDING_LIMIT,
            EGRESS_LIMIT_DEFAULT, Licenses.MONTHLY_PROJECT_SPENDING_LIMIT,
            ENFORCE_COMPUTE, Licenses.MONTHLY_PROJECT_SPENDING_LIMIT,
            ENFORCE_EGRESS, Licenses.MONTHLY_PROJECT_SPENDING_LIMIT,
            NOTIFICATION_THRESHOLD, Licenses.MONTHLY_PROJECT_SPENDING_LIMIT,
            STORAGE_LIMIT_DEFAULT, Licenses.MONTHLY_PROJECT_STORAGE_SPENDING_LIMIT,
            DETAILED_JOB_METRICS_COLLECT_DEFAULT, Licenses.DETAILED_JOB_METRICS);

    private OrgPolicies() {
    }

    public static Map<String, Object> defaults() {
        Map<String, Object> policies = new LinkedHashMap<>();
        policies.put(MEMBER_LIST_VISIBILITY, "ADMIN");
        policies.put(RESTRICT_PROJECT_TRANSFER, "MEMBER");
        policies.put(RESTRICT_PROJECT_SHARING, "MEMBER");
        policies.put(JOB_REUSE, false);
        policies.put(DETAILED_JOB_METRICS_COLLECT_DEFAULT, false);
        policies.put(COMPUTE_LIMIT_DEFAULT, null);
        policies.put(EGRESS_LIMIT_DEFAULT, null);
        policies.put(STORAGE_LIMIT_DEFAULT, null);
        policies.put(ENFORCE_COMPUTE, false);
        policies.put(ENFORCE_EGRESS, false);
        policies.put(ENFORCE_STORAGE, false);
        policies.put(NOTIFICATION_THRESHOLD, 90);
        return policies;
    }

    /** The license a policy needs, or null. */
    public static String licenseFor(String policy) {
        return LICENSE_OF.get(policy);
    }

    public static Map<String, Object> merged(Map<String, Object> base, Map<String, Object> changes) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        merged.putAll(changes == null ? Collections.emptyMap() : changes);
        return merged;
    }
}
