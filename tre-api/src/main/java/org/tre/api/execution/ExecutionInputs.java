package org.tre.api.execution;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.tre.api.protocol.Describe;
import org.tre.api.protocol.Paging;
import org.tre.api.protocol.input.JsonTypes;
import org.tre.api.protocol.input.Messages;

import java.util.List;
import java.util.Map;

/** The declared inputs of the applet and job routes (DECISIONS.md §16). */
final class ExecutionInputs {

    static final String MAPPING = "a mapping";
    static final String LIST = "a list";
    static final String FOLDER = "/|(/[^/]+)+";
    static final String FOLDER_MESSAGE = "'{field}' must be a folder path such as /results";
    static final String ANY_JSON = "any JSON value";

    private ExecutionInputs() {
    }

    /** The keys {@code /applet/new} takes; {@code inputSpec}'s entries are checked by {@link AppletSpecs}. */
    record NewAppletInput(
            @NotNull @Pattern(regexp = Messages.GENERATED_PROJECT_ID, message = Messages.PROJECT_ID) String project,
            @Size(min = 1, max = 1000, message = Messages.LENGTH) String name,
            @Pattern(regexp = FOLDER, message = FOLDER_MESSAGE) String folder,
            @NotNull @Size(min = 1, max = 64, message = Messages.LENGTH) String dxapi,
            @NotNull @JsonTypes(value = JsonNodeType.OBJECT, expected = MAPPING) JsonNode runSpec,
            @JsonTypes(value = JsonNodeType.ARRAY, expected = LIST) JsonNode inputSpec,
            @JsonTypes(value = JsonNodeType.ARRAY, expected = LIST) JsonNode outputSpec,
            @JsonTypes(value = JsonNodeType.OBJECT, expected = MAPPING) JsonNode access,
            @JsonTypes(value = JsonNodeType.OBJECT, expected = MAPPING) JsonNode httpsApp,
            String title,
            String summary,
            String description,
            String developerNotes,
            List<@Size(min = 1, max = 1000, message = Messages.LENGTH) String> tags,
            Map<String, String> properties,
            @JsonTypes(value = {JsonNodeType.OBJECT, JsonNodeType.ARRAY}, expected = "a mapping or a list")
            JsonNode details,
            Boolean hidden,
            List<String> types,
            Boolean parents,
            @JsonTypes(value = {JsonNodeType.BOOLEAN, JsonNodeType.ARRAY}, expected = "a boolean or a list")
            JsonNode ignoreReuse,
            String nonce) {
    }

    /** What {@code dx describe} sends, with {@code project} naming where to describe it. */
    record DescribeInput(
            @Pattern(regexp = Messages.GENERATED_PROJECT_ID, message = Messages.PROJECT_ID) String project,
            Map<String, Boolean> fields,
            Boolean defaultFields,
            Boolean properties,
            Boolean details) {
    }

    /**
     * Every key {@code dx run} sends (DECISIONS.md §16). Those a job here has no use for (compute,
     * spot waits, cost limits) are taken and not kept: no compute runs. {@code singleContext} is
     * always recorded true.
     */
    record RunAppletInput(
            @NotNull @Pattern(regexp = Messages.GENERATED_PROJECT_ID, message = Messages.PROJECT_ID) String project,
            @NotNull @JsonTypes(value = JsonNodeType.OBJECT, expected = MAPPING) JsonNode input,
            @Size(min = 1, max = 1000, message = Messages.LENGTH) String name,
            @Pattern(regexp = FOLDER, message = FOLDER_MESSAGE) String folder,
            List<@NotNull @Size(min = 1, max = 100, message = Messages.LENGTH) String> allowSSH,
            Boolean singleContext,
            Boolean detach,
            Boolean delayWorkspaceDestruction,
            @JsonTypes(value = JsonNodeType.OBJECT, expected = MAPPING) JsonNode systemRequirements,
            @JsonTypes(value = JsonNodeType.OBJECT, expected = MAPPING) JsonNode systemRequirementsByExecutable,
            @JsonTypes(value = {JsonNodeType.STRING, JsonNodeType.OBJECT}, expected = "a string or a mapping")
            JsonNode instanceType,
            @JsonTypes(value = {JsonNodeType.OBJECT, JsonNodeType.ARRAY}, expected = "a mapping or a list")
            JsonNode details,
            List<@Size(min = 1, max = 1000, message = Messages.LENGTH) String> tags,
            Map<String, String> properties,
            @JsonTypes(value = JsonNodeType.OBJECT, expected = MAPPING) JsonNode debug,
            @Pattern(regexp = "low|normal|high", message = "'priority' must be low, normal or high") String priority,
            List<String> dependsOn,
            @JsonTypes(value = {JsonNodeType.BOOLEAN, JsonNodeType.ARRAY}, expected = "a boolean or a list")
            JsonNode ignoreReuse,
            Boolean headJobOnDemand,
            @JsonTypes(value = JsonNodeType.NUMBER, expected = "a number") JsonNode costLimit,
            Long rank,
            @JsonTypes(value = {JsonNodeType.BOOLEAN, JsonNodeType.OBJECT}, expected = "a boolean or a mapping")
            JsonNode preserveJobOutputs,
            Boolean detailedJobMetrics,
            Long maxJobSpotWaitTime,
            Long maxTreeSpotWaitTime,
            String nonce) {
    }

    /** Only {@code allowSSH} changes here; DNAnexus' other job updates concern compute this service never runs. */
    record UpdateJobInput(
            List<@NotNull @Size(min = 1, max = 100, message = Messages.LENGTH) String> allowSSH) {
    }

    /**
     * The search {@code dx find jobs} and {@code dx find executions} call. Open to keys this service
     * does not read, like the other platform searches: dx sends filters of the platform's full search.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FindExecutionsInput(
            @JsonProperty("class")
            @Pattern(regexp = "job|analysis", message = "'class' must be job or analysis") String executionClass,
            @Pattern(regexp = Messages.USER_ID_PATTERN, message = Messages.USER_ID) String launchedBy,
            @Pattern(regexp = Messages.GENERATED_PROJECT_ID, message = Messages.PROJECT_ID) String project,
            @JsonTypes(value = {JsonNodeType.STRING, JsonNodeType.ARRAY}, expected = "a string or a list")
            JsonNode state,
            String executable,
            @JsonTypes(value = JsonNodeType.OBJECT, expected = "a mapping of after and before") JsonNode created,
            @JsonTypes(value = {JsonNodeType.BOOLEAN, JsonNodeType.OBJECT}, expected = Describe.WORDS)
            JsonNode describe,
            @JsonTypes(value = {JsonNodeType.STRING, JsonNodeType.OBJECT}, expected = Paging.STARTING_WORDS)
            JsonNode starting,
            @Min(value = 1, message = Paging.LIMIT_MESSAGE) @Max(value = Paging.MAX_LIMIT, message = Paging.LIMIT_MESSAGE)
            Long limit) {
    }
}
