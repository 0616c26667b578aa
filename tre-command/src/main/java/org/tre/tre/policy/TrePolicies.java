package org.tre.tre.policy;

import org.tre.messages.error.DxException;
import org.tre.messages.tre.Policies;
import org.tre.tre.directory.TreDirectory;
import org.tre.tre.directory.TreDirectory.BillingOrg;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * tre-api.md "TRE Policies" and {@code /tre-xxxx/setPolicies}, with DECISIONS.md §7 and §12:
 * {@code setPolicies} merges (named keys change, omitted keys stay); a value is true, false or null
 * (not enforced); a feature-switched policy needs its license on the billing org for true and false;
 * {@code containsPHI} once true stays true. TRE projects carry every non-null policy as their flag.
 */
public final class TrePolicies {

    private TrePolicies() {
    }

    public static void requireKnownKeys(Map<String, Boolean> requested) {
        for (String key : requested.keySet()) {
            if (!Policies.KEYS.contains(key)) {
                throw DxException.invalidInput("Unrecognized policy key " + key);
            }
        }
    }

    /** The licenses are those the billing org holds now, not when the TRE was created. */
    public static void requireLicensesOfFeatureSwitches(Map<String, Boolean> requested, String billTo,
                                                        TreDirectory directory) {
        Set<String> licenses = directory.org(billTo).map(BillingOrg::licenses).orElse(Set.of());
        requested.forEach((key, value) -> {
            String license = Policies.LICENSE_OF.get(key);
            if (value != null && license != null && !licenses.contains(license)) {
                throw DxException.permissionDenied("The policy " + key + " needs the " + license
                        + " feature switch on " + billTo);
            }
        });
    }

    /** "Once enabled, this setting cannot be disabled": neither false nor null, in any state. */
    public static void requireContainsPhiStaysEnabled(Map<String, Boolean> current, Map<String, Boolean> requested) {
        if (Boolean.TRUE.equals(current.get(Policies.CONTAINS_PHI)) && requested.containsKey(Policies.CONTAINS_PHI)
                && !Boolean.TRUE.equals(requested.get(Policies.CONTAINS_PHI))) {
            throw DxException.invalidState("containsPHI, once enabled, cannot be disabled");
        }
    }

    /** The requested values that differ from the current ones: what must reach the TRE's projects. */
    public static Map<String, Boolean> changed(Map<String, Boolean> current, Map<String, Boolean> requested) {
        Map<String, Boolean> changed = new LinkedHashMap<>();
        requested.forEach((key, value) -> {
            if (!Objects.equals(current.get(key), value)) {
                changed.put(key, value);
            }
        });
        return changed;
    }

    /** All ten after the merge. */
    public static Map<String, Boolean> merged(Map<String, Boolean> current, Map<String, Boolean> requested) {
        Map<String, Boolean> after = new LinkedHashMap<>(current);
        after.putAll(requested);
        return after;
    }

    /** The policies a TRE project enforces as its flags: the non-null ones. */
    public static Map<String, Boolean> enforced(Map<String, Boolean> policies) {
        Map<String, Boolean> enforced = new LinkedHashMap<>();
        policies.forEach((key, value) -> {
            if (value != null) {
                enforced.put(key, value);
            }
        });
        return enforced;
    }
}
