package org.tre.api.project;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.tre.api.protocol.Describe;
import org.tre.api.protocol.Paging;
import org.tre.api.protocol.input.DeclaredInputs;
import org.tre.api.protocol.input.JsonTypes;
import org.tre.api.protocol.input.Messages;
import org.tre.api.protocol.input.NotNullable;
import org.tre.api.protocol.input.ReadAs;
import org.tre.api.protocol.input.UnknownKeys;
import org.tre.api.protocol.input.WrongType;
import org.tre.messages.EntityIds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The declared inputs of the project routes (DECISIONS.md §11, §12, §14) and of the org routes about
 * projects (org-api.txt): lengths, id forms, levels, the ten flags. Rules that need the project or
 * other entities are the Project, Org and DataObjectBatch aggregates'.
 */
final class ProjectInputs {

    static final int MAX_NAME = 1000;
    static final int MAX_SUMMARY = 10_000;
    static final int MAX_DESCRIPTION = 100_000;
    static final int MAX_TAG = 1000;
    static final int MAX_IDS = 1000;
    static final String BILL_TO = "'billTo' must be an org id: only orgs are billing accounts";
    static final String GRANT_LEVEL = "VIEW|UPLOAD|CONTRIBUTE|ADMINISTER";
    static final String GRANT_LEVEL_WORDS = "Expected '{field}' to be one of VIEW, UPLOAD, CONTRIBUTE, ADMINISTER";
    static final String DATA_OBJECT_ID = "(file|record|database)-" + EntityIds.GENERATED_SHAPE;
    static final String DATA_OBJECT_WORDS = "'{field}' holds ${validatedValue}, which is not a file, record or"
            + " database id";
    static final String AT_LEAST_ZERO = "Spending limits must be at least zero";

    private ProjectInputs() {
    }

    /** The ten data access flags of ProjectFlags, in its order; a flag is true or false, never null. */
    record FlagsInput(
            @NotNullable Boolean restricted,
            @JsonProperty("protected") @NotNullable Boolean protectedFlag,
            @NotNullable Boolean downloadRestricted,
            @NotNullable Boolean externalUploadRestricted,
            @NotNullable Boolean previewViewerRestricted,
            @NotNullable Boolean databaseUIViewOnly,
            @NotNullable Boolean containsPHI,
            @NotNullable Boolean httpsAppIsolatedBrowsing,
            @NotNullable Boolean jobOutboundInternet,
            @NotNullable Boolean displayDataProtectionNotice) {

        /** Only the flags the input names. */
        static Map<String, Boolean> given(FlagsInput flags) {
            Map<String, Boolean> given = new LinkedHashMap<>();
            if (flags != null) {
                DeclaredInputs.given(flags).forEach((flag, on) -> given.put(flag, (Boolean) on));
            }
            return given;
        }
    }

    /**
     * Without {@code treApplication} a project is billed to an org and may not name a TRE; without
     * {@code billTo} the Project picks the one org its creator may bill. With {@code treApplication}
     * the request's TRE bills it and sets its flags (DECISIONS.md §15).
     */
    record NewProjectInput(
            @NotNull @Size(min = 1, max = MAX_NAME, message = Messages.LENGTH) String name,
            @Size(max = MAX_SUMMARY, message = Messages.LENGTH) String summary,
            @Size(max = MAX_DESCRIPTION, message = Messages.LENGTH) String description,
            List<@Size(min = 1, max = MAX_TAG, message = Messages.LENGTH) String> tags,
            Map<@Size(min = 1, max = MAX_TAG, message = Messages.LENGTH) String, String> properties,
            @JsonUnwrapped @Valid FlagsInput flags,
            String region,
            @Pattern(regexp = "(?s)tre-.*", message = "'tre' must be a TRE id") String tre,
            String treApplication,
            Boolean dispense,
            String billTo,
            String nonce) {

        @AssertTrue(message = "'treApplication' must be a data access request id")
        boolean isOfARequestIdShape() {
            return treApplication == null || EntityIds.isGenerated("treApplication", treApplication);
        }

        @AssertTrue(message = "A TRE project belongs to an approved data access request: name it in 'treApplication'")
        boolean isInATreOnlyThroughARequest() {
            return tre == null || treApplication != null;
        }

        @AssertTrue(message = "'dispense' applies to projects of a data access request only")
        boolean isDispensedOnlyFromARequest() {
            return dispense == null || treApplication != null;
        }

        @AssertTrue(message = "The flags of a TRE project are the TRE's policies; give none")
        boolean isWithoutFlagsInATre() {
            return treApplication == null || FlagsInput.given(flags).isEmpty();
        }

        @AssertTrue(message = BILL_TO)
        boolean isBilledToAnOrg() {
            return treApplication != null || billTo == null || billTo.startsWith("org-");
        }
    }

    /**
     * {@code fields} as TRE describe (DECISIONS.md §9), the spending keys of org-api.txt's findProjects,
     * and the older inclusion flags {@code dx describe} sends ({@code properties}, {@code permissions},
     * {@code appCaches}; there are no app caches, so that one adds nothing).
     */
    @UnknownKeys(message = "Unknown input key '{key}' in describe")
    record DescribeProjectInput(
            Map<String, Boolean> fields,
            Boolean properties,
            Boolean permissions,
            Boolean appCaches,
            Boolean monthlyComputeLimit,
            Boolean currentMonthComputeUsage,
            Boolean currentMonthComputeAvailableBudget,
            Boolean monthlyEgressBytesLimit,
            Boolean currentMonthEgressBytesUsage,
            Boolean currentMonthEgressBytesAvailableBudget,
            Boolean monthlyStorageLimit,
            Boolean currentMonthExpectedStorageUsage,
            Boolean currentMonthStorageAvailableBudget) {
    }

    record UpdateProjectInput(
            @Size(min = 1, max = MAX_NAME, message = Messages.LENGTH) String name,
            @Size(max = MAX_SUMMARY, message = Messages.LENGTH) String summary,
            @Size(max = MAX_DESCRIPTION, message = Messages.LENGTH) String description,
            Long version,
            @JsonUnwrapped @Valid FlagsInput flags,
            @Pattern(regexp = "(?s)org-.*", message = BILL_TO) String billTo) {
    }

    /** A level given as null, or one that grants nothing, is no level: the same words as a wrong type. */
    record InviteInput(
            @NotNull @Pattern(regexp = Messages.PRINCIPAL, message = "'{field}' must be a user id, an org id or PUBLIC")
            String invitee,
            @NotNull @NotNullable @WrongType(message = GRANT_LEVEL_WORDS)
            @Pattern(regexp = GRANT_LEVEL, message = GRANT_LEVEL_WORDS) String level,
            Boolean suppressEmailNotification) {
    }

    /** The body maps members to their new level, or to null to remove their own grant. */
    record DecreasePermissionsInput(
            @JsonAnySetter
            @NotEmpty(message = "Name at least one member and the level to decrease them to")
            @WrongType(message = GRANT_LEVEL_WORDS)
            Map<@Pattern(regexp = Messages.PRINCIPAL, message = "'${validatedValue}' must be a user id, an org id or PUBLIC")
                    String, @Pattern(regexp = GRANT_LEVEL, message = GRANT_LEVEL_WORDS) String> levels) {
    }

    record TransferInput(
            @NotNull @Pattern(regexp = Messages.ORG_ID_PATTERN, message = "'{field}' must be an org id: only orgs are"
                    + " billing accounts") String invitee,
            Boolean suppressEmailNotification) {
    }

    record DestroyInput(Boolean terminateJobs) {
    }

    record RemoveObjectsInput(
            @NotNull List<@Pattern(regexp = DATA_OBJECT_ID, message = DATA_OBJECT_WORDS) String> objects,
            Boolean force) {
    }

    /** There are no folders: {@code folders} is empty and {@code destination} the root, what {@code dx cp} sends. */
    record CloneInput(
            @NotNull List<@Pattern(regexp = DATA_OBJECT_ID, message = DATA_OBJECT_WORDS) String> objects,
            @NotNull @Pattern(regexp = Messages.GENERATED_PROJECT_ID, message = Messages.PROJECT_ID) String project,
            @Pattern(regexp = "/", message = "'destination' must be \"/\": projects here hold no folders")
            String destination,
            @Size(max = 0, message = "'folders' must be empty: projects here hold no folders") List<String> folders,
            Boolean parents) {
    }

    /**
     * The searches of org-api.txt's findProjects. {@code name}, {@code tags}, {@code properties},
     * {@code region} and {@code created} are grammars of their own (ProjectFilter); the record fixes
     * what their JSON types allow.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FindProjectsInput(
            @JsonTypes(value = {JsonNodeType.STRING, JsonNodeType.OBJECT}, expected = "a string or a mapping")
            JsonNode name,
            @Size(max = MAX_IDS, message = "'id' may hold at most " + MAX_IDS + " ids") List<String> id,
            JsonNode tags,
            JsonNode properties,
            String cloudAccount,
            String provider,
            @JsonTypes(value = {JsonNodeType.STRING, JsonNodeType.ARRAY}, expected = "an array of strings")
            JsonNode region,
            @JsonProperty("public") Boolean publicProject,
            @JsonTypes(value = JsonNodeType.OBJECT, expected = "a mapping") JsonNode created,
            Boolean containsPHI,
            @JsonTypes(value = {JsonNodeType.BOOLEAN, JsonNodeType.OBJECT}, expected = Describe.WORDS)
            @ReadAs(DescribeProjectInput.class) JsonNode describe,
            @Min(value = 1, message = Paging.LIMIT_MESSAGE) @Max(value = Paging.MAX_LIMIT, message = Paging.LIMIT_MESSAGE)
            Long limit,
            String starting) {
    }

    /**
     * {@code /system/findProjects} (DNAnexus's API, as {@code dx find projects} calls it): the searches of
     * org-api.txt's findProjects that apply to any caller, plus {@code level} (the least level the caller
     * must hold), {@code explicitPermission} (held through the user or an org, not only PUBLIC),
     * {@code billTo} and {@code externalUploadRestricted}. A platform route: unknown keys are
     * InvalidInput (DECISIONS.md §1).
     */
    record SystemFindProjectsInput(
            @JsonTypes(value = {JsonNodeType.STRING, JsonNodeType.OBJECT}, expected = "a string or a mapping")
            JsonNode name,
            @Size(max = MAX_IDS, message = "'id' may hold at most " + MAX_IDS + " ids") List<String> id,
            JsonNode tags,
            JsonNode properties,
            @Pattern(regexp = "VIEW|UPLOAD|CONTRIBUTE|ADMINISTER",
                    message = "'level' must be one of VIEW, UPLOAD, CONTRIBUTE and ADMINISTER") String level,
            Boolean explicitPermission,
            @JsonProperty("public") Boolean publicProject,
            @JsonTypes(value = {JsonNodeType.STRING, JsonNodeType.ARRAY}, expected = "a string or an array of strings")
            JsonNode billTo,
            @JsonTypes(value = {JsonNodeType.STRING, JsonNodeType.ARRAY}, expected = "an array of strings")
            JsonNode region,
            @JsonTypes(value = JsonNodeType.OBJECT, expected = "a mapping") JsonNode created,
            Boolean containsPHI,
            Boolean externalUploadRestricted,
            @JsonTypes(value = {JsonNodeType.BOOLEAN, JsonNodeType.OBJECT}, expected = Describe.WORDS)
            @ReadAs(DescribeProjectInput.class) JsonNode describe,
            @Min(value = 1, message = Paging.LIMIT_MESSAGE) @Max(value = Paging.MAX_LIMIT, message = Paging.LIMIT_MESSAGE)
            Long limit,
            String starting) {

        /** The searches it shares with org-api.txt's findProjects, for ProjectFilter. */
        FindProjectsInput shared() {
            return new FindProjectsInput(name, id, tags, properties, null, null, region, publicProject, created,
                    containsPHI, describe, limit, starting);
        }
    }

    /** A limit given as null clears it, so the route asks the body which limits were given. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record BulkUpdateProjectLimitInput(
            @NotNull @Size(min = 1, max = MAX_IDS, message = "'projects' must hold 1 to " + MAX_IDS + " project ids")
            List<String> projects,
            @Min(value = 0, message = AT_LEAST_ZERO) Long monthlyComputeLimit,
            @Min(value = 0, message = AT_LEAST_ZERO) Long monthlyEgressBytesLimit,
            @DecimalMin(value = "0", message = AT_LEAST_ZERO) Double monthlyStorageLimit,
            Boolean dryRun) {
    }
}
