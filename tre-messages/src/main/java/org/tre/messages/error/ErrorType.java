package org.tre.messages.error;

/** The error types of the DNAnexus protocol. Clients pick their exception class from the exact name. */
public enum ErrorType {
    MalformedJSON,
    InvalidAuthentication,
    PermissionDenied,
    SpendingLimitExceeded,
    ResourceNotFound,
    InvalidInput,
    InvalidState,
    InvalidType,
    RateLimitConditional,
    InternalError,
    ServiceUnavailable
}
