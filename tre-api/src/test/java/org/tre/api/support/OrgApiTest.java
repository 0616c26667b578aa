package org.tre.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * What the Organizations API and app tests build on: people with tokens, orgs, members, apps.
 * Every name is unique to the test, since all tests share one service and one database.
 */
public abstract class OrgApiTest extends ServiceTest {

    public static final String OPERATOR = "user-admin";

    /** A user and a full-scope token of theirs. */
    public record Person(String id, String token) {
    }

    protected Person person(String prefix) {
        String id = newUser(unique(prefix));
        return new Person(id, tokenFor(id));
    }

    /** A token of the user limited to one (made-up) project. */
    protected String limitedToken(String userId) {
        return dx().post("/system/newAuthToken", ADMIN_TOKEN, Dx.obj("user", userId,
                        "scope", Dx.obj("projects", Dx.obj("project-0123456789BFGJKPQVXYZbfg", "VIEW"))))
                .expectOk().body().get("access_token").asText();
    }

    /** A new org whose only ADMIN is the token's user. */
    protected String newOrg(String adminToken) {
        String handle = unique("org");
        return dx().post("/org/new", adminToken, Dx.obj("handle", handle, "name", "Org " + handle)).expectOk()
                .body().get("id").asText();
    }

    /** The operator's /org-xxxx/setLicenses. */
    protected void setLicenses(String orgId, Object... keysAndValues) {
        dx().post("/" + orgId + "/setLicenses", ADMIN_TOKEN, Dx.obj(keysAndValues)).expectOk();
    }

    /** Makes the org billable (as sales would) and switches on the named licenses. */
    protected void billable(String orgId, String... licenses) {
        ObjectNode on = Dx.JSON.createObjectNode();
        for (String license : licenses) {
            on.put(license, true);
        }
        setLicenses(orgId, "billable", true, "licenses", on);
    }

    /** Invites the user into the org; extra keys (level, flags) as key, value pairs. */
    protected Dx.Response invite(String orgId, String adminToken, String invitee, Object... extra) {
        ObjectNode body = Dx.obj(extra);
        body.put("invitee", invitee);
        return dx().post("/" + orgId + "/invite", adminToken, body);
    }

    protected void member(String orgId, String adminToken, String userId, Object... extra) {
        invite(orgId, adminToken, userId, extra).expectOk();
    }

    protected JsonNode describe(String orgId, String token) {
        return dx().post("/" + orgId + "/describe", token, "{}").expectOk().body();
    }

    /** The member's row in findMembers, as the operator sees it; null when not a member. */
    protected JsonNode membership(String orgId, String userId) {
        JsonNode results = dx().post("/" + orgId + "/findMembers", ADMIN_TOKEN, Dx.obj("id", List.of(userId)))
                .expectOk().body().get("results");
        return results.isEmpty() ? null : results.get(0);
    }

    /** A new app billed to the org; the caller needs allowBillableActivities there. */
    protected String newApp(String token, String billTo, String name, Object... extra) {
        ObjectNode body = Dx.obj(extra);
        body.put("name", name);
        if (!body.has("version")) {
            body.put("version", "1.0.0");
        }
        body.put("billTo", billTo);
        return dx().post("/app/new", token, body).expectOk().body().get("id").asText();
    }

    protected int events(String aggregateId, String eventType) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = ?"
                + " AND payloadtype LIKE ?", Integer.class, aggregateId, "%" + eventType);
        return n == null ? 0 : n;
    }

    protected static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    protected static List<String> ids(JsonNode findAnswer) {
        List<String> ids = new ArrayList<>();
        findAnswer.get("results").forEach(result -> ids.add(result.get("id").asText()));
        return ids;
    }

    protected static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
