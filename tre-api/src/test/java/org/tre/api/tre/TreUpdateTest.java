package org.tre.api.tre;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/** {@code /tre-xxxx/update}: tre-api.md and DECISIONS.md §3, §12, §14. */
class TreUpdateTest extends TreApiTest {

    private Dx.Response update(String tre, Object input) {
        return call(tre, "update", admin.token(), input);
    }

    @Test
    void inDraftEveryFieldChanges() {
        String tre = newTre();
        String newBillTo = newOrg(admin.token());
        setLicenses(newBillTo, "billable", true, "permittedRegions", List.of(OTHER_REGION),
                "licenses", Dx.obj("treManagement", true));
        treManagement(newBillTo, admin.id());
        String support = newOrg(admin.token());
        ok(tre, "update", Dx.obj("name", "N", "description", "D", "summary", "S", "billTo", newBillTo,
                "region", OTHER_REGION, "supportOrg", support, "allowSupportAccess", true, "customizedRateCard", true,
                "customizedURL", true));
        JsonNode d = describe(tre, admin.token());
        assertThat(d.get("name").asText()).isEqualTo("N");
        assertThat(d.get("description").asText()).isEqualTo("D");
        assertThat(d.get("summary").asText()).isEqualTo("S");
        assertThat(d.get("billTo").asText()).isEqualTo(newBillTo);
        assertThat(d.get("region").asText()).isEqualTo(OTHER_REGION);
        assertThat(d.get("supportOrg").asText()).isEqualTo(support);
        assertThat(d.get("allowSupportAccess").asBoolean()).isTrue();
        assertThat(d.get("customizedRateCard").asBoolean()).isTrue();
        assertThat(d.get("customizedURL").asBoolean()).isTrue();
        // supportOrg may be cleared in draft once support access is off.
        ok(tre, "update", Dx.obj("allowSupportAccess", false, "supportOrg", null));
        d = describe(tre, admin.token());
        assertThat(d.get("supportOrg").isNull()).isTrue();
        assertThat(d.get("allowSupportAccess").asBoolean()).isFalse();
        assertThat(d.get("name").asText()).isEqualTo("N");
    }

    @Test
    void lengthsAndTypes() {
        String tre = newTre();
        assertError(update(tre, Dx.obj("name", "")), 422, "InvalidInput");
        assertError(update(tre, Dx.obj("name", longText(257))), 422, "InvalidInput");
        assertError(update(tre, Dx.obj("description", "")), 422, "InvalidInput");
        assertError(update(tre, Dx.obj("description", longText(5001))), 422, "InvalidInput");
        assertError(update(tre, Dx.obj("summary", "")), 422, "InvalidInput");
        assertError(update(tre, Dx.obj("summary", longText(501))), 422, "InvalidInput");
        assertError(update(tre, Dx.obj("name", 7)), 422, "InvalidInput");
        assertError(update(tre, Dx.obj("allowSupportAccess", "true")), 422, "InvalidInput");
        assertError(update(tre, Dx.obj("customizedURL", "no")), 422, "InvalidInput");
        assertError(update(tre, Dx.obj("billTo", "acme")), 422, "InvalidInput");
        assertError(update(tre, Dx.obj("supportOrg", admin.id())), 422, "InvalidInput");
        assertError(update(tre, Dx.obj("handle", "other")), 422, "InvalidInput");
        assertError(update(tre, Dx.obj("nmae", "typo")), 422, "InvalidInput");
        assertThat(describe(tre, admin.token()).get("name").asText()).isEqualTo("Genomics");
        ok(tre, "update", Dx.obj("name", longText(256), "description", longText(5000), "summary", longText(500)));
    }

    @Test
    void otherEntities() {
        String tre = newTre();
        assertError(update(tre, Dx.obj("supportOrg", "org-" + unique("nosuch"))), 404, "ResourceNotFound");
        String destroyed = newOrg(admin.token());
        dx().post("/" + destroyed + "/destroy", admin.token(), Dx.obj()).expectOk();
        assertError(update(tre, Dx.obj("supportOrg", destroyed)), 404, "ResourceNotFound");
        assertError(update(tre, Dx.obj("billTo", "org-" + unique("nosuch"))), 404, "ResourceNotFound");
        assertError(update(tre, Dx.obj("region", "aws:ap-southeast-2")), 422, "InvalidInput");
        // A billTo where the admin is no ADMIN with the flag.
        Person other = person("other");
        String foreign = newOrg(other.token());
        setLicenses(foreign, "billable", true, "permittedRegions", List.of(REGION),
                "licenses", Dx.obj("treManagement", true));
        assertError(update(tre, Dx.obj("billTo", foreign)), 401, "PermissionDenied");
        // A billTo where the region of the TRE is not permitted.
        String elsewhere = newOrg(admin.token());
        setLicenses(elsewhere, "billable", true, "permittedRegions", List.of(OTHER_REGION),
                "licenses", Dx.obj("treManagement", true));
        treManagement(elsewhere, admin.id());
        assertError(update(tre, Dx.obj("billTo", elsewhere)), 422, "InvalidInput");
        assertThat(describe(tre, admin.token()).get("billTo").asText()).isEqualTo(org);
    }

    @Test
    void allowSupportAccessNeedsASupportOrg() {
        String tre = newTre();
        assertError(update(tre, Dx.obj("allowSupportAccess", true)), 422, "InvalidInput");
        String support = newOrg(admin.token());
        ok(tre, "update", Dx.obj("supportOrg", support, "allowSupportAccess", true));
        // Clearing the supportOrg while access stays on is refused.
        assertError(update(tre, Dx.obj("supportOrg", null)), 422, "InvalidInput");
        assertThat(describe(tre, admin.token()).get("supportOrg").asText()).isEqualTo(support);
    }

    @Test
    void outsideDraftOnlyNameDescriptionSummaryAndSupportAccessChange() {
        Person reviewer = person("rev");
        String tre = activeTre(reviewer);
        String support = newOrg(admin.token());
        for (Object[] field : new Object[][]{{"billTo", org}, {"region", REGION}, {"supportOrg", support},
                {"supportOrg", null}, {"customizedRateCard", false}, {"customizedURL", false}}) {
            assertError(update(tre, Dx.obj(field[0], field[1], "name", "Sneaky")), 422, "InvalidState");
        }
        ok(tre, "update", Dx.obj("name", "Active name", "description", "Active description", "summary", "Sum"));
        assertError(update(tre, Dx.obj("allowSupportAccess", true)), 422, "InvalidInput");
        ok(tre, "update", Dx.obj("allowSupportAccess", false));
        JsonNode d = describe(tre, admin.token());
        assertThat(d.get("name").asText()).isEqualTo("Active name");
        assertThat(d.get("summary").asText()).isEqualTo("Sum");

        ok(tre, "deactivate", Dx.obj());
        assertError(update(tre, Dx.obj("customizedURL", true)), 422, "InvalidState");
        ok(tre, "update", Dx.obj("description", "Amending"));
        assertThat(describe(tre, admin.token()).get("description").asText()).isEqualTo("Amending");
    }

    @Test
    void supportAccessCanBeSwitchedOutsideDraftWhenTheOrgWasSetInDraft() {
        Person reviewer = person("rev");
        String tre = readyTre(reviewer);
        String support = newOrg(admin.token());
        ok(tre, "update", Dx.obj("supportOrg", support));
        ok(tre, "activate", Dx.obj());
        ok(tre, "update", Dx.obj("allowSupportAccess", true));
        assertThat(describe(tre, admin.token()).get("allowSupportAccess").asBoolean()).isTrue();
    }
}
