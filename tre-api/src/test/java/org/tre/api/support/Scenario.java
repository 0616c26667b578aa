package org.tre.api.support;

import java.util.List;

/**
 * Builds the platform a TRE needs on a service a test started itself, through the API as the
 * operator and an org ADMIN would: users with tokens, an org licensed for TREs, and an active TRE.
 */
public record Scenario(Dx dx, String operator) {

    public static final String REGION = "aws:us-east-1";

    /** What {@link #activeTre} and {@link #readyTre} made. */
    public record TreSetup(String id, String dataProject, String showcaseProject) {
    }

    /** A user with the given username; answers their id. */
    public String user(String username) {
        return id(dx.post("/user/new", operator, Dx.obj("username", username, "email", username + "@example.org")));
    }

    /** A full-scope token of the user, made by the operator. */
    public String token(String userId) {
        return dx.post("/system/newAuthToken", operator, Dx.obj("user", userId)).expectOk().body()
                .get("access_token").asText();
    }

    /** A new user and their token. */
    public String userWithToken(String username) {
        return token(user(username));
    }

    /** A billable org licensed for TREs, whose creator (its ADMIN) holds treManagement; answers its id. */
    public String treOrg(String adminToken, String adminId, String handle) {
        String orgId = id(dx.post("/org/new", adminToken, Dx.obj("handle", handle, "name", handle)));
        dx.post("/" + orgId + "/setLicenses", operator, Dx.obj("billable", true, "permittedRegions", List.of(REGION),
                "licenses", Dx.obj("treManagement", true))).expectOk();
        dx.post("/" + orgId + "/setMemberAccess", operator, Dx.obj(adminId, Dx.obj("treManagement", true)))
                .expectOk();
        return orgId;
    }

    /**
     * An active TRE billed to the org, with a file inventory, no policy enforced, one review step whose
     * reviewer is {@code reviewer}, and the given authorized users.
     */
    public TreSetup activeTre(String adminToken, String orgId, String handle, String reviewer,
                               List<String> authorizedUsers) {
        TreSetup tre = readyTre(adminToken, orgId, handle, reviewer, authorizedUsers);
        ok(adminToken, tre.id(), "activate", Dx.obj());
        return tre;
    }

    /** The TRE {@link #activeTre} makes, still in draft: everything activation needs is set. */
    public TreSetup readyTre(String adminToken, String orgId, String handle, String reviewer,
                              List<String> authorizedUsers) {
        String data = id(dx.post("/project/new", adminToken, Dx.obj("name", "data", "billTo", orgId)));
        String show = id(dx.post("/project/new", adminToken, Dx.obj("name", "show", "billTo", orgId)));
        String file = id(dx.post("/file/new", adminToken, Dx.obj("project", data, "name", "f", "content", "x")));
        String record = id(dx.post("/record/new", adminToken, Dx.obj("project", show, "name", "r")));
        String tre = id(dx.post("/tre/new", adminToken, Dx.obj("handle", handle, "name", handle, "description", "d",
                "summary", "s", "billTo", orgId, "region", REGION)));
        ok(adminToken, tre, "setInventory", Dx.obj("file", Dx.obj("project", data, "id", file), "dataset", Dx.obj(),
                "showcase", Dx.obj("project", show, "id", record), "assays", List.of(), "version", "1.0.0"));
        ok(adminToken, tre, "setPolicies", Dx.obj());
        ok(adminToken, tre, "addApplicationReviewStep", Dx.obj("reviewStepId", "e", "name", "E", "description", ""));
        ok(adminToken, tre, "addApplicationReviewers", Dx.obj("reviewStepId", "e", "users", List.of(reviewer)));
        if (!authorizedUsers.isEmpty()) {
            ok(adminToken, tre, "addAuthorizedUsers", Dx.obj("users", authorizedUsers));
        }
        return new TreSetup(tre, data, show);
    }

    /**
     * A data access request of {@code applicant} to an {@link #activeTre}, approved by its one step's
     * reviewer; answers its id.
     */
    public String approvedRequest(String applicant, String reviewer, String tre) {
        String request = id(dx.post("/treApplication/new", applicant, Dx.obj("tre", tre, "name", "study",
                "fields", List.of("22418"))));
        ok(applicant, request, "submit", Dx.obj());
        ok(reviewer, request, "approve", Dx.obj("reviewStepId", "e"));
        return request;
    }

    /** A project of the request that dispenses nothing until asked; answers its id. */
    public String requestProject(String token, String request, String name) {
        return id(dx.post("/project/new", token, Dx.obj("name", name, "treApplication", request, "dispense", false)));
    }

    public void ok(String token, String entity, String verb, Object input) {
        dx.post("/" + entity + "/" + verb, token, input).expectOk();
    }

    public static String id(Dx.Response response) {
        return response.expectOk().body().get("id").asText();
    }
}
