package org.tre.api.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tre.messages.error.DxException;

/**
 * Answers an error the application raised outside any route (a failure in a filter, a status set
 * without a body) in the protocol's error shape. What Tomcat refuses before the application runs never
 * gets here: DxErrorReportValve answers it.
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
        DxException error = DxErrors.forStatus(status instanceof Integer code ? code : 404);
        return errors.toResponse(error);
    }
}
