package org.tre.tre.role;

import org.tre.messages.error.DxException;
import org.tre.tre.directory.TreDirectory;
import org.tre.tre.directory.TreDirectory.OrgRole;

import java.util.Collection;
import java.util.List;

/**
 * The TRE admin role (tre-api.md "TRE Roles", {@code addTreAdmins}, {@code removeTreAdmins};
 * DECISIONS.md §4): at most 100; a new admin is a member of the billing org holding
 * {@code treManagement}; an admin cannot remove themself, and the last admin stays.
 */
public final class TreAdmins {

    public static final int LIMIT = 100;

    private TreAdmins() {
    }

    /** The listed users who are not admins yet, each once: adding an admin again changes nothing. */
    public static List<String> newAmong(Collection<String> admins, List<String> users) {
        return users.stream().distinct().filter(user -> !admins.contains(user)).toList();
    }

    /** The listed users who are admins: removing someone who is none is ignored. */
    public static List<String> adminsAmong(Collection<String> admins, List<String> users) {
        return users.stream().distinct().filter(admins::contains).toList();
    }

    public static void requireRoomFor(Collection<String> admins, List<String> added) {
        if (admins.size() + added.size() > LIMIT) {
            throw DxException.invalidInput("A TRE has at most " + LIMIT + " admins");
        }
    }

    public static void requireTreManagersOf(String billTo, List<String> added, TreDirectory directory) {
        for (String user : added) {
            boolean manager = directory.member(billTo, user).map(OrgRole::treManagement).orElse(false);
            if (!manager) {
                throw DxException.invalidInput(user + " must be a member of " + billTo
                        + " with the treManagement flag");
            }
        }
    }

    public static void requireNotThemself(List<String> removed, String requester) {
        if (removed.contains(requester)) {
            throw DxException.invalidInput("A TRE admin cannot remove themself");
        }
    }

    public static void requireOneLeft(Collection<String> admins, List<String> removed) {
        if (removed.size() == admins.size()) {
            throw DxException.invalidInput("The last TRE admin cannot be removed");
        }
    }
}
