package org.tre.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.tre.api.protocol.Paging;
import org.tre.api.protocol.input.Messages;
import org.tre.api.protocol.input.NotNullable;

import java.util.List;

/** The declared input of the audit routes (DECISIONS.md §13). */
public final class AuditInputs {

    private AuditInputs() {
    }

    /** {@code starting} is the {@code next} of the previous page, {@code {"sequence": n}} or n (EventHistory). */
    public record HistoryInput(
            Long after,
            Long before,
            @NotNullable(message = Messages.MISSING) List<String> types,
            JsonNode starting,
            @Min(value = 1, message = Paging.LIMIT_MESSAGE) @Max(value = Paging.MAX_LIMIT, message = Paging.LIMIT_MESSAGE)
            Long limit) {
    }
}
