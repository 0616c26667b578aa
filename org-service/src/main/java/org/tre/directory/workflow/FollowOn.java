package org.tre.directory.workflow;

import org.axonframework.messaging.MetaData;
import org.tre.directory.audit.AuditContext;

/**
 * The audit metadata a follow-on command carries. A saga's handler passes it on by itself; a command
 * sent from a callback (once the steps a saga sent have answered) runs outside any handler, so it is
 * given the metadata of the event that started the work explicitly (DECISIONS.md §13: follow-on
 * events carry the userId and requestId of the request that set them off).
 */
public final class FollowOn {

    private FollowOn() {
    }

    public static MetaData of(MetaData handled) {
        return handled.subset(AuditContext.USER_ID, AuditContext.REQUEST_ID);
    }
}
