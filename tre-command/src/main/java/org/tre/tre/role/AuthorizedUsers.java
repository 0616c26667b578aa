package org.tre.tre.role;

import org.tre.messages.error.DxException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The authorized users list and its PUBLIC placeholder (DECISIONS.md §4): adding PUBLIC replaces
 * every other entry; users added while PUBLIC is listed stand beside it; removals while PUBLIC is
 * listed change nothing unless PUBLIC itself is removed. The list holds at most 1,000 entries.
 */
public final class AuthorizedUsers {

    public static final String PUBLIC = "PUBLIC";
    public static final int LIMIT = 1000;

    private AuthorizedUsers() {
    }

    public static List<String> afterAdding(List<String> current, List<String> added) {
        if (added.contains(PUBLIC)) {
            return List.of(PUBLIC);
        }
        Set<String> result = new LinkedHashSet<>(current);
        result.addAll(added);
        return List.copyOf(result);
    }

    public static void requireWithinLimit(List<String> after) {
        if (after.size() > LIMIT) {
            throw DxException.invalidInput("A TRE has at most " + LIMIT + " authorized users");
        }
    }

    public static List<String> afterRemoving(List<String> current, List<String> removed) {
        if (current.contains(PUBLIC) && !removed.contains(PUBLIC)) {
            return current;
        }
        List<String> result = new ArrayList<>(current);
        result.removeAll(removed);
        return List.copyOf(result);
    }
}
