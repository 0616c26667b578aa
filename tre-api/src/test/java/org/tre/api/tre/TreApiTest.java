package org.tre.api.tre;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.tre.api.support.Dx;
import org.tre.api.support.OrgApiTest;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform a TRE needs, built fresh for each test over HTTP: a hosting org licensed for TREs in
 * two regions, its ADMIN with the treManagement flag, inventory projects and objects; and helpers
 * to bring a TRE to draft, ready-to-activate or active.
 */
abstract class TreApiTest extends OrgApiTest {

    static final String REGION = "aws:us-east-1";
    static final String OTHER_REGION = "aws:eu-central-1";
    static final String GROUPS = "[{\"name\": \"Genotypes\", \"description\": \"Array genotypes\","
            + " \"mandatory\": true, \"files\": 22, \"fields\": [\"22418\"], \"detailsURL\": \"https://example.org/g\"}]";

    /** Every route on an existing TRE, with an input of the right shape (DECISIONS.md §1 puts shape first). */
    static final List<String> TRE_VERBS = List.of("update", "setInventory", "setPolicies", "addTreAdmins",
            "removeTreAdmins", "addAuthorizedUsers", "removeAuthorizedUsers", "addApplicationReviewStep",
            "updateApplicationReviewStep", "removeApplicationReviewStep", "addApplicationReviewers",
            "removeApplicationReviewers", "getDataTypeGroups", "describe", "activate", "deactivate", "delete");

    /** The routes only a TRE admin may call. */
    static final List<String> ADMIN_VERBS = TRE_VERBS.stream()
            .filter(v -> !v.equals("describe") && !v.equals("getDataTypeGroups")).toList();

    Person admin;
    String org;
    String dataProject;
    String showcaseProject;
    String file;
    String dataset;
    String showcase;
    String groupsFile;
    String database;

    @BeforeEach
    void platform() {
        admin = person("tadmin");
        org = newOrg(admin.token());
        setLicenses(org, "billable", true, "permittedRegions", List.of(REGION, OTHER_REGION),
                "licenses", Dx.obj("treManagement", true));
        treManagement(org, admin.id());
        dataProject = create("/project/new", Dx.obj("name", "data", "billTo", org, "region", REGION));
        showcaseProject = create("/project/new", Dx.obj("name", "showcase", "billTo", org, "region", REGION));
        file = create("/file/new", Dx.obj("project", dataProject, "name", "inventory.tsv", "content", "id\tvalue\n"));
        dataset = create("/record/new", Dx.obj("project", dataProject, "name", "dataset"));
        showcase = create("/record/new", Dx.obj("project", showcaseProject, "name", "showcase"));
        groupsFile = create("/file/new", Dx.obj("project", dataProject, "name", "groups.json", "content", GROUPS));
        database = unique("pidmap");
        create("/database/new", Dx.obj("project", dataProject, "name", "pidmap", "uniqueDatabaseName", database));
    }

    /** The operator switches the org member flag treManagement on. */
    void treManagement(String orgId, String userId) {
        dx().post("/" + orgId + "/setMemberAccess", ADMIN_TOKEN, Dx.obj(userId, Dx.obj("treManagement", true)))
                .expectOk();
    }

    /** A new person who is a member of the hosting org with the treManagement flag: eligible as TRE admin. */
    Person manager() {
        Person p = person("tmgr");
        member(org, admin.token(), p.id(), "level", "MEMBER", "treManagement", true);
        return p;
    }

    ObjectNode newTreInput(String handle) {
        return Dx.obj("handle", handle, "name", "Genomics", "description", "UK genomes", "summary", "Genomes",
                "billTo", org, "region", REGION);
    }

    /** A new TRE in draft, made by {@link #admin}. */
    String newTre() {
        String handle = unique("tre").toLowerCase();
        assertThat(create("/tre/new", newTreInput(handle))).isEqualTo("tre-" + handle);
        return "tre-" + handle;
    }

    ObjectNode inventory(String version) {
        return Dx.obj("file", Dx.obj("project", dataProject, "id", file),
                "dataset", Dx.obj("project", dataProject, "id", dataset),
                "showcase", Dx.obj("project", showcaseProject, "id", showcase),
                "dataTypeGroups", Dx.obj("project", dataProject, "id", groupsFile),
                "assays", List.of(Dx.obj("entity", "genotype", "project", dataProject, "workingProject", dataProject,
                        "dataset", dataset, "assayPidMapDatabase", database)),
                "version", version);
    }

    /** A draft TRE that passes every activation check; the reviewer is returned through {@code reviewer}. */
    String readyTre(Person reviewer) {
        String tre = newTre();
        ok(tre, "setInventory", inventory("1.0.0"));
        ok(tre, "setPolicies", Dx.obj());
        ok(tre, "addApplicationReviewStep", Dx.obj("reviewStepId", "ethics", "name", "Ethics", "description", "Board"));
        ok(tre, "addApplicationReviewers", Dx.obj("reviewStepId", "ethics", "users", List.of(reviewer.id())));
        return tre;
    }

    String activeTre(Person reviewer) {
        String tre = readyTre(reviewer);
        ok(tre, "activate", Dx.obj());
        return tre;
    }

    /** A valid input for each route, for the role and not-found checks. */
    ObjectNode validInput(String verb, String someUser) {
        return switch (verb) {
            case "update" -> Dx.obj("name", "Renamed");
            case "setInventory" -> inventory("1.0.0");
            case "setPolicies" -> Dx.obj("restrictedWorkspace", Dx.obj("restricted", true));
            case "addTreAdmins", "removeTreAdmins", "addAuthorizedUsers", "removeAuthorizedUsers" ->
                    Dx.obj("users", List.of(someUser));
            case "addApplicationReviewStep" -> Dx.obj("reviewStepId", "second", "name", "Second", "description", "");
            case "updateApplicationReviewStep" -> Dx.obj("reviewStepId", "ethics", "name", "Renamed");
            case "removeApplicationReviewStep" -> Dx.obj("reviewStepId", "ethics");
            case "addApplicationReviewers", "removeApplicationReviewers" ->
                    Dx.obj("reviewStepId", "ethics", "users", List.of(someUser));
            default -> Dx.obj();
        };
    }

    Dx.Response call(String tre, String verb, String token, Object input) {
        return dx().post("/" + tre + "/" + verb, token, input);
    }

    void ok(String tre, String verb, Object input) {
        assertThat(call(tre, verb, admin.token(), input).expectOk().body().get("id").asText()).isEqualTo(tre);
    }

    String create(String route, Object input) {
        return dx().post(route, admin.token(), input).expectOk().body().get("id").asText();
    }

    String create(String route, String token, Object input) {
        return dx().post(route, token, input).expectOk().body().get("id").asText();
    }

    static String longText(int length) {
        return "x".repeat(length);
    }

    static List<String> findAll(org.tre.api.support.Dx dx, String token) {
        List<String> ids = new ArrayList<>();
        dx.post("/system/findTres", token, "{}").expectOk().body().get("results")
                .forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }
}
