package org.tre.messages.project;

import org.tre.messages.org.Licenses;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The ten data access flags of a project, the same keys as the TRE policies of tre-api.md. */
public final class ProjectFlags {

    public static final String RESTRICTED = "restricted";
    public static final String PROTECTED = "protected";
    public static final String DOWNLOAD_RESTRICTED = "downloadRestricted";
    public static final String EXTERNAL_UPLOAD_RESTRICTED = "externalUploadRestricted";
    public static final String PREVIEW_VIEWER_RESTRICTED = "previewViewerRestricted";
    public static final String DATABASE_UI_VIEW_ONLY = "databaseUIViewOnly";
    public static final String CONTAINS_PHI = "containsPHI";
    public static final String HTTPS_APP_ISOLATED_BROWSING = "httpsAppIsolatedBrowsing";
    public static final String JOB_OUTBOUND_INTERNET = "jobOutboundInternet";
    public static final String DISPLAY_DATA_PROTECTION_NOTICE = "displayDataProtectionNotice";

    public static final List<String> NAMES = List.of(RESTRICTED, PROTECTED, DOWNLOAD_RESTRICTED,
            EXTERNAL_UPLOAD_RESTRICTED, PREVIEW_VIEWER_RESTRICTED, DATABASE_UI_VIEW_ONLY, CONTAINS_PHI,
            HTTPS_APP_ISOLATED_BROWSING, JOB_OUTBOUND_INTERNET, DISPLAY_DATA_PROTECTION_NOTICE);

    private ProjectFlags() {
    }

    /**
     * A new project restricts nothing, as on DNAnexus; jobs reach the internet unless a project or its
     * TRE says otherwise.
     */
    public static Map<String, Boolean> defaults() {
        Map<String, Boolean> flags = new LinkedHashMap<>();
        NAMES.forEach(name -> flags.put(name, false));
        flags.put(JOB_OUTBOUND_INTERNET, true);
        return flags;
    }

    /** The org license a flag's feature switch needs (DECISIONS.md §7), if any. */
    public static Optional<String> licenseFor(String flag) {
        return switch (flag) {
            case EXTERNAL_UPLOAD_RESTRICTED -> Optional.of(Licenses.EXTERNAL_UPLOAD_RESTRICTED_CONTROL);
            case CONTAINS_PHI -> Optional.of(Licenses.PHI_FEATURES);
            case DISPLAY_DATA_PROTECTION_NOTICE -> Optional.of(Licenses.DATA_PROTECTION_NOTICE);
            default -> Optional.empty();
        };
    }
}
