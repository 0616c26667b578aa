package org.tre.directory.workflow;

import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.tre.messages.EntityIds;
import org.tre.messages.error.DxError;
import org.tre.messages.error.DxException;
import org.tre.messages.error.ErrorType;

/**
 * What a failed command means to the caller, as data a saga can record: the refusal an aggregate
 * made, wherever it ran (Axon Server hands it over as the details of an execution exception), or
 * the error the HTTP edge would answer for anything else.
 */
public final class Refusals {

    private Refusals() {
    }

    public static DxError of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DxException refusal) {
                return DxError.of(refusal);
            }
            if (cause instanceof HandlerExecutionException remote
                    && remote.getDetails().orElse(null) instanceof DxError error) {
                return error;
            }
            if (cause instanceof AggregateNotFoundException missing) {
                return DxError.of(notFound(missing));
            }
            if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
                return new DxError(ErrorType.InvalidState,
                        "A concurrent request changed the same entity; nothing was changed");
            }
            if (cause instanceof NoHandlerForCommandException) {
                return new DxError(ErrorType.ServiceUnavailable, "A part of the service is unavailable; retry shortly");
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        return new DxError(ErrorType.InternalError, "An internal error occurred");
    }

    /** A refusal the caller can act on, as opposed to the service failing on its own. */
    public static boolean byTheService(DxError error) {
        return error.type() == ErrorType.InternalError || error.type() == ErrorType.ServiceUnavailable;
    }

    /** An id no aggregate was ever created for: {@code The file file-… was not found}. */
    public static DxException notFound(AggregateNotFoundException missing) {
        Object id = missing.getAggregateIdentifier();
        return id == null ? DxException.notFound("The entity was not found")
                : DxException.notFound("The " + wordFor(EntityIds.classOf(id.toString())) + " " + id + " was not found");
    }

    /** The word the routes' own messages use for a class: "The TRE tre-x", "The org org-x". */
    private static String wordFor(String entityClass) {
        return entityClass.equals("tre") ? "TRE" : entityClass;
    }
}
