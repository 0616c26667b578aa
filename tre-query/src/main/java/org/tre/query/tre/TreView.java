package org.tre.query.tre;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole admin view of a TRE, as describe shows it to admins (tre-api.md "Outputs",
 * DECISIONS.md §5, §6, §9). Kept as one JSON document; plain mutable fields for Jackson.
 */
public class TreView {

    public String id;
    public String name;
    public String description;
    public String summary;
    public String handle;
    public String region;
    public String billTo;
    public String state;
    public Map<String, Boolean> policies = new LinkedHashMap<>();
    public List<InventoryDetail> inventoryDetails = new ArrayList<>();
    public List<String> treAdmins = new ArrayList<>();
    public List<String> authorizedUsers = new ArrayList<>();
    public boolean customizedRateCard;
    public boolean customizedURL;
    public String supportOrg;
    public boolean allowSupportAccess;
    public Map<String, ReviewStep> applicationReviewSteps = new LinkedHashMap<>();
    public long created;
    public long modified;
    public String robotUser;
    public String workingProject;
    public String dispensalQueue;
    public List<SideEffectFailure> sideEffectFailures = new ArrayList<>();
    public PolicySync policySync = new PolicySync();

    /** DECISIONS.md §7: admins see the synchronization of a policy change to the TRE's projects. */
    public static class PolicySync {
        public String state = "idle";
        public long pending;
    }

    public static class SideEffectFailure {
        public String effect;
        public String reason;
        public long at;
    }

    public static class InventoryDetail {
        public String version;
        public String state;
        public Long activated;
        public long created;
        public Map<String, Object> file;
        public Map<String, Object> dataset;
        public Map<String, Object> showcase;
        public Map<String, Object> dataTypeGroups;
        public List<Map<String, Object>> assays = new ArrayList<>();
    }

    public static class ReviewStep {
        public String name;
        public String description;
        public List<String> reviewers = new ArrayList<>();
    }
}
