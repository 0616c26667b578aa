package org.tre.api.org;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tre.directory.org.OrgProjection.OrgRecord;
import org.tre.directory.org.OrgPolicies;
import org.tre.directory.token.Caller;
import org.tre.messages.error.DxException;
import org.tre.messages.org.Licenses;
import org.tre.messages.org.OrgViews.OrgFacts;
import org.tre.messages.org.OrgViews.OrgMembership;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /org-xxxx/describe}: which fields a caller may see, by membership, flags and token scope
 * (org-api.txt, DECISIONS.md §12 and §13).
 */
final class OrgDescribe {

    static final List<String> DEFAULT_FIELDS = List.of("class", "handle", "name", "admins", "level",
            "allowBillableActivities", "projectAccess", "appAccess", "treManagement", "policies",
            "pendingBillingInformation", "estSpendingLimitLeft", "phiFeaturesEnabled", "defaultRegion",
            "permittedRegions", "billingInformation", "computeCharges", "storageCharges", "storageChargesComputedAt",
            "dataEgressCharges", "jobLogsForwarding");
    static final List<String> ON_REQUEST_FIELDS = List.of("pricingModelsByRegion", "pendingTransfers",
            "userCreationFeaturesEnabled");

    private static final Set<String> MEMBER_FIELDS = Set.of("level", "allowBillableActivities", "projectAccess",
            "appAccess", "treManagement", "policies", "pendingBillingInformation", "estSpendingLimitLeft",
            "phiFeaturesEnabled", "defaultRegion", "permittedRegions");
    private static final Set<String> CHARGE_FIELDS = Set.of("computeCharges", "storageCharges",
            "storageChargesComputedAt", "dataEgressCharges");

    private OrgDescribe() {
    }

    /** The fields asked for: the defaults unless turned off, then each named field on or off. */
    static Set<String> requested(Map<String, Boolean> fields, Boolean defaultFields, Boolean pendingTransfers) {
        for (String name : fields == null ? Set.<String>of() : fields.keySet()) {
            if (!DEFAULT_FIELDS.contains(name) && !ON_REQUEST_FIELDS.contains(name) && !"id".equals(name)) {
                throw DxException.invalidInput("Unknown org field '" + name + "' in fields");
            }
        }
        boolean withDefaults = defaultFields != null ? defaultFields : fields == null;
        Set<String> requested = new LinkedHashSet<>(withDefaults ? DEFAULT_FIELDS : List.of());
        if (fields == null) {
            if (Boolean.TRUE.equals(pendingTransfers)) {
                requested.add("pendingTransfers");
            }
        } else {
            fields.forEach((name, on) -> {
                if (on) {
                    requested.add(name);
                } else {
                    requested.remove(name);
                }
            });
        }
        return requested;
    }

    static ObjectNode render(OrgRecord org, Caller caller, Optional<OrgMembership> membership, List<String> admins,
                             List<String> pendingTransfers, Set<String> requested, Map<String, Boolean> fields,
                             long now, ObjectMapper json) {
        OrgFacts facts = org.facts();
        boolean operator = caller.isOperator();
        boolean full = caller.fullScope();
        boolean member = membership.isPresent() || operator;
        boolean admin = membership.map(OrgMembership::isAdmin).orElse(false) || operator;
        boolean billing = membership.map(OrgMembership::allowBillableActivities).orElse(false) || operator;
        if (fields != null && Boolean.TRUE.equals(fields.get("jobLogsForwarding")) && !(admin && full)) {
            throw DxException.permissionDenied(
                    "jobLogsForwarding can only be requested by an org ADMIN with a full-scope token");
        }
        boolean publicMembers = "PUBLIC".equals(facts.policy(OrgPolicies.MEMBER_LIST_VISIBILITY));

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", facts.id());
        for (String field : requested) {
            boolean visible = switch (field) {
                case "class", "handle", "name" -> true;
                case "admins" -> publicMembers || (member && full);
                case "billingInformation" -> member && full && facts.billable();
                case "pricingModelsByRegion" -> billing && full && facts.billable();
                case "pendingTransfers", "userCreationFeaturesEnabled", "jobLogsForwarding" -> admin && full;
                default -> MEMBER_FIELDS.contains(field) ? member && full
                        : CHARGE_FIELDS.contains(field) && billing && full;
            };
            if (visible) {
                out.put(field, value(field, org, membership, admins, pendingTransfers, now));
            }
        }
        return json.valueToTree(out);
    }

    private static Object value(String field, OrgRecord org, Optional<OrgMembership> membership, List<String> admins,
                                List<String> pendingTransfers, long now) {
        OrgFacts facts = org.facts();
        return switch (field) {
            case "class" -> "org";
            case "handle" -> facts.handle();
            case "name" -> facts.name();
            case "admins" -> admins;
            case "level" -> membership.map(OrgMembership::level).orElse(null);
            case "allowBillableActivities" -> membership.map(OrgMembership::allowBillableActivities).orElse(null);
            case "projectAccess" -> membership.map(OrgMembership::projectAccess).orElse(null);
            case "appAccess" -> membership.map(OrgMembership::appAccess).orElse(null);
            case "treManagement" -> membership.map(OrgMembership::treManagement).orElse(null);
            case "policies" -> facts.policies();
            case "pendingBillingInformation", "estSpendingLimitLeft" -> null;
            case "phiFeaturesEnabled" -> facts.hasLicense(Licenses.PHI_FEATURES);
            case "defaultRegion" -> facts.defaultRegion();
            case "permittedRegions" -> facts.permittedRegions();
            case "billingInformation" -> Map.of("billable", true);
            case "computeCharges", "storageCharges", "dataEgressCharges" -> 0;
            case "storageChargesComputedAt" -> now;
            case "jobLogsForwarding" -> facts.hasLicense(Licenses.JOB_LOGS_FORWARDING) ? org.jobLogs() : null;
            case "pricingModelsByRegion" -> pricing(org);
            case "pendingTransfers" -> pendingTransfers;
            case "userCreationFeaturesEnabled" -> facts.hasLicense(Licenses.USER_CREATION);
            default -> throw new IllegalArgumentException(field);
        };
    }

    /** One entry per permitted region; computeRatesPerHourPHI only for orgs with PHI features. */
    private static Map<String, Object> pricing(OrgRecord org) {
        Map<String, Object> byRegion = new LinkedHashMap<>();
        for (String region : org.facts().permittedRegions()) {
            Object model = org.pricingModelsByRegion().get(region);
            if (model instanceof Map<?, ?> map && !org.facts().hasLicense(Licenses.PHI_FEATURES)) {
                Map<Object, Object> copy = new LinkedHashMap<>(map);
                copy.remove("computeRatesPerHourPHI");
                model = copy;
            }
            byRegion.put(region, model != null ? model : Map.of());
        }
        return byRegion;
    }
}
