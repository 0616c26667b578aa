package org.tre.api.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.tre.directory.workflow.Refusals;
import org.tre.messages.error.DxError;
import org.tre.messages.error.DxException;
import org.tre.messages.error.ErrorType;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientException;

/** Turns whatever went wrong into the DNAnexus error body and the status its type demands. */
@Component
public class DxErrors {

    private static final Logger LOG = LoggerFactory.getLogger(DxErrors.class);

    private final ObjectMapper json = new ObjectMapper();

    public ResponseEntity<JsonNode> toResponse(Throwable failure, String requestId) {
        DxException error = translate(failure);
        if (error.type() == ErrorType.InternalError) {
            LOG.error("Request {} failed", requestId, failure);
        }
        return toResponse(error);
    }

    public ResponseEntity<JsonNode> toResponse(DxException error) {
        ObjectNode body = json.createObjectNode();
        ObjectNode inner = body.putObject("error");
        inner.put("type", error.type().name());
        inner.put("message", error.getMessage());
        var response = ResponseEntity.status(DxStatus.of(error.type())).contentType(MediaType.APPLICATION_JSON);
        DxStatus.retryAfterSeconds(error.type())
                .ifPresent(seconds -> response.header("Retry-After", Integer.toString(seconds)));
        return response.body(body);
    }

    /**
     * What a bare status from the servlet container means in the protocol's table, where nothing more is
     * known. The HTTP-level refusals (417 for an Expect, 501 for a transfer coding, 505 for a version) are
     * the caller's request that could not be read, so MalformedJSON: never a 5xx, which clients would retry.
     */
    static DxException forStatus(int status) {
        return switch (status) {
            case 404, 405 -> DxException.notFound("No such route");
            case 413 -> DxException.invalidInput("The request body is too large");
            case 503 -> new DxException(ErrorType.ServiceUnavailable, "The service is temporarily unavailable");
            case 417 -> new DxException(ErrorType.MalformedJSON,
                    "The request could not be read: the only Expect this service knows is 100-continue");
            case 505 -> new DxException(ErrorType.MalformedJSON,
                    "The request could not be read: this service speaks HTTP/1.1");
            case 501 -> new DxException(ErrorType.MalformedJSON,
                    "The request could not be read: it asks for an HTTP feature this service does not support");
            default -> status >= 500
                    ? new DxException(ErrorType.InternalError, "An internal error occurred")
                    : new DxException(ErrorType.MalformedJSON, "The request could not be read");
        };
    }

    static DxException translate(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DxException dx) {
                return dx;
            }
            if (cause instanceof HandlerExecutionException remote) {
                if (remote.getDetails().orElse(null) instanceof DxError error) {
                    return error.toException();
                }
            }
            // Under Axon Server: the role that handles this is not (yet) connected, or the server is away.
            if (cause instanceof NoHandlerForCommandException || cause instanceof NoHandlerForQueryException
                    || cause instanceof AxonServerException) {
                return new DxException(ErrorType.ServiceUnavailable, "A part of the service is unavailable; retry shortly");
            }
            if (cause instanceof AggregateNotFoundException missing) {
                return Refusals.notFound(missing);
            }
            // Two writers raced for the same entity or the same unique name; the loser changed nothing.
            // Axon's own JDBC event store does not go through Spring's exception translation: two requests
            // creating one aggregate id (two /org/new racing for a handle) surface as an EventStoreException
            // over a raw SQLException of class 23 (integrity constraint). Any class-23 SQL state is the same
            // race, and an InternalError would be retried six times by clients.
            if (cause instanceof ConcurrencyException || cause instanceof DataIntegrityViolationException
                    || cause instanceof AggregateStreamCreationException
                    || (cause instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23"))) {
                return DxException.invalidState("A concurrent request changed the same entity; nothing was changed");
            }
            // The database is away for a moment: clients retry a 503 by themselves.
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
                    || cause instanceof SQLTransientException || cause instanceof SQLNonTransientConnectionException) {
                return new DxException(ErrorType.ServiceUnavailable, "The service is temporarily unavailable");
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        return new DxException(ErrorType.InternalError, "An internal error occurred");
    }
}
