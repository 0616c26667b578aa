package org.tre.directory.support;

import org.tre.directory.user.DirectoryNames;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The directory's uniqueness facts, held in memory for aggregate fixtures. */
public final class TakenNames implements DirectoryNames {

    public final Set<String> handles = new HashSet<>();
    public final Set<String> emails = new HashSet<>();

    @Override
    public boolean handleTaken(String handle) {
        return handles.contains(handle.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean emailTaken(String email) {
        return emails.contains(email.toLowerCase(Locale.ROOT));
    }
}
