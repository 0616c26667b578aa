package org.tre.api.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tre.messages.error.DxException;
import org.tre.messages.error.ErrorType;

/**
 * Answers what the servlet container rejects before any route runs (an unreadable URL, a body too
 * large) in the protocol's error shape rather than an HTML page.
 */
@RestController
public class DxErrorController implements ErrorController {

    private final DxErrors errors;

    public DxErrorController(DxErrors errors) {
        this.errors = errors;
    }

    @RequestMapping("/error")
    public ResponseEntity<JsonNode> error(HttpServletRequest http) {
        Object status = http.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object exception = http.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (exception instanceof Throwable failure) {
            return errors.toResponse(failure, String.valueOf(http.getAttribute(RequestIds.ATTRIBUTE)));
        }
        int code = status instanceof Integer i ? i : 404;
        DxException error = switch (code) {
            case 400 -> new DxException(ErrorType.MalformedJSON, "The request could not be read");
            case 413 -> DxException.invalidInput("The request body is too large");
            case 404, 405 -> DxException.notFound("No such route");
            default -> code >= 500
                    ? new DxException(ErrorType.InternalError, "An internal error occurred")
                    : DxException.invalidInput("The request was refused");
        };
        return errors.toResponse(error);
    }
}
