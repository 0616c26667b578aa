package org.tre.api.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tre.api.support.Dx;
import org.tre.api.support.ServiceTest;

import java.util.List;
import java.util.Map;

/**
 * Orgs, people and projects made through the real routes: the operator creates each org (and so is
 * its first ADMIN), makes it billable in two regions, and invites people into it.
 */
public abstract class ProjectServiceTest extends ServiceTest {

    public static final String US = "aws:us-east-1";
    public static final String EU = "aws:eu-west-2";

    /** A user with a full-scope token. */
    public record Person(String id, String token) {
    }

    protected Person person(String prefix) {
        String id = newUser(unique(prefix));
        return new Person(id, tokenFor(id));
    }

    /** A token limited to the given projects at the given levels. */
    protected String limitedToken(Person person, Map<String, String> projects) {
        return dx().post("/system/newAuthToken", person.token(), Dx.obj("scope", Dx.obj("projects", projects)))
                .expectOk().body().get("access_token").asText();
    }

    protected String org(Map<String, Object> policies, boolean billable, String... licenses) {
        String handle = unique("org");
        String orgId = dx().post("/org/new", ADMIN_TOKEN, Dx.obj("handle", handle, "name", "Org " + handle,
                "policies", policies)).expectOk().body().get("id").asText();
        ObjectNode licenseMap = Dx.obj();
        for (String license : licenses) {
            licenseMap.put(license, true);
        }
        dx().post("/" + orgId + "/setLicenses", ADMIN_TOKEN, Dx.obj("billable", billable, "licenses", licenseMap,
                "permittedRegions", List.of(US, EU), "defaultRegion", US)).expectOk();
        return orgId;
    }

    protected String billableOrg(String... licenses) {
        return org(Map.of(), true, licenses);
    }

    protected void admin(String orgId, Person person) {
        dx().post("/" + orgId + "/invite", ADMIN_TOKEN, Dx.obj("invitee", person.id(), "level", "ADMIN")).expectOk();
    }

    protected void member(String orgId, Person person, boolean allowBillable, String projectAccess) {
        dx().post("/" + orgId + "/invite", ADMIN_TOKEN, Dx.obj("invitee", person.id(), "level", "MEMBER",
                "allowBillableActivities", allowBillable, "projectAccess", projectAccess)).expectOk();
    }

    /** A fresh billable org and an ADMIN of it (who may bill it). */
    public record Billing(String orgId, Person admin) {
    }

    protected Billing billing(String... licenses) {
        Person person = person("owner");
        String orgId = billableOrg(licenses);
        admin(orgId, person);
        return new Billing(orgId, person);
    }

    protected String newProject(Billing billing, Object... extra) {
        return newProject(billing.admin(), billing.orgId(), extra);
    }

    protected String newProject(Person creator, String billTo, Object... extra) {
        ObjectNode input = Dx.obj("name", unique("project"), "billTo", billTo);
        input.setAll(Dx.obj(extra));
        return dx().post("/project/new", creator.token(), input).expectOk().body().get("id").asText();
    }

    protected JsonNode describe(String projectId, String token) {
        return dx().post("/" + projectId + "/describe", token, "{}").expectOk().body();
    }

    protected void invite(String projectId, Person by, String invitee, String level) {
        dx().post("/" + projectId + "/invite", by.token(), Dx.obj("invitee", invitee, "level", level)).expectOk();
    }

    protected String level(String projectId, Person person) {
        return describe(projectId, person.token()).get("level").asText();
    }

    protected String newFile(Person creator, String projectId, String content) {
        ObjectNode input = Dx.obj("project", projectId, "name", unique("file") + ".txt");
        if (content != null) {
            input.put("content", content);
        }
        return dx().post("/file/new", creator.token(), input).expectOk().body().get("id").asText();
    }
}
