package org.tre.api.protocol;

import org.tre.messages.error.ErrorType;

import java.util.OptionalInt;

/** The type-to-status table of PROTOCOL.md. DNAnexus answers PermissionDenied with 401, not 403. */
final class DxStatus {

    private DxStatus() {
    }

    static int of(ErrorType type) {
        return switch (type) {
            case MalformedJSON -> 400;
            case InvalidAuthentication, PermissionDenied -> 401;
            case SpendingLimitExceeded -> 403;
            case ResourceNotFound -> 404;
            case InvalidInput, InvalidState, InvalidType -> 422;
            case RateLimitConditional -> 429;
            case InternalError -> 500;
            case ServiceUnavailable -> 503;
        };
    }

    /** The two types clients retry after waiting carry the wait in a Retry-After header. */
    static OptionalInt retryAfterSeconds(ErrorType type) {
        return switch (type) {
            case RateLimitConditional -> OptionalInt.of(1);
            case ServiceUnavailable -> OptionalInt.of(5);
            default -> OptionalInt.empty();
        };
    }
}
