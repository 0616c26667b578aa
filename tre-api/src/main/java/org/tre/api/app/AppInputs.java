package org.tre.api.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.tre.api.protocol.Describe;
import org.tre.api.protocol.Paging;
import org.tre.api.protocol.input.JsonTypes;
import org.tre.api.protocol.input.Messages;

import java.util.List;

/** The declared inputs of the app routes. */
final class AppInputs {

    static final String TIME_RANGE = "a mapping of after and before";
    static final String APP_NAME = "[a-zA-Z0-9._-]{1,256}";

    private AppInputs() {
    }

    record NewAppInput(
            @NotNull
            @Pattern(regexp = APP_NAME,
                    message = "'name' may hold letters, digits, '.', '_' and '-', 1 to 256 of them")
            String name,
            @NotNull
            @Pattern(regexp = "\\d+\\.\\d+\\.\\d+([-+][0-9A-Za-z.+-]+)?",
                    message = "'version' must be a semantic version such as 1.0.0")
            String version,
            @NotNull @Pattern(regexp = "(?s)org-.*", message = Messages.ORG_ID) String billTo,
            String title,
            String summary,
            String description,
            Boolean published,
            List<@Pattern(regexp = "(?s)user-.*|org-.*|PUBLIC", message = "'{field}' may not hold ${validatedValue}")
                    String> authorizedUsers,
            List<@Pattern(regexp = "(?s)user-.*", message = "'{field}' may not hold ${validatedValue}")
                    String> developers,
            List<String> categories,
            String nonce) {
    }

    /** Names as {@code /app/new} takes them: the allowlist names apps, never ids or applets. */
    record SetHttpsAppAllowlistInput(
            @NotNull
            List<@Pattern(regexp = APP_NAME, message = "'{field}' must be an app name: letters, digits, '.', '_'"
                    + " and '-', 1 to 256 of them") String> apps) {
    }

    /** {@code fields} is accepted as dx sends it; describe always answers the whole app. */
    record DescribeAppInput(JsonNode fields) {
    }

    /**
     * The searches {@code dx find apps} calls. Open to keys this service does not read: dx sends
     * filters of the platform's full search, and a client's extra filter must not break the search.
     * The grammars of {@code name}, {@code category} and the time ranges are their filters' own.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FindAppsInput(
            @JsonTypes(value = {JsonNodeType.STRING, JsonNodeType.OBJECT}, expected = "a string or a mapping")
            JsonNode name,
            @JsonTypes(value = {JsonNodeType.STRING, JsonNodeType.OBJECT}, expected = "a string or a mapping")
            JsonNode category,
            Boolean allVersions,
            Boolean published,
            String createdBy,
            String developer,
            String authorizedUser,
            @JsonTypes(value = JsonNodeType.OBJECT, expected = TIME_RANGE) JsonNode modified,
            @JsonTypes(value = JsonNodeType.OBJECT, expected = TIME_RANGE) JsonNode created,
            @JsonTypes(value = {JsonNodeType.BOOLEAN, JsonNodeType.OBJECT}, expected = Describe.WORDS) JsonNode describe,
            @JsonTypes(value = {JsonNodeType.STRING, JsonNodeType.OBJECT}, expected = Paging.STARTING_WORDS)
            JsonNode starting,
            @Min(value = 1, message = Paging.LIMIT_MESSAGE) @Max(value = Paging.MAX_LIMIT, message = Paging.LIMIT_MESSAGE)
            Long limit) {
    }

    /** No global workflows exist here; dx sends its whole search, of which only the paging is read. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FindGlobalWorkflowsInput(
            @JsonTypes(value = {JsonNodeType.STRING, JsonNodeType.OBJECT}, expected = Paging.STARTING_WORDS)
            JsonNode starting,
            @Min(value = 1, message = Paging.LIMIT_MESSAGE) @Max(value = Paging.MAX_LIMIT, message = Paging.LIMIT_MESSAGE)
            Long limit) {
    }
}
