package org.tre.messages.tre;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ten workspace policies of tre-api.md "TRE Policies": each true, false, or null (not enforced). */
public final class Policies {

    public static final String CONTAINS_PHI = "containsPHI";

    public static final List<String> KEYS = List.of("restricted", "protected", "downloadRestricted",
            "externalUploadRestricted", "previewViewerRestricted", "databaseUIViewOnly", CONTAINS_PHI,
            "httpsAppIsolatedBrowsing", "jobOutboundInternet", "displayDataProtectionNotice");

    /** The org license each feature-switched policy needs (DECISIONS.md §7). */
    public static final Map<String, String> LICENSE_OF = Map.of(
            "externalUploadRestricted", "externalUploadRestrictedControl",
            CONTAINS_PHI, "phiFeaturesEnabled",
            "displayDataProtectionNotice", "dataProtectionNotice");

    private Policies() {
    }

    /** Every key, none enforced. */
    public static Map<String, Boolean> none() {
        Map<String, Boolean> policies = new LinkedHashMap<>();
        KEYS.forEach(key -> policies.put(key, null));
        return Collections.unmodifiableMap(policies);
    }
}
