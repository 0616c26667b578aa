package org.tre.api.request;

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

/**
 * The declared inputs of the data access request routes (DECISIONS.md §15), their shape rules as
 * constraints: all InvalidInput, all checked before the request or its TRE is looked at.
 */
final class RequestInputs {

    static final String TRE_ID_PATTERN = "(?s)tre-.+";
    static final String STATE_PATTERN = "draft|in-review|approved|in-revision";
    static final String USERS = "The users array must hold user ids only (no orgs, no PUBLIC): ${validatedValue}";

    private RequestInputs() {
    }

    record NewRequestInput(
            @NotNull @Pattern(regexp = TRE_ID_PATTERN, message = "'{field}' must be a TRE id") String tre,
            @NotNull @Size(min = 1, max = 256, message = Messages.LENGTH) String name,
            @Size(max = 5000, message = Messages.AT_MOST) String description,
            @Size(max = 10000, message = "'{field}' holds at most {max} fields")
            List<@NotNull @Size(min = 1, max = 1000, message = Messages.LENGTH) String> fields,
            @Pattern(regexp = Messages.USER_ID_PATTERN, message = Messages.USER_ID) String applicant,
            String nonce) {
    }

    /** {@code at}: the request as it stood then. */
    record DescribeRequestInput(Map<String, Boolean> fields, Long at) {
    }

    record UpdateRequestInput(
            @Size(min = 1, max = 256, message = Messages.LENGTH) String name,
            @Size(max = 5000, message = Messages.AT_MOST) String description,
            @Size(max = 10000, message = "'{field}' holds at most {max} fields")
            List<@NotNull @Size(min = 1, max = 1000, message = Messages.LENGTH) String> fields) {
    }

    /** The cohort is a mapping kept as given, at most 64 KiB as JSON (checked by the route). */
    record CohortInput(
            @NotNull @JsonTypes(value = JsonNodeType.OBJECT, expected = "a mapping") JsonNode cohort) {
    }

    record CollaboratorsInput(
            @NotNull
            @Size(min = 1, message = "The users array is empty")
            @Size(max = 100, message = "A request has at most 100 collaborators")
            List<@Pattern(regexp = Messages.USER_ID_PATTERN, message = USERS) String> users) {
    }

    record ApproveInput(
            @NotNull @Pattern(regexp = Messages.NON_BLANK, message = Messages.NOT_EMPTY) String reviewStepId,
            @Size(min = 1, max = 5000, message = Messages.LENGTH) String comment) {
    }

    /** A rejection says why: the applicant revises by it. */
    record RejectInput(
            @NotNull @Pattern(regexp = Messages.NON_BLANK, message = Messages.NOT_EMPTY) String reviewStepId,
            @NotNull @Size(min = 1, max = 5000, message = Messages.LENGTH)
            @Pattern(regexp = Messages.NON_BLANK, message = Messages.NOT_EMPTY) String comment) {
    }

    /** DECISIONS.md §13: after/before inclusive, event type names, paging by sequence. */
    record FindRequestsInput(
            @Pattern(regexp = TRE_ID_PATTERN, message = "'{field}' must be a TRE id") String tre,
            @Pattern(regexp = STATE_PATTERN, message = "'{field}' must be draft, in-review, approved or in-revision")
            String state,
            @Pattern(regexp = Messages.USER_ID_PATTERN, message = Messages.USER_ID) String applicant,
            Boolean awaitingMyReview,
            @JsonTypes(value = {JsonNodeType.BOOLEAN, JsonNodeType.OBJECT}, expected = Describe.WORDS) JsonNode describe,
            @JsonTypes(value = {JsonNodeType.STRING, JsonNodeType.OBJECT}, expected = Paging.STARTING_WORDS)
            JsonNode starting,
            @Min(value = 1, message = Paging.LIMIT_MESSAGE) @Max(value = Paging.MAX_LIMIT, message = Paging.LIMIT_MESSAGE)
            Long limit) {
    }

    record DispenseInput(
            @NotNull @Pattern(regexp = "project-[0-9A-Za-z]{24}", message = "'{field}' must be a project id")
            String project) {
    }
}
