package org.tre.api.roles;

import org.axonframework.spring.stereotype.Aggregate;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.core.env.Environment;
import org.tre.api.config.GrantSweep;
import org.tre.api.console.ConsoleResources;
import org.tre.api.protocol.DxDispatcher;
import org.tre.directory.operator.OperatorBootstrap;
import org.tre.tre.access.TreAccessReconciler;
import org.tre.tre.project.RequestPartyWithdrawal;

import java.util.Optional;
import java.util.Set;

/**
 * What each role hosts, in one place. A class not listed here runs in every role: the read models'
 * repositories, which every role reads from the shared database, and the protocol's helpers.
 *
 * <p>Read models kept in a command's transaction (the directory's lookup tables) need no role: an
 * instance publishes only the events of the aggregates it hosts, so they fire only there. The TRE
 * read model, where it streams, is started by the query role alone (StreamingReadModels).
 */
public final class Roles {

    public static final String PROPERTY = "tre.roles";

    private static final String DIRECTORY_CONTEXT = "org.tre.directory.";
    private static final String TRE_CONTEXT = "org.tre.tre.";

    private final Set<Role> active;

    public Roles(Set<Role> active) {
        this.active = Set.copyOf(active);
    }

    public static Roles of(Environment environment) {
        return new Roles(Role.parse(environment.getProperty(PROPERTY, "all")));
    }

    public boolean has(Role role) {
        return active.contains(role);
    }

    public boolean split() {
        return active.size() < Role.values().length;
    }

    @Override
    public String toString() {
        return split() ? active.toString() : "all roles";
    }

    /** The role a component belongs to, if it belongs to one. */
    static Optional<Role> owner(String className, Set<String> annotations) {
        if (annotations.contains(Aggregate.class.getName())) {
            if (className.startsWith(DIRECTORY_CONTEXT)) {
                return Optional.of(Role.directory);
            }
            if (className.startsWith(TRE_CONTEXT)) {
                return Optional.of(Role.command);
            }
        }
        if (annotations.contains(Saga.class.getName())) {
            return Optional.of(Role.command);
        }
        if (className.equals(TreAccessReconciler.class.getName())
                || className.equals(RequestPartyWithdrawal.class.getName())
                || className.equals(GrantSweep.class.getName())) {
            return Optional.of(Role.command);
        }
        if (className.equals(OperatorBootstrap.class.getName())) {
            return Optional.of(Role.directory);
        }
        // The console is served where the API it calls is published.
        if (className.equals(DxDispatcher.class.getName()) || className.equals(ConsoleResources.class.getName())) {
            return Optional.of(Role.gateway);
        }
        return Optional.empty();
    }
}
