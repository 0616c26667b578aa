package org.tre.api.tre;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/** {@code /tre/new}: every input rule and every error of tre-api.md and DECISIONS.md §2. */
class TreNewTest extends TreApiTest {

    private Dx.Response newTre(String token, ObjectNode input) {
        return dx().post("/tre/new", token, input);
    }

    private ObjectNode with(String key, Object value) {
        ObjectNode input = newTreInput(unique("h").toLowerCase());
        input.set(key, Dx.JSON.valueToTree(value));
        return input;
    }

    @Test
    void createsADraftWithTheCreatorAsOnlyAdmin() {
        String handle = unique("ok").toLowerCase();
        ObjectNode input = newTreInput(handle);
        input.put("customizedURL", true);
        JsonNode answer = newTre(admin.token(), input).expectOk().body();
        assertThat(answer.get("id").asText()).isEqualTo("tre-" + handle);
        JsonNode tre = describe("tre-" + handle, admin.token());
        assertThat(tre.get("state").asText()).isEqualTo("draft");
        assertThat(tre.get("handle").asText()).isEqualTo(handle);
        assertThat(tre.get("summary").asText()).isEqualTo("Genomes");
        assertThat(tre.get("billTo").asText()).isEqualTo(org);
        assertThat(tre.get("region").asText()).isEqualTo(REGION);
        assertThat(texts(tre.get("treAdmins"))).containsExactly(admin.id());
        assertThat(tre.get("customizedURL").asBoolean()).isTrue();
        assertThat(tre.get("customizedRateCard").asBoolean()).isFalse();
        assertThat(tre.get("public").asBoolean()).isFalse();
        assertThat(tre.get("inventory").isNull()).isTrue();
        assertThat(tre.get("showcaseInventory").isNull()).isTrue();
    }

    @Test
    void handleRules() {
        for (String bad : List.of("Genomics", "GENOMICS", "ab", longText(64), "1abc", "_abc", "ab-cd", "ab cd",
                "abc!", "")) {
            assertError(newTre(admin.token(), newTreInput(bad)), 422, "InvalidInput");
        }
        // The shortest and the longest handle, with every allowed kind of character.
        newTre(admin.token(), newTreInput("q.z")).expectOk();
        String longest = ("z" + unique("m").toLowerCase() + "._9").concat("a".repeat(63)).substring(0, 63);
        newTre(admin.token(), newTreInput(longest)).expectOk();
        assertThat(describe("tre-" + longest, admin.token()).get("handle").asText()).isEqualTo(longest);
    }

    @Test
    void textLengths() {
        assertError(newTre(admin.token(), with("name", "")), 422, "InvalidInput");
        assertError(newTre(admin.token(), with("name", longText(257))), 422, "InvalidInput");
        assertError(newTre(admin.token(), with("description", "")), 422, "InvalidInput");
        assertError(newTre(admin.token(), with("description", longText(5001))), 422, "InvalidInput");
        assertError(newTre(admin.token(), with("summary", "")), 422, "InvalidInput");
        assertError(newTre(admin.token(), with("summary", longText(501))), 422, "InvalidInput");
        ObjectNode longest = with("name", longText(256));
        longest.put("description", longText(5000));
        longest.put("summary", longText(500));
        newTre(admin.token(), longest).expectOk();
    }

    @Test
    void requiredKeysTypesAndUnknownKeys() {
        for (String key : List.of("handle", "name", "description", "summary", "billTo", "region")) {
            ObjectNode input = newTreInput(unique("h").toLowerCase());
            input.remove(key);
            assertError(newTre(admin.token(), input), 422, "InvalidInput");
        }
        assertError(newTre(admin.token(), with("name", 5)), 422, "InvalidInput");
        assertError(newTre(admin.token(), with("customizedRateCard", "yes")), 422, "InvalidInput");
        assertError(newTre(admin.token(), with("customizedURL", 1)), 422, "InvalidInput");
        assertError(newTre(admin.token(), with("colour", "blue")), 422, "InvalidInput");
        assertError(newTre(admin.token(), with("inventory", Dx.obj())), 422, "InvalidInput");
    }

    @Test
    void billToMustBeAnExistingOrg() {
        assertError(newTre(admin.token(), with("billTo", admin.id())), 422, "InvalidInput");
        assertError(newTre(admin.token(), with("billTo", "acme")), 422, "InvalidInput");
        assertError(newTre(admin.token(), with("billTo", "org-" + unique("nosuch"))), 404, "ResourceNotFound");
        // A destroyed org is no org (DECISIONS.md §12).
        String destroyed = newOrg(admin.token());
        setLicenses(destroyed, "billable", true, "permittedRegions", List.of(REGION),
                "licenses", Dx.obj("treManagement", true));
        treManagement(destroyed, admin.id());
        dx().post("/" + destroyed + "/destroy", admin.token(), Dx.obj()).expectOk();
        assertError(newTre(admin.token(), with("billTo", destroyed)), 404, "ResourceNotFound");
    }

    @Test
    void callerMustBeAnAdminWithTheFlagInALicensedOrg() {
        // Not a member at all.
        Person stranger = person("stranger");
        assertError(newTre(stranger.token(), newTreInput(unique("h").toLowerCase())), 401, "PermissionDenied");
        // A MEMBER with the flag is not an ADMIN.
        Person manager = manager();
        assertError(newTre(manager.token(), newTreInput(unique("h").toLowerCase())), 401, "PermissionDenied");
        // An ADMIN without the flag.
        Person otherAdmin = person("oadmin");
        member(org, admin.token(), otherAdmin.id(), "level", "ADMIN");
        assertError(newTre(otherAdmin.token(), newTreInput(unique("h").toLowerCase())), 401, "PermissionDenied");
        // The flag switched on: allowed.
        treManagement(org, otherAdmin.id());
        newTre(otherAdmin.token(), newTreInput(unique("h").toLowerCase())).expectOk();

        // An ADMIN with the flag in an org without the treManagement license.
        String unlicensed = newOrg(admin.token());
        setLicenses(unlicensed, "billable", true, "permittedRegions", List.of(REGION));
        treManagement(unlicensed, admin.id());
        ObjectNode input = newTreInput(unique("h").toLowerCase());
        input.put("billTo", unlicensed);
        assertError(newTre(admin.token(), input), 401, "PermissionDenied");
        setLicenses(unlicensed, "licenses", Dx.obj("treManagement", true));
        newTre(admin.token(), input).expectOk();
    }

    @Test
    void aLimitedTokenIsRefused() {
        String limited = limitedToken(admin.id());
        String handle = unique("h").toLowerCase();
        assertError(newTre(limited, newTreInput(handle)), 401, "PermissionDenied");
        assertError(dx().post("/tre-" + handle + "/describe", admin.token(), "{}"), 404, "ResourceNotFound");
    }

    @Test
    void regionMustBePermittedForTheOrg() {
        assertError(newTre(admin.token(), with("region", "aws:ap-southeast-2")), 422, "InvalidInput");
        newTre(admin.token(), with("region", OTHER_REGION)).expectOk();
    }

    @Test
    void aHandleInUseOrUsedByADeletedTreCannotBeTakenAgain() {
        String tre = newTre();
        String handle = tre.substring(4);
        assertError(newTre(admin.token(), newTreInput(handle)), 422, "InvalidState");
        ok(tre, "delete", Dx.obj());
        assertError(newTre(admin.token(), newTreInput(handle)), 422, "InvalidState");
        // Another user, another org: still taken, handles are global.
        Person other = person("other");
        String otherOrg = newOrg(other.token());
        setLicenses(otherOrg, "billable", true, "permittedRegions", List.of(REGION),
                "licenses", Dx.obj("treManagement", true));
        treManagement(otherOrg, other.id());
        ObjectNode input = newTreInput(handle);
        input.put("billTo", otherOrg);
        assertError(newTre(other.token(), input), 422, "InvalidState");
    }

    @Test
    void aNonceReplaysTheFirstAnswerAndRefusesOtherInput() {
        String handle = unique("n").toLowerCase();
        ObjectNode input = newTreInput(handle);
        input.put("nonce", "nonce-" + handle);
        JsonNode first = newTre(admin.token(), input).expectOk().body();
        JsonNode again = newTre(admin.token(), input).expectOk().body();
        assertThat(again).isEqualTo(first);
        assertThat(events("tre-" + handle, "TreCreatedEvent")).isEqualTo(1);
        ObjectNode changed = input.deepCopy();
        changed.put("name", "Other name");
        assertError(newTre(admin.token(), changed), 422, "InvalidInput");
        ObjectNode tooLong = newTreInput(unique("n").toLowerCase());
        tooLong.put("nonce", longText(129));
        assertError(newTre(admin.token(), tooLong), 422, "InvalidInput");
        assertError(newTre(admin.token(), with("nonce", "")), 422, "InvalidInput");
        assertError(newTre(admin.token(), with("nonce", 5)), 422, "InvalidInput");
    }
}
