package org.tre.api.protocol;

import org.junit.jupiter.api.Test;
import org.tre.messages.error.ErrorType;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole type-to-status table of PROTOCOL.md, row by row, including the rows no client input
 * can provoke (InternalError) and those the platform does not raise yet (SpendingLimitExceeded).
 */
class DxStatusTest {

    @Test
    void everyErrorTypeHasTheStatusOfTheProtocolTable() {
        Map<ErrorType, Integer> table = new EnumMap<>(ErrorType.class);
        table.put(ErrorType.MalformedJSON, 400);
        table.put(ErrorType.InvalidAuthentication, 401);
        table.put(ErrorType.PermissionDenied, 401);
        table.put(ErrorType.SpendingLimitExceeded, 403);
        table.put(ErrorType.ResourceNotFound, 404);
        table.put(ErrorType.InvalidInput, 422);
        table.put(ErrorType.InvalidState, 422);
        table.put(ErrorType.InvalidType, 422);
        table.put(ErrorType.RateLimitConditional, 429);
        table.put(ErrorType.InternalError, 500);
        table.put(ErrorType.ServiceUnavailable, 503);
        assertThat(table).hasSize(ErrorType.values().length);
        table.forEach((type, status) -> assertThat(DxStatus.of(type)).as(type.name()).isEqualTo(status));
    }

    @Test
    void onlyTheRetriedTypesCarryRetryAfter() {
        for (ErrorType type : ErrorType.values()) {
            boolean retried = type == ErrorType.RateLimitConditional || type == ErrorType.ServiceUnavailable;
            assertThat(DxStatus.retryAfterSeconds(type).isPresent()).as(type.name()).isEqualTo(retried);
        }
    }

    @Test
    void anUnexpectedFailureIsInternalErrorAndADatabaseOutageIsServiceUnavailable() {
        assertThat(DxErrors.translate(new IllegalStateException("bug")).type()).isEqualTo(ErrorType.InternalError);
        assertThat(DxErrors.translate(new org.springframework.jdbc.CannotGetJdbcConnectionException("down")).type())
                .isEqualTo(ErrorType.ServiceUnavailable);
    }
}
