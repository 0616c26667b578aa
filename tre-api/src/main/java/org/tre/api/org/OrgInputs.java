package org.tre.api.org;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.tre.api.protocol.Describe;
import org.tre.api.protocol.Paging;
import org.tre.api.protocol.input.AllOrNone;
import org.tre.api.protocol.input.JsonTypes;
import org.tre.api.protocol.input.Messages;
import org.tre.api.protocol.input.NotNullable;
import org.tre.api.protocol.input.ReadAs;
import org.tre.api.protocol.input.UnknownKeys;
import org.tre.api.protocol.input.WrongType;
import org.tre.messages.org.Licenses;
import org.tre.messages.org.MemberAccess;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The declared inputs of the Organizations API (org-api.txt) and of the operator's
 * {@code /org-xxxx/setLicenses}. Org routes ignore the keys org-api.txt does not name, as DNAnexus
 * does (DECISIONS.md §1), so their records are open to other keys; setLicenses, which is this
 * service's own, is not. Every key a record names is checked.
 */
final class OrgInputs {

    static final int MAX_NAME = 1024;
    static final int MAX_IDS = 1000;
    static final String MEMBER_OR_ADMIN = MemberAccess.MEMBER + "|" + MemberAccess.ADMIN;
    static final String LEVEL = "'{field}' must be MEMBER or ADMIN";
    static final String PROJECT_ACCESS_LEVEL = "ADMINISTER|CONTRIBUTE|UPLOAD|VIEW|NONE";
    static final String PROJECT_ACCESS = "'projectAccess' must be one of ADMINISTER, CONTRIBUTE, UPLOAD, VIEW, NONE";
    static final String JOB_LOGS_SHAPE = "jobLogsForwarding must be an empty hash or a hash with url and token fields";

    /** The names of Licenses.ALL, as a constraint needs them: a pattern and the words that list them. */
    static final String LICENSE = Licenses.TRE_MANAGEMENT + "|" + Licenses.PHI_FEATURES + "|" + Licenses.USER_CREATION
            + "|" + Licenses.MONTHLY_PROJECT_SPENDING_LIMIT + "|" + Licenses.MONTHLY_PROJECT_STORAGE_SPENDING_LIMIT
            + "|" + Licenses.DETAILED_JOB_METRICS + "|" + Licenses.JOB_LOGS_FORWARDING
            + "|" + Licenses.EXTERNAL_UPLOAD_RESTRICTED_CONTROL + "|" + Licenses.DATA_PROTECTION_NOTICE;
    static final String LICENSES = Licenses.TRE_MANAGEMENT + ", " + Licenses.PHI_FEATURES + ", "
            + Licenses.USER_CREATION + ", " + Licenses.MONTHLY_PROJECT_SPENDING_LIMIT + ", "
            + Licenses.MONTHLY_PROJECT_STORAGE_SPENDING_LIMIT + ", " + Licenses.DETAILED_JOB_METRICS + ", "
            + Licenses.JOB_LOGS_FORWARDING + ", " + Licenses.EXTERNAL_UPLOAD_RESTRICTED_CONTROL + ", "
            + Licenses.DATA_PROTECTION_NOTICE;

    private OrgInputs() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record NewOrgInput(
            @NotNull @Pattern(regexp = Messages.HANDLE_PATTERN, message = Messages.HANDLE) String handle,
            @NotNull @Size(min = 1, max = MAX_NAME, message = Messages.LENGTH) String name,
            @Valid PoliciesInput policies,
            String nonce) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DescribeOrgInput(Map<String, Boolean> fields, Boolean defaultFields, Boolean pendingTransfers) {
    }

    /**
     * {@code jobLogsForwarding} goes alone, a command of its own (ConfigureJobLogsForwardingCommand):
     * the route refuses it beside other attributes before it reads the mapping.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record UpdateOrgInput(
            @Size(min = 1, max = MAX_NAME, message = Messages.LENGTH) String name,
            @Valid PoliciesInput policies,
            String defaultRegion,
            @JsonTypes(value = JsonNodeType.OBJECT, expected = "a mapping") @ReadAs(JobLogsInput.class)
            JsonNode jobLogsForwarding) {
    }

    /**
     * The policies of org-api.txt "Org Policies" (OrgPolicies), each with the words the routes have
     * always answered; a spending limit may be set back to null, no other policy may.
     */
    @UnknownKeys(message = "Unknown org policy '{key}'")
    record PoliciesInput(
            @NotNullable @WrongType(message = Policy.VISIBILITY)
            @Pattern(regexp = "ADMIN|MEMBER|PUBLIC", message = Policy.VISIBILITY) String memberListVisibility,
            @NotNullable @WrongType(message = Policy.RESTRICTION)
            @Pattern(regexp = "ADMIN|MEMBER", message = Policy.RESTRICTION) String restrictProjectTransfer,
            @NotNullable @WrongType(message = Policy.RESTRICTION)
            @Pattern(regexp = "ADMIN|MEMBER", message = Policy.RESTRICTION) String restrictProjectSharing,
            @NotNullable @WrongType(message = Policy.BOOLEAN) Boolean jobReuse,
            @NotNullable @WrongType(message = Policy.BOOLEAN) Boolean detailedJobMetricsCollectDefault,
            @WrongType(message = Policy.LIMIT) @Min(value = 1, message = Policy.LIMIT) Long monthlyProjectComputeLimitDefault,
            @WrongType(message = Policy.LIMIT) @Min(value = 1, message = Policy.LIMIT) Long monthlyProjectEgressBytesLimitDefault,
            @WrongType(message = Policy.STORAGE_LIMIT)
            @DecimalMin(value = "0", inclusive = false, message = Policy.STORAGE_LIMIT) Double monthlyProjectStorageLimitDefault,
            @NotNullable @WrongType(message = Policy.BOOLEAN) Boolean enforceTerminationForProjectComputeLimit,
            @NotNullable @WrongType(message = Policy.BOOLEAN) Boolean enforceTerminationForProjectEgressBytesLimit,
            @NotNullable @WrongType(message = Policy.BOOLEAN) Boolean enforceTerminationForProjectStorageLimit,
            @NotNullable @WrongType(message = Policy.THRESHOLD) @Min(value = 1, message = Policy.THRESHOLD)
            @Max(value = 99, message = Policy.THRESHOLD) Long projectSpendingLimitNotificationThreshold) {
    }

    /** The words of a wrong policy value; {@code {field}} is "policies.jobReuse". */
    static final class Policy {

        static final String VISIBILITY = "{field} must be one of ADMIN, MEMBER, PUBLIC";
        static final String RESTRICTION = "{field} must be one of ADMIN, MEMBER";
        static final String BOOLEAN = "{field} must be a boolean";
        static final String LIMIT = "{field} must be an integer larger than zero, or null";
        static final String STORAGE_LIMIT = "{field} must be a number larger than zero, or null";
        static final String THRESHOLD = "{field} must be an integer from 1 to 99";

        private Policy() {
        }
    }

    /** {@code {}} switches forwarding off; otherwise an HTTPS url and a token. */
    @AllOrNone(message = JOB_LOGS_SHAPE)
    @UnknownKeys(message = JOB_LOGS_SHAPE)
    record JobLogsInput(
            @NotNullable @WrongType(message = JOB_LOGS_SHAPE)
            @Pattern(regexp = "(?s)https://.*", message = "jobLogsForwarding url must start with https://")
            @Size(max = 1024, message = "jobLogsForwarding url must not exceed 1024 characters") String url,
            @NotNullable @WrongType(message = JOB_LOGS_SHAPE) String token) {
    }

    record SetLicensesInput(
            Boolean billable,
            Map<@Pattern(regexp = LICENSE, message = "Unknown license '${validatedValue}'; known: " + LICENSES) String,
                    Boolean> licenses,
            @NotNullable(message = Messages.MISSING)
            List<@Pattern(regexp = Messages.NOT_BLANK, message = "'permittedRegions' must hold region names") String>
                    permittedRegions,
            String defaultRegion,
            Boolean rateCard,
            @JsonTypes(value = JsonNodeType.OBJECT, expected = "a mapping") JsonNode pricingModelsByRegion) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record InviteInput(
            @NotNull String invitee,
            @Pattern(regexp = MEMBER_OR_ADMIN, message = LEVEL) String level,
            String message,
            Boolean suppressEmailNotification,
            Boolean allowBillableActivities,
            Boolean appAccess,
            @Pattern(regexp = PROJECT_ACCESS_LEVEL, message = PROJECT_ACCESS) String projectAccess,
            Boolean treManagement) {

        boolean admin() {
            return MemberAccess.ADMIN.equals(level);
        }

        @AssertTrue(message = "Permission flags may only be given when level is MEMBER")
        boolean isFlagsForMembersOnly() {
            return !admin() || (allowBillableActivities == null && appAccess == null && projectAccess == null);
        }
    }

    /** The body maps user ids to the changes of their access. */
    record SetMemberAccessInput(
            @JsonAnySetter
            Map<@Pattern(regexp = "(?s)user-.*", message = "setMemberAccess keys must be user ids, not '${validatedValue}'")
                    String, @NotNull(message = "Expected '{field}' to be a mapping") @Valid MemberAccessChangeInput> changes) {
    }

    /** Named as an input of its own ("Expected 'level' to be a string"), as the route always named them. */
    @UnknownKeys(message = "Unknown input key '{key}'")
    @WrongType(message = "Expected '{name}' to be {expected}")
    record MemberAccessChangeInput(
            @Pattern(regexp = MEMBER_OR_ADMIN, message = "{field} must be MEMBER or ADMIN") String level,
            Boolean allowBillableActivities,
            @Pattern(regexp = PROJECT_ACCESS_LEVEL, message = PROJECT_ACCESS) String projectAccess,
            Boolean appAccess,
            Boolean treManagement) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FindMembersInput(
            @Pattern(regexp = MEMBER_OR_ADMIN, message = LEVEL) String level,
            @NotNullable(message = Messages.MISSING)
            @Size(max = MAX_IDS, message = "'id' may hold at most " + MAX_IDS + " ids") Set<String> id,
            @JsonTypes(value = {JsonNodeType.BOOLEAN, JsonNodeType.OBJECT}, expected = Describe.WORDS) JsonNode describe,
            JsonNode starting,
            @Min(value = 1, message = Paging.LIMIT_MESSAGE) @Max(value = Paging.MAX_LIMIT, message = Paging.LIMIT_MESSAGE)
            Long limit) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RemoveMemberInput(@NotNull String user, Boolean revokeProjectPermissions, Boolean revokeAppPermissions) {
    }

    /** {@code /org-xxxx/destroy} reads nothing. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record DestroyOrgInput() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FindOrgsInput(
            @Pattern(regexp = MEMBER_OR_ADMIN, message = LEVEL) String level,
            Boolean allowBillableActivities,
            @JsonTypes(value = {JsonNodeType.BOOLEAN, JsonNodeType.OBJECT}, expected = Describe.WORDS) JsonNode describe,
            JsonNode starting,
            @Min(value = 1, message = Paging.LIMIT_MESSAGE) @Max(value = Paging.MAX_LIMIT, message = Paging.LIMIT_MESSAGE)
            Long limit) {
    }
}
