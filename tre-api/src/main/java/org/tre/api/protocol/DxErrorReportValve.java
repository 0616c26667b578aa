package org.tre.api.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.ResponseEntity;
import org.tre.messages.error.DxException;
import org.tre.messages.error.ErrorType;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's last word on a request, in the protocol's error shape instead of its HTML page: what the
 * connector refuses before any servlet runs (a path it will not decode, a request line or headers it
 * cannot read, TRACE, CONNECT), and any error nothing else wrote a body for. Each answer carries an
 * X-Request-ID and the CORS headers, as the application's own answers do (DxProtocolFilter).
 */
final class DxErrorReportValve extends ErrorReportValve {

    private static final Logger ACCESS = LoggerFactory.getLogger("org.tre.api.access");
    /** Enough of a path to recognise it; a refused one may be as long as the header limit. */
    private static final int SHOWN_PATH = 200;

    private final DxErrors errors;
    private final ObjectMapper json = new ObjectMapper();

    DxErrorReportValve(DxErrors errors) {
        this.errors = errors;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        // An error already set when the request reaches the Host was set by the connector: the request never
        // was fit for the application. The Host would hand some of these to the application's /error page,
        // which cannot answer them all (TRACE came back as an empty 405), so they are answered here.
        if (response.isErrorReportRequired() && !request.isAsync()) {
            response.setSuspended(false);
            if (response.setErrorReported()) {
                DxException refusal = refusedBeforeTheApplication(request, response, response.getStatus());
                logAccess(request, response, answer(request, response, refusal));
            }
            return;
        }
        super.invoke(request, response);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        answer(request, response, DxErrors.forStatus(response.getStatus()));
    }

    /**
     * The refusal as the protocol names it. Tomcat's status says what went wrong but not in the protocol's
     * terms: its 400 is a request it could not parse at all (which the table's one 400 type stands for) as
     * well as a path it will not decode (no route has such a path); its 405 and 501 are methods no route
     * serves as well as a transfer coding it lacks.
     */
    private DxException refusedBeforeTheApplication(Request request, Response response, int status) {
        // The HTTP processor marks its own refusals (a request line or headers it cannot parse, a missing
        // Host, a bad length, a version or transfer coding it lacks) as an error of the connection, which
        // it then closes; the refusals of the path and the method come later and leave it open.
        AtomicBoolean unreadable = new AtomicBoolean();
        response.getCoyoteResponse().action(ActionCode.IS_ERROR, unreadable);
        if (unreadable.get() && status == 400) {
            return new DxException(ErrorType.MalformedJSON,
                    "The request could not be read: " + headerLimits(request));
        }
        String method = request.getMethod();
        if (method != null && !method.isEmpty() && !"POST".equals(method) && !"OPTIONS".equals(method)) {
            return DxDispatcher.notAPost(method, shown(request.getRequestURI()));
        }
        // Tomcat drops the decoded path of a URI it refuses to decode or normalise.
        if (!unreadable.get() && status == 400 && request.getDecodedRequestURIMB().isNull()) {
            return DxException.notFound("No route " + shown(request.getRequestURI())
                    + ": the path cannot be decoded (an encoded '/', '\\' or NUL, a malformed '%' escape or UTF-8"
                    + " sequence, or '..' above the root)");
        }
        return DxErrors.forStatus(status);
    }

    private static String headerLimits(Request request) {
        if (request.getConnector().getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
            return "the request line and headers must be valid HTTP/1.1, at most "
                    + DataSizes.shown(http.getMaxHttpRequestHeaderSize()) + " together, in at most "
                    + http.getMaxHeaderCount() + " headers";
        }
        return "the request line and headers must be valid HTTP/1.1";
    }

    /** Writes the refusal and returns the request's id. */
    private String answer(Request request, Response response, DxException refusal) {
        ResponseEntity<JsonNode> error = errors.toResponse(refusal);
        // A 405's Allow would name methods that no route serves.
        response.getCoyoteResponse().getMimeHeaders().removeHeader("Allow");
        String requestId = response.containsHeader(RequestIds.HEADER)
                ? RequestIds.of(request) : DxProtocolFilter.stamp(request, response);
        try {
            byte[] body = json.writeValueAsBytes(error.getBody());
            response.setStatus(error.getStatusCode().value());
            error.getHeaders().forEach((name, values) -> values.forEach(value -> response.setHeader(name, value)));
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException gone) {
            // The client left, or the application took the writer before failing: nothing more can be said.
        }
        return requestId;
    }

    /** The access line DxDispatcher writes for the requests it answers, for those it never sees. */
    private static void logAccess(Request request, Response response, String requestId) {
        MDC.put("requestId", requestId);
        try {
            String method = request.getMethod();
            ACCESS.info("{} {} {} refused before the application", method == null || method.isEmpty() ? "-" : method,
                    shown(request.getRequestURI()), response.getStatus());
        } finally {
            MDC.remove("requestId");
        }
    }

    private static String shown(String path) {
        if (path == null) {
            return "";
        }
        return path.length() <= SHOWN_PATH ? path : path.substring(0, SHOWN_PATH) + "...";
    }
}
