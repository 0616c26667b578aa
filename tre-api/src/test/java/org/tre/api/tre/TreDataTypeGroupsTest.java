package org.tre.api.tre;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/** {@code /tre-xxxx/getDataTypeGroups}: tre-api.md and DECISIONS.md §10. */
class TreDataTypeGroupsTest extends TreApiTest {

    private static final String GROUP = "{\"name\": \"G\", \"description\": \"D\", \"mandatory\": false,"
            + " \"files\": 1, \"fields\": [\"f1\", \"f2\"], \"detailsURL\": \"https://example.org\"}";

    private Dx.Response groups(String tre, String token) {
        return call(tre, "getDataTypeGroups", token, "{}");
    }

    /** A draft TRE whose pending inventory's dataTypeGroups file holds this content. */
    private String treWithGroups(String content) {
        String tre = newTre();
        String groups = create("/file/new", Dx.obj("project", dataProject, "name", "groups.json", "content", content));
        ObjectNode input = inventory("1.0.0");
        input.set("dataTypeGroups", Dx.obj("project", dataProject, "id", groups));
        ok(tre, "setInventory", input);
        return tre;
    }

    @Test
    void readsThePendingInventoryBeforeTheFirstActivation() {
        String tre = treWithGroups("[" + GROUP + ", " + GROUP.replace("\"G\"", "\"H\"") + "]");
        JsonNode results = groups(tre, admin.token()).expectOk().body().get("results");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).get("name").asText()).isEqualTo("G");
        assertThat(results.get(1).get("name").asText()).isEqualTo("H");
        assertThat(texts(results.get(0).get("fields"))).containsExactly("f1", "f2");
        assertThat(results.get(0).get("files").asInt()).isEqualTo(1);
        assertThat(results.get(0).get("mandatory").asBoolean()).isFalse();
        // An empty array is a valid file.
        assertThat(groups(treWithGroups("[]"), admin.token()).expectOk().body().get("results")).isEmpty();
    }

    @Test
    void readsTheActiveInventoryOnceThereIsOne() {
        Person reviewer = person("rev");
        String tre = activeTre(reviewer);
        ok(tre, "deactivate", Dx.obj());
        String broken = create("/file/new", Dx.obj("project", dataProject, "name", "broken.json", "content", "{"));
        ObjectNode pending = inventory("2.0.0");
        pending.set("dataTypeGroups", Dx.obj("project", dataProject, "id", broken));
        ok(tre, "setInventory", pending);
        // The active inventory's file, not the broken pending one.
        JsonNode results = groups(tre, reviewer.token()).expectOk().body().get("results");
        assertThat(results.get(0).get("name").asText()).isEqualTo("Genotypes");
        ok(tre, "activate", Dx.obj());
        assertError(groups(tre, reviewer.token()), 422, "InvalidState");
    }

    @Test
    void notConfigured() {
        String tre = newTre();
        // No inventory at all.
        assertError(groups(tre, admin.token()), 422, "InvalidState");
        ObjectNode withoutGroups = inventory("1.0.0");
        withoutGroups.remove("dataTypeGroups");
        ok(tre, "setInventory", withoutGroups);
        assertError(groups(tre, admin.token()), 422, "InvalidState");
        ObjectNode nullGroups = inventory("1.0.1");
        nullGroups.putNull("dataTypeGroups");
        ok(tre, "setInventory", nullGroups);
        assertError(groups(tre, admin.token()), 422, "InvalidState");
    }

    @Test
    void invalidJson() {
        for (String content : List.of("", "not json", "[{\"name\": ", "{\"a\": 1} trailing",
                "[] []", "[" + GROUP + "] garbage")) {
            assertError(groups(treWithGroups(content), admin.token()), 422, "InvalidState");
        }
    }

    @Test
    void schemaMismatch() {
        List<String> contents = List.of(
                GROUP,
                "{\"results\": [" + GROUP + "]}",
                "[1]",
                "[\"G\"]",
                "[" + GROUP.replace("\"mandatory\": false,", "") + "]",
                "[" + GROUP.replace("}", ", \"extra\": 1}") + "]",
                "[" + GROUP.replace("\"files\": 1", "\"files\": \"1\"") + "]",
                "[" + GROUP.replace("\"files\": 1", "\"files\": 1.5") + "]",
                "[" + GROUP.replace("\"mandatory\": false", "\"mandatory\": \"no\"") + "]",
                "[" + GROUP.replace("\"name\": \"G\"", "\"name\": null") + "]",
                "[" + GROUP.replace("[\"f1\", \"f2\"]", "[\"f1\", 2]") + "]",
                "[" + GROUP.replace("[\"f1\", \"f2\"]", "\"f1\"") + "]",
                "[" + GROUP.replace("\"https://example.org\"", "5") + "]",
                "[" + GROUP + ", 7]",
                "null",
                "\"text\"");
        for (String content : contents) {
            Dx.Response response = groups(treWithGroups(content), admin.token());
            assertThat(response.status()).as(content).isEqualTo(422);
            assertError(response, 422, "InvalidState");
        }
    }

    @Test
    void theFileMustStillBeInItsProject() {
        String tre = treWithGroups(GROUPS);
        groups(tre, admin.token()).expectOk();
        dx().post("/" + dataProject + "/removeObjects", admin.token(), Dx.obj("objects", List.of(groupsOf(tre))))
                .expectOk();
        assertError(groups(tre, admin.token()), 404, "ResourceNotFound");
    }

    private String groupsOf(String tre) {
        return describe(tre, admin.token()).get("inventoryDetails").get(0).get("dataTypeGroups").get("id").asText();
    }

    @Test
    void whoMayRead() {
        Person reviewer = person("rev");
        Person user = person("user");
        Person orgMember = person("member");
        Person outsider = person("outsider");
        String group = newOrg(orgMember.token());
        String tre = readyTre(reviewer);
        ok(tre, "addAuthorizedUsers", Dx.obj("users", List.of(user.id(), group)));
        for (Person p : List.of(admin, reviewer, user, orgMember)) {
            assertThat(groups(tre, p.token()).expectOk().body().get("results")).hasSize(1);
            assertError(groups(tre, limitedToken(p.id())), 401, "PermissionDenied");
        }
        assertThat(groups(tre, ADMIN_TOKEN).expectOk().body().get("results")).hasSize(1);
        assertError(groups(tre, outsider.token()), 401, "PermissionDenied");
        assertError(groups(tre, limitedToken(outsider.id())), 401, "PermissionDenied");
        ok(tre, "addAuthorizedUsers", Dx.obj("users", List.of("PUBLIC")));
        assertThat(groups(tre, outsider.token()).expectOk().body().get("results")).hasSize(1);
        assertError(call(tre, "getDataTypeGroups", outsider.token(), Dx.obj("fields", Dx.obj())), 422,
                "InvalidInput");
    }
}
