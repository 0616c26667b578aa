package org.tre.tre.dispensal;

import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.tre.messages.error.DxError;
import org.tre.messages.error.DxException;
import org.tre.messages.error.ErrorType;

/**
 * What one object's copy answered. An object's refusal (gone from its source, say) fails the
 * dispensal on record; anything else is the service's own trouble, which the saga's deadline asks
 * again, since every copy is safe to repeat.
 */
record CopyAnswers(String objectId, DxError refusal, boolean byTheService) {

    static CopyAnswers copied(String objectId) {
        return new CopyAnswers(objectId, null, false);
    }

    static CopyAnswers failed(String objectId, Throwable failure) {
        for (Throwable cause = failure; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof DxException refusal) {
                return refused(objectId, DxError.of(refusal));
            }
            if (cause instanceof HandlerExecutionException remote
                    && remote.getDetails().orElse(null) instanceof DxError error) {
                return refused(objectId, error);
            }
            if (cause instanceof AggregateNotFoundException) {
                return refused(objectId, new DxError(ErrorType.ResourceNotFound,
                        "The object " + objectId + " was not found"));
            }
        }
        return new CopyAnswers(objectId, new DxError(ErrorType.InternalError, String.valueOf(failure)), true);
    }

    private static CopyAnswers refused(String objectId, DxError error) {
        boolean service = error.type() == ErrorType.InternalError || error.type() == ErrorType.ServiceUnavailable;
        return new CopyAnswers(objectId, error, service);
    }

    boolean ok() {
        return refusal == null;
    }
}
