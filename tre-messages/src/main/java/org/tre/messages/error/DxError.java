package org.tre.messages.error;

/**
 * A {@link DxException} as data, for crossing from one instance to another: Axon Server carries a
 * handler's exception only as a message, but carries the details of a command or query execution
 * exception whole.
 */
public record DxError(ErrorType type, String message) {

    public static DxError of(DxException refusal) {
        return new DxError(refusal.type(), refusal.getMessage());
    }

    public DxException toException() {
        return new DxException(type, message);
    }
}
