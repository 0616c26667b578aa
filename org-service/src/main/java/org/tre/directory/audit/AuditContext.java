package org.tre.directory.audit;

import org.tre.messages.workflow.FollowOn;

import java.util.function.Supplier;

/**
 * Who asked, and in which request, for the thread that serves it. Every command dispatched while it
 * is set carries both as metadata, and Axon's correlation copies them onto every event the command
 * causes, so the event store reads as an audit log.
 */
public final class AuditContext {

    public static final String USER_ID = FollowOn.USER_ID;
    public static final String REQUEST_ID = FollowOn.REQUEST_ID;

    private static final ThreadLocal<Actor> CURRENT = new ThreadLocal<>();

    public record Actor(String userId, String requestId) {
    }

    private AuditContext() {
    }

    public static <T> T runAs(String userId, String requestId, Supplier<T> work) {
        Actor previous = CURRENT.get();
        CURRENT.set(new Actor(userId, requestId));
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    public static Actor current() {
        return CURRENT.get();
    }
}
