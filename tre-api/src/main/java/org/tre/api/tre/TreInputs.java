package org.tre.api.tre;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.tre.api.protocol.Describe;
import org.tre.api.protocol.Paging;
import org.tre.api.protocol.input.AllOrNone;
import org.tre.api.protocol.input.DeclaredInputs;
import org.tre.api.protocol.input.JsonTypes;
import org.tre.api.protocol.input.Messages;
import org.tre.api.protocol.input.UnknownKeys;
import org.tre.messages.tre.Inventory;
import org.tre.messages.tre.Inventory.Assay;
import org.tre.messages.tre.Inventory.ObjectRef;
import org.tre.tre.inventory.InventoryVersions;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The declared inputs of the TRE routes, with the shape rules of tre-api.md and DECISIONS.md §2–§7
 * as their constraints: all InvalidInput, all checked before any lookup. Rules that need the TRE or
 * other entities are the Tre aggregate's.
 */
final class TreInputs {

    /** A lowercase letter, then lowercase letters, digits, '.' or '_'; 3 to 63 characters. */
    static final String HANDLE = "[a-z][a-z0-9._]{2,62}";
    static final String REVIEW_STEP_ID = "[a-z0-9]{1,256}";
    static final String USERS_EMPTY = "The users array is empty";

    private TreInputs() {
    }

    record NewTreInput(
            @NotNull
            @Pattern(regexp = HANDLE, message = "handle must be lowercase and between 3 and 63 characters long, start"
                    + " with a letter and hold only a-z, 0-9, '.' and '_'")
            String handle,
            @NotNull @Size(min = 1, max = 256, message = Messages.LENGTH) String name,
            @NotNull @Size(min = 1, max = 5000, message = Messages.LENGTH) String description,
            @NotNull @Size(min = 1, max = 500, message = Messages.LENGTH) String summary,
            @NotNull @Pattern(regexp = Messages.ORG_ID_PATTERN, message = Messages.ORG_ID) String billTo,
            @NotNull @Size(min = 1, max = 256, message = Messages.LENGTH) String region,
            Boolean customizedRateCard,
            Boolean customizedURL,
            String nonce) {
    }

    /** {@code supportOrg: null} clears the support org, so the route asks the body whether the key was given. */
    record UpdateTreInput(
            @Size(min = 1, max = 256, message = Messages.LENGTH) String name,
            @Size(min = 1, max = 5000, message = Messages.LENGTH) String description,
            @Size(min = 1, max = 500, message = Messages.LENGTH) String summary,
            @Pattern(regexp = Messages.ORG_ID_PATTERN, message = Messages.ORG_ID) String billTo,
            @Size(min = 1, max = 256, message = Messages.LENGTH) String region,
            @Pattern(regexp = Messages.ORG_ID_PATTERN, message = Messages.ORG_ID) String supportOrg,
            Boolean allowSupportAccess,
            Boolean customizedRateCard,
            Boolean customizedURL) {
    }

    record SetInventoryInput(
            @NotNull @Valid InventoryRef file,
            @NotNull @Valid InventoryRef dataset,
            @NotNull @Valid InventoryRef showcase,
            @Valid ObjectRefInput dataTypeGroups,
            @NotNull List<@NotNull @Valid AssayInput> assays,
            @NotNull @Pattern(regexp = InventoryVersions.SHAPE, message = InventoryVersions.INVALID) String version) {

        Inventory inventory() {
            return new Inventory(version, file.ref(), dataset.ref(), showcase.ref(),
                    dataTypeGroups == null ? null : dataTypeGroups.ref(),
                    assays.stream().map(AssayInput::assay).toList());
        }
    }

    /** {@code {}} for "none", or the object's project and id. */
    @AllOrNone(message = "Missing required input '{field}.project' or '{field}.id': give both, or \\{\\} for none")
    @UnknownKeys(message = "'{field}' may hold only project and id")
    record InventoryRef(
            @Pattern(regexp = Messages.PROJECT_ID_PATTERN, message = Messages.PROJECT_REF) String project,
            @Pattern(regexp = Messages.NON_BLANK, message = Messages.NOT_EMPTY) String id) {

        ObjectRef ref() {
            return project == null ? ObjectRef.NONE : new ObjectRef(project, id);
        }
    }

    @UnknownKeys(message = "'{field}' may hold only project and id")
    record ObjectRefInput(
            @NotNull @Pattern(regexp = Messages.PROJECT_ID_PATTERN, message = Messages.PROJECT_REF) String project,
            @NotNull @Pattern(regexp = Messages.NON_BLANK, message = Messages.NOT_EMPTY) String id) {

        ObjectRef ref() {
            return new ObjectRef(project, id);
        }
    }

    record AssayInput(
            @NotNull @Pattern(regexp = Messages.NON_BLANK, message = Messages.NOT_EMPTY) String entity,
            @NotNull @Pattern(regexp = Messages.PROJECT_ID_PATTERN, message = Messages.PROJECT_REF) String project,
            @NotNull @Pattern(regexp = Messages.PROJECT_ID_PATTERN, message = Messages.PROJECT_REF) String workingProject,
            @NotNull @Pattern(regexp = Messages.NON_BLANK, message = Messages.NOT_EMPTY) String dataset,
            @NotNull @Pattern(regexp = Messages.NON_BLANK, message = Messages.NOT_EMPTY) String assayPidMapDatabase) {

        Assay assay() {
            return new Assay(entity, project, workingProject, dataset, assayPidMapDatabase);
        }
    }

    record SetPoliciesInput(@Valid RestrictedWorkspaceInput restrictedWorkspace) {

        Map<String, Boolean> policies() {
            return restrictedWorkspace == null ? Map.of() : restrictedWorkspace.given();
        }
    }

    /**
     * The ten policies of tre-api.md, each {@code true}, {@code false} or {@code null}. A policy left
     * out stays as it was, so the record keeps JSON null (a NullNode) apart from absent (null).
     */
    @UnknownKeys(message = "Unrecognized policy key in input: {key}")
    record RestrictedWorkspaceInput(
            @JsonTypes(value = {JsonNodeType.BOOLEAN, JsonNodeType.NULL}, expected = "true, false or null",
                    message = Policy.MESSAGE) JsonNode restricted,
            @JsonTypes(value = {JsonNodeType.BOOLEAN, JsonNodeType.NULL}, expected = "true, false or null",
                    message = Policy.MESSAGE) JsonNode downloadRestricted,
            @JsonTypes(value = {JsonNodeType.BOOLEAN, JsonNodeType.NULL}, expected = "true, false or null",
                    message = Policy.MESSAGE) JsonNode externalUploadRestricted,
            @JsonTypes(value = {JsonNodeType.BOOLEAN, JsonNodeType.NULL}, expected = "true, false or null",
                    message = Policy.MESSAGE) JsonNode previewViewerRestricted,
            @JsonTypes(value = {JsonNodeType.BOOLEAN, JsonNodeType.NULL}, expected = "true, false or null",
                    message = Policy.MESSAGE) JsonNode databaseUIViewOnly,
            @JsonTypes(value = {JsonNodeType.BOOLEAN, JsonNodeType.NULL}, expected = "true, false or null",
                    message = Policy.MESSAGE) JsonNode containsPHI,
            @JsonTypes(value = {JsonNodeType.BOOLEAN, JsonNodeType.NULL}, expected = "true, false or null",
                    message = Policy.MESSAGE) JsonNode httpsAppIsolatedBrowsing,
            @JsonTypes(value = {JsonNodeType.BOOLEAN, JsonNodeType.NULL}, expected = "true, false or null",
                    message = Policy.MESSAGE) JsonNode jobOutboundInternet,
            @JsonTypes(value = {JsonNodeType.BOOLEAN, JsonNodeType.NULL}, expected = "true, false or null",
                    message = Policy.MESSAGE) JsonNode displayDataProtectionNotice,
            @JsonProperty("protected")
            @JsonTypes(value = {JsonNodeType.BOOLEAN, JsonNodeType.NULL}, expected = "true, false or null",
                    message = "restrictedWorkspace.protected must be true, false or null") JsonNode protectedPolicy) {

        /** The policies the call names, null where it sets one to null. */
        Map<String, Boolean> given() {
            Map<String, Boolean> policies = new LinkedHashMap<>();
            DeclaredInputs.given(this).forEach((key, value) -> policies.put(key,
                    ((JsonNode) value).isNull() ? null : ((JsonNode) value).booleanValue()));
            return policies;
        }
    }

    /** The words of a wrong policy value; {@code restrictedWorkspace.protected} spells its own, Java keeping the word. */
    static final class Policy {

        static final String MESSAGE = "{field} must be true, false or null";

        private Policy() {
        }

        /** The policies the record declares, as the wire names them: the test holds them to {@link Policies#KEYS}. */
        static List<String> keys() {
            return Arrays.stream(RestrictedWorkspaceInput.class.getRecordComponents())
                    .map(DeclaredInputs::jsonName).toList();
        }
    }

    /** Admins and reviewers: user ids only. */
    record UsersInput(
            @NotNull @Size(min = 1, message = USERS_EMPTY)
            List<@Pattern(regexp = Messages.USER_ID_PATTERN,
                    message = "The users array does not contain valid user IDs: ${validatedValue}") String> users) {
    }

    /** Authorized users: user ids, org ids, or PUBLIC. */
    record PrincipalsInput(
            @NotNull @Size(min = 1, message = USERS_EMPTY)
            List<@Pattern(regexp = Messages.PRINCIPAL, message = "The users array does not contain valid user IDs, org IDs,"
                    + " or PUBLIC: ${validatedValue}") String> users) {
    }

    record AddReviewStepInput(
            @NotNull @Pattern(regexp = REVIEW_STEP_ID, message = "reviewStepId must match ^[a-z0-9]\\{1,256\\}$")
            String reviewStepId,
            @NotNull @Size(min = 1, max = 256, message = Messages.LENGTH) String name,
            @NotNull @Size(max = 1000, message = Messages.AT_MOST) String description) {
    }

    record UpdateReviewStepInput(
            @NotNull String reviewStepId,
            @Size(min = 1, max = 256, message = Messages.LENGTH) String name,
            @Size(max = 1000, message = Messages.AT_MOST) String description) {
    }

    record ReviewStepInput(@NotNull String reviewStepId) {
    }

    record ReviewersInput(
            @NotNull String reviewStepId,
            @NotNull
            @Size(min = 1, message = USERS_EMPTY)
            @Size(max = 100, message = "users array contains more than 100 reviewers")
            List<@Pattern(regexp = Messages.USER_ID_PATTERN,
                    message = "The users array does not contain valid user IDs: ${validatedValue}") String> users) {
    }

    /** {@code at}: the TRE as it stood then (DECISIONS.md §13). */
    record DescribeTreInput(Map<String, Boolean> fields, Long at) {
    }

    record FindTresInput(
            @JsonTypes(value = {JsonNodeType.BOOLEAN, JsonNodeType.OBJECT}, expected = Describe.WORDS) JsonNode describe,
            @JsonTypes(value = {JsonNodeType.STRING, JsonNodeType.OBJECT}, expected = Paging.STARTING_WORDS)
            JsonNode starting,
            @Min(value = 1, message = Paging.LIMIT_MESSAGE) @Max(value = Paging.MAX_LIMIT, message = Paging.LIMIT_MESSAGE)
            Long limit) {
    }
}
