package org.tre.tre.request;

import org.tre.messages.error.DxException;
import org.tre.tre.request.TreForRequests.TreFacts;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * {@code addCollaborators} and {@code removeCollaborators} (DECISIONS.md §15): users only, never the
 * applicant; every one must exist; added ones must be authorized users of the TRE; at most 100;
 * removing someone who is no collaborator is ignored. At submission every collaborator must still be
 * an authorized user (docs/DECISIONS.md): the committee reviews the team as well as the request.
 */
public final class Collaborators {

    public static final int LIMIT = 100;

    private Collaborators() {
    }

    public static void requireNotTheApplicant(List<String> users, String applicant) {
        if (users.contains(applicant)) {
            throw DxException.invalidInput("The applicant " + applicant + " cannot be a collaborator");
        }
    }

    public static void requireExist(List<String> users, TreForRequests platform) {
        for (String user : users) {
            if (!platform.userExists(user)) {
                throw DxException.notFound("The user " + user + " does not exist");
            }
        }
    }

    public static void requireAuthorized(Collection<String> users, TreFacts tre, TreForRequests platform) {
        for (String user : users) {
            if (!tre.authorizes(platform.principalsOf(user))) {
                throw DxException.invalidInput("The collaborator " + user + " is not an authorized user of "
                        + tre.treId());
            }
        }
    }

    /** The listed users not collaborators yet, each once. */
    public static List<String> newAmong(Set<String> current, List<String> users) {
        return users.stream().distinct().filter(user -> !current.contains(user)).toList();
    }

    public static List<String> collaboratorsAmong(Set<String> current, List<String> users) {
        return users.stream().distinct().filter(current::contains).toList();
    }

    public static void requireRoomFor(Set<String> current, List<String> added) {
        if (current.size() + added.size() > LIMIT) {
            throw DxException.invalidInput("A request has at most " + LIMIT + " collaborators");
        }
    }
}
