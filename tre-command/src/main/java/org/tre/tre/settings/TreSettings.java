package org.tre.tre.settings;

import org.tre.messages.error.DxException;
import org.tre.messages.tre.TreCommands.UpdateTreCommand;
import org.tre.messages.tre.TreState;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.tre.messages.tre.TreState.active;
import static org.tre.messages.tre.TreState.amending;
import static org.tre.messages.tre.TreState.draft;

/**
 * tre-api.md "TRE States", its table of which settings are configurable in draft, amending and
 * active, one row per constant, with the rows DECISIONS.md §3 and §5 add. Every command that changes
 * a setting asks its row after the caller's rights and before anything that needs the directory;
 * outside the row's states the answer is InvalidState.
 */
public enum TreSettings {

    /** {@code name}, {@code description}: every state. */
    NAME_AND_DESCRIPTION("name and description", "changed", draft, amending, active),
    /** DECISIONS.md §3: {@code summary} follows name and description. */
    SUMMARY("summary", "changed", draft, amending, active),
    /** DECISIONS.md §3: support access is switched while the TRE runs, for troubleshooting. */
    ALLOW_SUPPORT_ACCESS("allowSupportAccess", "changed", draft, amending, active),
    /** {@code region}, {@code billTo}: draft only. */
    REGION_AND_BILL_TO("region and billTo", "changed", draft),
    /** DECISIONS.md §3: {@code supportOrg}, like the billing facts, draft only. */
    SUPPORT_ORG("supportOrg", "changed", draft),
    /** {@code customizedRateCard}, {@code customizedURL}: draft only. */
    CUSTOMIZED_RATE_CARD_AND_URL("customizedRateCard and customizedURL", "changed", draft),
    /** Inventory: draft and amending, never while active (tre-api.md "TRE Inventory"). */
    INVENTORY("The inventory", "set", draft, amending),
    /** Policies: every state. */
    POLICIES("Policies", "set", draft, amending, active),
    /** User management (TRE admins and authorized users): every state. */
    USER_MANAGEMENT("TRE admins and authorized users", "changed", draft, amending, active),
    /** Add or remove review steps: draft only. */
    ADD_OR_REMOVE_REVIEW_STEPS("Review steps", "added or removed", draft),
    /** DECISIONS.md §5: a step's name and description are updated in every state. */
    UPDATE_REVIEW_STEPS("Review steps", "updated", draft, amending, active),
    /** Add or remove reviewers: reviewers can be added or removed in any state. */
    ADD_OR_REMOVE_REVIEWERS("Reviewers", "added or removed", draft, amending, active);

    private final String setting;
    private final String change;
    private final Set<TreState> configurableIn;

    TreSettings(String setting, String change, TreState first, TreState... rest) {
        this.setting = setting;
        this.change = change;
        this.configurableIn = EnumSet.of(first, rest);
    }

    /** The rows {@code /tre-xxxx/update} touches: one for each setting it names, in the table's order. */
    public static List<TreSettings> changedBy(UpdateTreCommand command) {
        List<TreSettings> named = new ArrayList<>();
        if (command.name() != null || command.description() != null) {
            named.add(NAME_AND_DESCRIPTION);
        }
        if (command.summary() != null) {
            named.add(SUMMARY);
        }
        if (command.allowSupportAccess() != null) {
            named.add(ALLOW_SUPPORT_ACCESS);
        }
        if (command.billTo() != null || command.region() != null) {
            named.add(REGION_AND_BILL_TO);
        }
        if (command.supportOrgGiven()) {
            named.add(SUPPORT_ORG);
        }
        if (command.customizedRateCard() != null || command.customizedURL() != null) {
            named.add(CUSTOMIZED_RATE_CARD_AND_URL);
        }
        return named;
    }

    public boolean configurableIn(TreState state) {
        return configurableIn.contains(state);
    }

    public void requireConfigurableIn(TreState state) {
        if (!configurableIn(state)) {
            String states = configurableIn.stream().map(TreState::name).collect(Collectors.joining(" or "));
            throw DxException.invalidState(setting + " can only be " + change + " in " + states + "; the TRE is "
                    + state);
        }
    }
}
