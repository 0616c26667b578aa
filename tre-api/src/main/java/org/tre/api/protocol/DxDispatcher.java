package org.tre.api.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tre.api.config.StreamingReadModels;
import org.tre.api.protocol.input.DeclaredInputs;
import org.tre.api.protocol.input.NoInput;
import org.tre.api.rebuild.ProjectionRebuilds;
import org.tre.directory.audit.AuditContext;
import org.tre.directory.token.AuthTokens;
import org.tre.directory.token.Caller;
import org.tre.messages.error.DxException;
import org.tre.messages.error.ErrorType;

import java.io.IOException;
import java.util.List;

/**
 * The DNAnexus wire protocol in one place: POST only, a JSON object body, Bearer tokens, and every
 * failure as a typed error. Checks run in the order of DECISIONS.md §1: route, token, body, input.
 */
@RestController
public class DxDispatcher {

    /** Strict on purpose: a body with trailing garbage or a repeated key is not the JSON the caller meant. */
    private static final ObjectMapper STRICT_JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    private static final String REBUILD_STATUS = "system/rebuildStatus";
    private static final Logger ACCESS = LoggerFactory.getLogger("org.tre.api.access");

    private final DxRoutes routes;
    /** Written once the table is complete: the routes do not change while the service runs. */
    private final ObjectNode openApi;
    private final AuthTokens tokens;
    private final DxErrors errors;
    private final RateLimiter rateLimiter;
    private final ProjectionRebuilds rebuilds;
    private final StreamingReadModels readModels;
    private final int maxBodyBytes;

    public DxDispatcher(List<DxRoutes.Provider> providers, AuthTokens tokens, DxErrors errors,
                        RateLimiter rateLimiter, ProjectionRebuilds rebuilds, StreamingReadModels readModels,
                        DeclaredInputs inputs, @Value("${tre.max-request-body:8MB}") DataSize maxBody) {
        this.routes = new DxRoutes(inputs);
        providers.forEach(provider -> provider.register(routes));
        // The description of the API is a route of the API, so it follows the protocol: POST, a token.
        routes.post(OpenApiDocument.ROUTE, NoInput.class, (request, none) -> openApiDocument());
        this.openApi = OpenApiDocument.of(routes, STRICT_JSON);
        this.tokens = tokens;
        this.errors = errors;
        this.rateLimiter = rateLimiter;
        this.rebuilds = rebuilds;
        this.readModels = readModels;
        // One byte more than the limit is read to tell a body at the limit from one past it.
        this.maxBodyBytes = (int) Math.min(maxBody.toBytes(), Integer.MAX_VALUE - 1);
    }

    private ObjectNode openApiDocument() {
        return openApi.deepCopy();
    }

    /** The route table, for what describes it. */
    DxRoutes routes() {
        return routes;
    }

    /** The refusal for every method but POST, here and where Tomcat refuses a method before any route. */
    static DxException notAPost(String method, String uri) {
        return DxException.notFound("No route " + method + " " + uri + ": every route of this API is a POST");
    }

    @RequestMapping("/**")
    public ResponseEntity<JsonNode> dispatch(HttpServletRequest http) {
        long started = System.nanoTime();
        ResponseEntity<JsonNode> response = answer(http);
        // The route, the status and the time; requestId and userId travel in the log context. Never a body.
        ACCESS.info("{} {} {} {}ms", http.getMethod(), http.getRequestURI(), response.getStatusCode().value(),
                (System.nanoTime() - started) / 1_000_000);
        return response;
    }

    private ResponseEntity<JsonNode> answer(HttpServletRequest http) {
        String requestId = RequestIds.of(http);
        try {
            if (!"POST".equals(http.getMethod())) {
                throw notAPost(http.getMethod(), http.getRequestURI());
            }
            DxRoutes.Match match = routes.match(http.getRequestURI())
                    .orElseThrow(() -> DxException.notFound("No route " + http.getRequestURI()));
            // While read models are rebuilt every answer could be wrong and every write would race the
            // replay; clients retry a 503 by themselves.
            if (rebuilds.running() && !REBUILD_STATUS.equals(match.key())) {
                throw new DxException(ErrorType.ServiceUnavailable, "Read models are being rebuilt; retry shortly");
            }
            Caller caller = authenticate(http);
            MDC.put("userId", caller.userId());
            rateLimiter.admit(caller.userId());
            DxInput input = new DxInput(readBody(http));
            ObjectNode result = readModels.answerAfterItsWrites(() -> AuditContext.runAs(caller.userId(), requestId,
                    () -> match.handler().handle(new DxRequest(caller, match.entityId(), input, requestId,
                            http.getRemoteAddr()))));
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(result);
        } catch (RuntimeException failure) {
            return errors.toResponse(failure, requestId);
        }
    }

    private Caller authenticate(HttpServletRequest http) {
        String header = http.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            throw DxException.invalidAuthentication("No Authorization header with a Bearer token");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw DxException.invalidAuthentication("The Authorization header must be 'Bearer <token>'");
        }
        return tokens.authenticate(header.substring(7).trim())
                .orElseThrow(() -> DxException.invalidAuthentication("The token is unknown, expired or revoked"));
    }

    private ObjectNode readBody(HttpServletRequest http) {
        String contentType = http.getContentType();
        if (contentType != null && !isJson(contentType)) {
            throw new DxException(ErrorType.MalformedJSON, "Content-Type must be application/json, not " + contentType);
        }
        // A declared length past the limit is refused before a byte is read; a chunked body is read only
        // to one byte past the limit, so no request holds much more than the limit in memory.
        if (http.getContentLengthLong() > maxBodyBytes) {
            throw bodyTooLarge();
        }
        byte[] bytes;
        try {
            bytes = http.getInputStream().readNBytes(maxBodyBytes + 1);
        } catch (IOException e) {
            throw new DxException(ErrorType.MalformedJSON, "The request body could not be read");
        }
        if (bytes.length > maxBodyBytes) {
            throw bodyTooLarge();
        }
        if (isBlank(bytes)) {
            return STRICT_JSON.createObjectNode();
        }
        JsonNode body;
        try {
            body = STRICT_JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new DxException(ErrorType.MalformedJSON, "The request body is not valid JSON");
        } catch (IOException e) {
            throw new DxException(ErrorType.MalformedJSON, "The request body could not be read");
        }
        if (body == null || body.isMissingNode()) {
            return STRICT_JSON.createObjectNode();
        }
        if (!body.isObject()) {
            throw DxException.invalidInput("The request body must be a JSON object");
        }
        return (ObjectNode) body;
    }

    private DxException bodyTooLarge() {
        return DxException.invalidInput("The request body is larger than " + DataSizes.shown(maxBodyBytes)
                + ", the most this service accepts");
    }

    private static boolean isJson(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.getType().equalsIgnoreCase("application") && type.getSubtype().equalsIgnoreCase("json");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
