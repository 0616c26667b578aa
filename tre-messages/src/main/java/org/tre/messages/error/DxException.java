package org.tre.messages.error;

/**
 * A refusal that the caller caused and can read: it travels unchanged from an aggregate or a query
 * handler to the HTTP edge, where its type picks the status code.
 */
public class DxException extends RuntimeException {

    private final ErrorType type;

    public DxException(ErrorType type, String message) {
        super(message, null, false, false);
        this.type = type;
    }

    public ErrorType type() {
        return type;
    }

    public static DxException invalidInput(String message) {
        return new DxException(ErrorType.InvalidInput, message);
    }

    public static DxException invalidState(String message) {
        return new DxException(ErrorType.InvalidState, message);
    }

    public static DxException invalidType(String message) {
        return new DxException(ErrorType.InvalidType, message);
    }

    public static DxException notFound(String message) {
        return new DxException(ErrorType.ResourceNotFound, message);
    }

    public static DxException permissionDenied(String message) {
        return new DxException(ErrorType.PermissionDenied, message);
    }

    public static DxException invalidAuthentication(String message) {
        return new DxException(ErrorType.InvalidAuthentication, message);
    }
}
