package org.tre.messages.app;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.tre.messages.Requester;

import java.util.List;

/**
 * The operator's allowlist of apps that may serve HTTPS from a TRE project (DECISIONS.md §16 of the
 * spec). There is one allowlist for the whole service, so it lives under one well-known id.
 */
public final class HttpsAppMessages {

    public static final String ALLOWLIST_ID = "httpsAppAllowlist";

    private HttpsAppMessages() {
    }

    /** {@code apps} replaces the whole list; an empty list allows no app. */
    public record SetHttpsAppAllowlistCommand(@TargetAggregateIdentifier String allowlistId,
                                              List<String> apps,
                                              Requester requester) {
    }

    public record HttpsAppAllowlistSetEvent(String allowlistId, List<String> apps, String setBy) {
    }
}
