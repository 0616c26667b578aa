package org.tre.api.org;

import org.junit.jupiter.api.Test;
import org.tre.api.protocol.input.DeclaredInputs;
import org.tre.api.protocol.input.Messages;
import org.tre.api.support.Dx;
import org.tre.api.support.OrgApiTest;
import org.tre.directory.org.OrgPolicies;
import org.tre.messages.org.Licenses;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;
import static org.tre.api.support.DxAssertions.invalidInput;

/**
 * The org routes' declared inputs over HTTP: keys org-api.txt does not name are ignored, every named
 * one is checked with the words the routes have always used, and some checks come before others.
 */
class OrgDeclaredInputsTest extends OrgApiTest {

    private String refused(String path, Object body) {
        return invalidInput(dx().post(path, ADMIN_TOKEN, body));
    }

    @Test
    void thePoliciesRecordDeclaresExactlyTheOrgPolicies() {
        assertThat(DeclaredInputs.keysOf(OrgInputs.PoliciesInput.class))
                .containsExactlyInAnyOrderElementsOf(OrgPolicies.defaults().keySet());
    }

    @Test
    void theLicenseWordsNameExactlyTheLicenses() {
        assertThat(OrgInputs.LICENSE.split("\\|")).containsExactlyElementsOf(Licenses.ALL);
        assertThat(OrgInputs.LICENSES.split(", ")).containsExactlyElementsOf(Licenses.ALL);
    }

    @Test
    void aRegionNameIsBlankExactlyWhenStringIsBlankSaysSo() {
        java.util.regex.Pattern notBlank = java.util.regex.Pattern.compile(Messages.NOT_BLANK);
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String one = String.valueOf(c);
            assertThat(notBlank.matcher(one).matches()).as("U+%04X", (int) c).isEqualTo(!one.isBlank());
        }
        assertThat(refused("/org-x/setLicenses", Dx.obj("permittedRegions", List.of("\u2003"))))
                .isEqualTo("'permittedRegions' must hold region names");
    }

    @Test
    void orgRoutesIgnoreKeysTheSpecDoesNotNameButSetLicensesDoesNot() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        dx().post("/" + orgId + "/update", admin.token(), Dx.obj("name", "Renamed", "colour", "red")).expectOk();
        dx().post("/" + orgId + "/findMembers", admin.token(), Dx.obj("colour", "red")).expectOk();
        assertThat(refused("/" + orgId + "/setLicenses", Dx.obj("colour", "red"))).isEqualTo("Unknown input key 'colour'");
    }

    @Test
    void aPolicyKeepsItsOwnWordsAndOnlyTheSpendingLimitsTakeNull() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        String update = "/" + orgId + "/update";
        assertThat(refused(update, Dx.obj("policies", Dx.obj("jobReuse", "yes"))))
                .isEqualTo("policies.jobReuse must be a boolean");
        assertThat(refused(update, "{\"policies\": {\"memberListVisibility\": null}}"))
                .isEqualTo("policies.memberListVisibility must be one of ADMIN, MEMBER, PUBLIC");
        assertThat(refused(update, Dx.obj("policies", Dx.obj("projectSpendingLimitNotificationThreshold", 50.5))))
                .isEqualTo("policies.projectSpendingLimitNotificationThreshold must be an integer from 1 to 99");
        assertThat(refused(update, Dx.obj("policies", Dx.obj("monthlyProjectComputeLimitDefault", 0))))
                .isEqualTo("policies.monthlyProjectComputeLimitDefault must be an integer larger than zero, or null");
        assertThat(refused(update, Dx.obj("policies", Dx.obj("noSuchPolicy", true))))
                .isEqualTo("Unknown org policy 'noSuchPolicy'");
        billable(orgId, "monthlyProjectSpendingLimit");
        dx().post(update, admin.token(), "{\"policies\": {\"monthlyProjectComputeLimitDefault\": null}}").expectOk();
    }

    @Test
    void jobLogsForwardingIsRefusedBesideOtherAttributesBeforeItsContentsAre() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        String update = "/" + orgId + "/update";
        assertThat(refused(update, Dx.obj("name", "N", "jobLogsForwarding", Dx.obj("url", 5))))
                .isEqualTo("jobLogsForwarding cannot be updated together with other org attributes");
        assertThat(refused(update, "{\"policies\": null, \"jobLogsForwarding\": {}}"))
                .isEqualTo("jobLogsForwarding cannot be updated together with other org attributes");
        assertThat(refused(update, Dx.obj("jobLogsForwarding", Dx.obj("url", "https://x"))))
                .isEqualTo("jobLogsForwarding must be an empty hash or a hash with url and token fields");
        assertThat(refused(update, "{\"jobLogsForwarding\": {\"url\": null, \"token\": null}}"))
                .isEqualTo("jobLogsForwarding must be an empty hash or a hash with url and token fields");
        assertThat(refused(update, Dx.obj("jobLogsForwarding", Dx.obj("url", "http://x", "token", "t"))))
                .isEqualTo("jobLogsForwarding url must start with https://");
        assertThat(refused(update, Dx.obj("jobLogsForwarding", Dx.obj("url", "http://" + "u".repeat(1020),
                "token", "t")))).isEqualTo("jobLogsForwarding url must start with https://");
    }

    @Test
    void setMemberAccessJudgesItsKeysBeforeTheirValuesAndNamesAChangeAsAnInputOfItsOwn() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        String path = "/" + orgId + "/setMemberAccess";
        assertThat(refused(path, Dx.obj("bob", 5))).isEqualTo("setMemberAccess keys must be user ids, not 'bob'");
        assertThat(refused(path, Dx.obj("user-bob", 5))).isEqualTo("Expected 'user-bob' to be a mapping");
        assertThat(refused(path, Dx.obj("user-bob", Dx.obj("appAccess", "yes"))))
                .isEqualTo("Expected 'appAccess' to be a boolean");
        assertThat(refused(path, Dx.obj("user-bob", Dx.obj("colour", "red")))).isEqualTo("Unknown input key 'colour'");
        assertThat(refused(path, Dx.obj("user-bob", Dx.obj("level", "OWNER"))))
                .isEqualTo("user-bob.level must be MEMBER or ADMIN");
    }

    @Test
    void givenAsNullAListIsMissing() {
        Person admin = person("boss");
        String orgId = newOrg(admin.token());
        assertThat(refused("/" + orgId + "/findMembers", "{\"id\": null}")).isEqualTo("Missing required input 'id'");
        assertThat(refused("/" + orgId + "/setLicenses", "{\"permittedRegions\": null}"))
                .isEqualTo("Missing required input 'permittedRegions'");
        String[] ids = new String[1001];
        Arrays.fill(ids, "user-same");
        dx().post("/" + orgId + "/findMembers", ADMIN_TOKEN, Dx.obj("id", List.of(ids))).expectOk();
    }
}
