package org.tre.tre.role;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.tre.role.AuthorizedUsers.PUBLIC;

/** The PUBLIC placeholder rules of DECISIONS.md §4 and §12, without an aggregate around them. */
class AuthorizedUsersTest {

    private static final String EVE = "user-eve";
    private static final String FRANK = "user-frank";
    private static final String ORG = "org-acme";

    @Test
    void addingAppendsNewEntriesInOrderWithoutDuplicates() {
        assertThat(AuthorizedUsers.afterAdding(List.of(EVE), List.of(ORG, EVE, FRANK, ORG)))
                .containsExactly(EVE, ORG, FRANK);
    }

    @Test
    void addingPublicReplacesEveryOtherEntry() {
        assertThat(AuthorizedUsers.afterAdding(List.of(EVE, ORG), List.of(PUBLIC))).containsExactly(PUBLIC);
    }

    @Test
    void addingPublicWithUsersLeavesExactlyPublic() {
        assertThat(AuthorizedUsers.afterAdding(List.of(), List.of(EVE, PUBLIC, ORG))).containsExactly(PUBLIC);
    }

    @Test
    void usersAddedWhilePublicIsListedStandBesideIt() {
        assertThat(AuthorizedUsers.afterAdding(List.of(PUBLIC), List.of(EVE))).containsExactly(PUBLIC, EVE);
    }

    @Test
    void removingWhilePublicIsListedWithoutRemovingPublicChangesNothing() {
        assertThat(AuthorizedUsers.afterRemoving(List.of(PUBLIC, EVE), List.of(EVE))).containsExactly(PUBLIC, EVE);
    }

    @Test
    void removingPublicTogetherWithUsersRemovesThemAll() {
        assertThat(AuthorizedUsers.afterRemoving(List.of(PUBLIC, EVE, FRANK), List.of(EVE, PUBLIC)))
                .containsExactly(FRANK);
    }

    @Test
    void removingWithoutPublicRemovesTheNamedEntriesOnly() {
        assertThat(AuthorizedUsers.afterRemoving(List.of(EVE, ORG, FRANK), List.of(ORG, "user-nobody")))
                .containsExactly(EVE, FRANK);
    }

    @Test
    void theResultsCannotBeModified() {
        List<String> added = AuthorizedUsers.afterAdding(List.of(), List.of(EVE));
        List<String> removed = AuthorizedUsers.afterRemoving(List.of(EVE, FRANK), List.of(EVE));
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> added.add(FRANK));
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> removed.add(EVE));
    }

    @Test
    void theLimitIsOneThousand() {
        assertThat(AuthorizedUsers.LIMIT).isEqualTo(1000);
    }
}
