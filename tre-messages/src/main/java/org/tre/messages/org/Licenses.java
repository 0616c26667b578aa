package org.tre.messages.org;

import java.util.List;

/** The license names of DECISIONS.md §11: what DNAnexus sales would switch on for an org. */
public final class Licenses {

    public static final String TRE_MANAGEMENT = "treManagement";
    public static final String PHI_FEATURES = "phiFeaturesEnabled";
    public static final String USER_CREATION = "userCreationFeaturesEnabled";
    public static final String MONTHLY_PROJECT_SPENDING_LIMIT = "monthlyProjectSpendingLimit";
    public static final String MONTHLY_PROJECT_STORAGE_SPENDING_LIMIT = "monthlyProjectStorageSpendingLimit";
    public static final String DETAILED_JOB_METRICS = "detailedJobMetrics";
    public static final String JOB_LOGS_FORWARDING = "jobLogsForwarding";
    public static final String EXTERNAL_UPLOAD_RESTRICTED_CONTROL = "externalUploadRestrictedControl";
    public static final String DATA_PROTECTION_NOTICE = "dataProtectionNotice";

    public static final List<String> ALL = List.of(TRE_MANAGEMENT, PHI_FEATURES, USER_CREATION,
            MONTHLY_PROJECT_SPENDING_LIMIT, MONTHLY_PROJECT_STORAGE_SPENDING_LIMIT, DETAILED_JOB_METRICS,
            JOB_LOGS_FORWARDING, EXTERNAL_UPLOAD_RESTRICTED_CONTROL, DATA_PROTECTION_NOTICE);

    private Licenses() {
    }
}
