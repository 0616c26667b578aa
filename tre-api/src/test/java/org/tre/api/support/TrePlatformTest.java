package org.tre.api.support;

import org.junit.jupiter.api.BeforeEach;

import java.util.List;

/**
 * The platform a TRE stands on, made fresh for each test over HTTP: people with tokens, a billing org
 * licensed for TREs whose ADMIN holds treManagement, a data project with a file, a dataset record, a
 * data type groups file and a database, and a separate showcase project with its record.
 */
public abstract class TrePlatformTest extends ServiceTest {

    protected static final String REGION = "aws:us-east-1";
    protected static final String GROUPS = "[{\"name\": \"Genotypes\", \"description\": \"Array genotypes\","
            + " \"mandatory\": true, \"files\": 22, \"fields\": [\"22418\"], \"detailsURL\": \"https://example.org/g\"}]";

    protected String admin;
    protected String reviewer;
    protected String authorized;
    protected String orgMember;
    protected String outsider;
    protected String org;
    protected String dataProject;
    protected String showcaseProject;
    protected String file;
    protected String dataset;
    protected String showcase;
    protected String groupsFile;
    protected String database;

    @BeforeEach
    void platform() {
        String adminId = newUser(unique("tadmin"));
        admin = tokenFor(adminId);
        reviewer = tokenFor(newUser(unique("trev")));
        authorized = tokenFor(newUser(unique("tauth")));
        String memberId = newUser(unique("tmem"));
        orgMember = tokenFor(memberId);
        outsider = tokenFor(newUser(unique("tout")));

        String handle = unique("hosting");
        org = "org-" + handle.toLowerCase();
        dx().post("/org/new", admin, Dx.obj("handle", handle, "name", "Hosting")).expectOk();
        dx().post("/" + org + "/setLicenses", ADMIN_TOKEN, Dx.obj("billable", true, "permittedRegions", List.of(REGION),
                "licenses", Dx.obj("treManagement", true))).expectOk();
        dx().post("/" + org + "/setMemberAccess", ADMIN_TOKEN, Dx.obj(adminId, Dx.obj("treManagement", true)))
                .expectOk();

        dataProject = create("/project/new", Dx.obj("name", "data", "billTo", org, "region", REGION));
        showcaseProject = create("/project/new", Dx.obj("name", "showcase", "billTo", org, "region", REGION));
        file = create("/file/new", Dx.obj("project", dataProject, "name", "inventory.tsv", "content", "id\tvalue\n"));
        dataset = create("/record/new", Dx.obj("project", dataProject, "name", "dataset"));
        showcase = create("/record/new", Dx.obj("project", showcaseProject, "name", "showcase"));
        groupsFile = create("/file/new", Dx.obj("project", dataProject, "name", "groups.json", "content", GROUPS));
        database = unique("pidmap");
        create("/database/new", Dx.obj("project", dataProject, "name", "pidmap", "uniqueDatabaseName", database));
    }

    protected String create(String route, Object input) {
        return dx().post(route, admin, input).expectOk().body().get("id").asText();
    }

    protected String whoami(String token) {
        return dx().post("/system/whoami", token, "{}").expectOk().body().get("id").asText();
    }

    /** An inventory naming every object of the platform. */
    protected Object inventory(String version) {
        return Dx.obj("file", Dx.obj("project", dataProject, "id", file),
                "dataset", Dx.obj("project", dataProject, "id", dataset),
                "showcase", Dx.obj("project", showcaseProject, "id", showcase),
                "dataTypeGroups", Dx.obj("project", dataProject, "id", groupsFile),
                "assays", List.of(Dx.obj("entity", "genotype", "project", dataProject, "workingProject", dataProject,
                        "dataset", dataset, "assayPidMapDatabase", database)),
                "version", version);
    }

    /** A request of {@code applicant} (fields 22418), submitted and approved at {@code step} by {@code reviewer}. */
    protected String approvedRequest(String tre, String applicant, String reviewer, String step) {
        String request = dx().post("/treApplication/new", applicant, Dx.obj("tre", tre, "name", "study",
                "fields", List.of("22418"))).expectOk().body().get("id").asText();
        dx().post("/" + request + "/submit", applicant, "{}").expectOk();
        dx().post("/" + request + "/approve", reviewer, Dx.obj("reviewStepId", step)).expectOk();
        return request;
    }

    /** A project of the request that dispenses nothing until asked. */
    protected String requestProject(String token, String request, String name) {
        return dx().post("/project/new", token, Dx.obj("name", name, "treApplication", request, "dispense", false))
                .expectOk().body().get("id").asText();
    }

    /**
     * An active TRE billed to {@code org}: the platform's inventory, restricted workspaces, one review
     * step {@code ethics} with {@code reviewer}, and {@code authorized} as its authorized user.
     */
    protected String anActiveTre() {
        String tre = create("/tre/new", Dx.obj("handle", unique("act").toLowerCase(), "name", "Active",
                "description", "d", "summary", "s", "billTo", org, "region", REGION));
        List<Object[]> steps = List.of(
                new Object[]{"setInventory", inventory("1.0.0")},
                new Object[]{"setPolicies", Dx.obj("restrictedWorkspace", Dx.obj("restricted", true))},
                new Object[]{"addApplicationReviewStep", Dx.obj("reviewStepId", "ethics", "name", "Ethics",
                        "description", "Board")},
                new Object[]{"addApplicationReviewers", Dx.obj("reviewStepId", "ethics", "users",
                        List.of(whoami(reviewer)))},
                new Object[]{"addAuthorizedUsers", Dx.obj("users", List.of(whoami(authorized)))},
                new Object[]{"activate", Dx.obj()});
        for (Object[] step : steps) {
            dx().post("/" + tre + "/" + step[0], admin, step[1]).expectOk();
        }
        return tre;
    }

    /**
     * An applet of {@code project} taking {@code n} (an int) and an optional {@code label}; {@code extra}
     * adds or replaces keys of /applet/new.
     */
    protected String applet(String token, String project, Object extra) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>(java.util.Map.of("project", project,
                "name", "count", "dxapi", "1.0.0", "runSpec", Dx.obj("interpreter", "bash", "code", "echo",
                        "distribution", "Ubuntu", "release", "24.04"),
                "inputSpec", List.of(Dx.obj("name", "n", "class", "int"),
                        Dx.obj("name", "label", "class", "string", "optional", true)),
                "outputSpec", List.of()));
        body.putAll(Dx.JSON.convertValue(extra, java.util.Map.class));
        return dx().post("/applet/new", token, body).expectOk().body().get("id").asText();
    }
}
