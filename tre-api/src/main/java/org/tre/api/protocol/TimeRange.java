package org.tre.api.protocol;

import org.tre.messages.error.DxException;

import java.util.function.Predicate;

/** A {@code created} or {@code modified} filter: {@code after} and/or {@code before}, both inclusive. */
public final class TimeRange {

    private TimeRange() {
    }

    public static Predicate<Long> of(DxInput in, String field) {
        var range = in.optionalObject(field);
        if (range.isEmpty()) {
            return t -> true;
        }
        DxInput bounds = new DxInput(range.get());
        for (var it = range.get().fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals("after") && !key.equals("before")) {
                throw DxException.invalidInput("'" + field + "' may hold only after and before");
            }
        }
        Long after = bounds.optionalLong("after").orElse(null);
        Long before = bounds.optionalLong("before").orElse(null);
        if (after == null && before == null) {
            throw DxException.invalidInput("'" + field + "' needs after or before");
        }
        return t -> (after == null || t >= after) && (before == null || t <= before);
    }
}
