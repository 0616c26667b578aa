package org.tre.api.dataobject;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tre.api.project.ProjectServiceTest;
import org.tre.api.support.Dx;
import org.tre.directory.dataobject.DataObjectDirectory;
import org.tre.messages.dataobject.DataObjectClass;
import org.tre.messages.dataobject.DataObjectQueries.DataObjectFacts;
import org.tre.messages.dataobject.DataObjectQueries.FindDatabaseByUniqueNameQuery;
import org.tre.messages.dataobject.DataObjectQueries.ReadFileContentQuery;
import org.tre.messages.org.Licenses;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/** Files, records and databases; {@code removeObjects} and {@code clone}; the read ports, over HTTP. */
class DataObjectRoutesTest extends ProjectServiceTest {

    @Autowired
    QueryGateway queries;

    @Autowired
    DataObjectDirectory objects;

    @Test
    void aFileIsCreatedDescribedAndItsContentReadThroughTheReadPort() {
        Billing billing = billing();
        String project = newProject(billing);
        String file = dx().post("/file/new", billing.admin().token(), Dx.obj("project", project, "name", "a.json",
                "content", "[{\"é\": 1}]")).expectOk().body().get("id").asText();
        assertThat(file).matches("file-[0123456789BFGJKPQVXYZbfgjkpqvxyz]{24}");
        JsonNode seen = dx().post("/" + file + "/describe", billing.admin().token(), "{}").expectOk().body();
        assertThat(seen.get("class").asText()).isEqualTo("file");
        assertThat(seen.get("name").asText()).isEqualTo("a.json");
        assertThat(seen.get("project").asText()).isEqualTo(project);
        assertThat(seen.get("created").isIntegralNumber()).isTrue();
        assertThat(seen.has("content")).isFalse();
        Optional<String> content = queries.query(new ReadFileContentQuery(file),
                ResponseTypes.optionalInstanceOf(String.class)).join();
        assertThat(content).contains("[{\"é\": 1}]");
        assertThat(objects.content(newFile(billing.admin(), project, null))).contains("");
    }

    @Test
    void aRecordKeepsItsTypes() {
        Billing billing = billing();
        String project = newProject(billing);
        String record = dx().post("/record/new", billing.admin().token(), Dx.obj("project", project, "name", "ds",
                "types", List.of("Dataset"))).expectOk().body().get("id").asText();
        JsonNode seen = dx().post("/" + record + "/describe", billing.admin().token(), "{}").expectOk().body();
        assertThat(seen.get("class").asText()).isEqualTo("record");
        assertThat(seen.get("types").get(0).asText()).isEqualTo("Dataset");
        JsonNode chosen = dx().post("/" + record + "/describe", billing.admin().token(),
                Dx.obj("fields", Map.of("name", true))).expectOk().body();
        assertThat(chosen.size()).isEqualTo(2);
    }

    @Test
    void uniqueDatabaseNamesAreUniqueAndFoundThroughTheReadPort() {
        Billing billing = billing();
        String project = newProject(billing);
        String name = unique("pidmap");
        String database = dx().post("/database/new", billing.admin().token(), Dx.obj("project", project, "name", "db",
                "uniqueDatabaseName", name)).expectOk().body().get("id").asText();
        JsonNode seen = dx().post("/" + database + "/describe", billing.admin().token(), "{}").expectOk().body();
        assertThat(seen.get("uniqueDatabaseName").asText()).isEqualTo(name);
        assertError(dx().post("/database/new", billing.admin().token(), Dx.obj("project", project, "name", "db2",
                "uniqueDatabaseName", name)), 422, "InvalidInput");
        Optional<DataObjectFacts> found = queries.query(new FindDatabaseByUniqueNameQuery(name),
                ResponseTypes.optionalInstanceOf(DataObjectFacts.class)).join();
        assertThat(found).map(DataObjectFacts::id).contains(database);
        assertThat(found).map(DataObjectFacts::objectClass).contains(DataObjectClass.DATABASE);
    }

    @Test
    void creationRefusesMalformedInput() {
        Billing billing = billing();
        String project = newProject(billing);
        String token = billing.admin().token();
        assertError(dx().post("/file/new", token, Dx.obj("name", "a")), 422, "InvalidInput");
        assertError(dx().post("/file/new", token, Dx.obj("project", project)), 422, "InvalidInput");
        assertError(dx().post("/file/new", token, Dx.obj("project", "container-x", "name", "a")), 422, "InvalidInput");
        assertError(dx().post("/file/new", token, Dx.obj("project", project, "name", "a", "content", 5)), 422,
                "InvalidInput");
        assertError(dx().post("/file/new", token, Dx.obj("project", project, "name", "a", "folder", "/")), 422,
                "InvalidInput");
        assertError(dx().post("/file/new", token, Dx.obj("project", project, "name", "a",
                "content", "é".repeat(512 * 1024 + 1))), 422, "InvalidInput");
        dx().post("/file/new", token, Dx.obj("project", project, "name", "a", "content", "é".repeat(512 * 1024)))
                .expectOk();
        assertError(dx().post("/record/new", token, Dx.obj("project", project, "name", "r", "types", "Dataset")), 422,
                "InvalidInput");
        assertError(dx().post("/database/new", token, Dx.obj("project", project, "name", "d")), 422, "InvalidInput");
        assertError(dx().post("/database/new", token, Dx.obj("project", project, "name", "d",
                "uniqueDatabaseName", "not a name")), 422, "InvalidInput");
    }

    @Test
    void creatingNeedsUploadInALiveProject() {
        Billing billing = billing();
        String project = newProject(billing);
        Person viewer = person("viewer");
        invite(project, billing.admin(), viewer.id(), "VIEW");
        assertError(dx().post("/record/new", viewer.token(), Dx.obj("project", project, "name", "r")), 401,
                "PermissionDenied");
        Person uploader = person("uploader");
        invite(project, billing.admin(), uploader.id(), "UPLOAD");
        dx().post("/record/new", uploader.token(), Dx.obj("project", project, "name", "r")).expectOk();
        String limited = limitedToken(billing.admin(), Map.of(project, "VIEW"));
        assertError(dx().post("/file/new", limited, Dx.obj("project", project, "name", "f")), 401, "PermissionDenied");
        assertError(dx().post("/file/new", billing.admin().token(), Dx.obj("project", "project-0123456789BFGJKPQVXYZbfg",
                "name", "f")), 404, "ResourceNotFound");
    }

    @Test
    void anExternalUploadRestrictedProjectTakesNoDataFromOutside() {
        Billing billing = billing(Licenses.EXTERNAL_UPLOAD_RESTRICTED_CONTROL);
        String project = newProject(billing, "externalUploadRestricted", true);
        assertError(dx().post("/file/new", billing.admin().token(), Dx.obj("project", project, "name", "f")), 401,
                "PermissionDenied");
    }

    @Test
    void describeRefusesWhatItCannotShow() {
        Billing billing = billing();
        String project = newProject(billing);
        String file = newFile(billing.admin(), project, "x");
        assertError(dx().post("/" + file + "/describe", person("eve").token(), "{}"), 401, "PermissionDenied");
        assertError(dx().post("/file-0123456789BFGJKPQVXYZbfg/describe", billing.admin().token(), "{}"), 404,
                "ResourceNotFound");
        assertError(dx().post("/" + file + "/describe", billing.admin().token(), Dx.obj("project", newProject(billing))),
                404, "ResourceNotFound");
        assertError(dx().post("/" + file + "/describe", billing.admin().token(), Dx.obj("fields", Map.of("colour", true))),
                422, "InvalidInput");
        assertError(dx().post("/" + file + "/describe", billing.admin().token(), Dx.obj("colour", true)), 422,
                "InvalidInput");
    }

    // ---- removeObjects ----

    @Test
    void aContributorRemovesObjectsAllOrNothing() {
        Billing billing = billing();
        String project = newProject(billing);
        String a = newFile(billing.admin(), project, "a");
        String b = newFile(billing.admin(), project, "b");
        assertError(dx().post("/" + project + "/removeObjects", billing.admin().token(), Dx.obj("objects",
                List.of(a, "file-0123456789BFGJKPQVXYZbfg"))), 404, "ResourceNotFound");
        dx().post("/" + a + "/describe", billing.admin().token(), "{}").expectOk();
        dx().post("/" + project + "/removeObjects", billing.admin().token(), Dx.obj("objects", List.of(a, b),
                "force", true)).expectOk();
        assertError(dx().post("/" + a + "/describe", billing.admin().token(), "{}"), 404, "ResourceNotFound");
        assertThat(objects.content(a)).isEmpty();
    }

    @Test
    void removeObjectsRefusesWhoMayNot() {
        Billing billing = billing();
        String project = newProject(billing);
        String a = newFile(billing.admin(), project, "a");
        Person uploader = person("uploader");
        invite(project, billing.admin(), uploader.id(), "UPLOAD");
        assertError(dx().post("/" + project + "/removeObjects", uploader.token(), Dx.obj("objects", List.of(a))), 401,
                "PermissionDenied");
        assertError(dx().post("/" + project + "/removeObjects", billing.admin().token(), Dx.obj("objects",
                List.of("project-x"))), 422, "InvalidInput");
        assertError(dx().post("/project-0123456789BFGJKPQVXYZbfg/removeObjects", billing.admin().token(),
                Dx.obj("objects", List.of(a))), 404, "ResourceNotFound");
        String other = newProject(billing);
        assertError(dx().post("/" + other + "/removeObjects", billing.admin().token(), Dx.obj("objects", List.of(a))),
                404, "ResourceNotFound");

        String guarded = newProject(billing, "protected", true);
        String g = newFile(billing.admin(), guarded, "g");
        Person contributor = person("contrib");
        invite(guarded, billing.admin(), contributor.id(), "CONTRIBUTE");
        assertError(dx().post("/" + guarded + "/removeObjects", contributor.token(), Dx.obj("objects", List.of(g))), 401,
                "PermissionDenied");
    }

    // ---- clone ----

    @Test
    void cloningPutsTheSameObjectIntoAnotherProject() {
        Billing billing = billing();
        String source = newProject(billing);
        String destination = newProject(billing);
        String a = newFile(billing.admin(), source, "a");
        JsonNode out = dx().post("/" + source + "/clone", billing.admin().token(), Dx.obj("objects", List.of(a),
                "project", destination, "destination", "/", "folders", List.of(), "parents", false)).expectOk().body();
        assertThat(out.get("id").asText()).isEqualTo(source);
        assertThat(out.get("project").asText()).isEqualTo(destination);
        assertThat(out.get("exists")).isEmpty();
        JsonNode again = dx().post("/" + source + "/clone", billing.admin().token(), Dx.obj("objects", List.of(a),
                "project", destination)).expectOk().body();
        assertThat(again.get("exists").get(0).asText()).isEqualTo(a);
        dx().post("/" + source + "/removeObjects", billing.admin().token(), Dx.obj("objects", List.of(a))).expectOk();
        JsonNode seen = dx().post("/" + a + "/describe", billing.admin().token(), "{}").expectOk().body();
        assertThat(seen.get("project").asText()).isEqualTo(destination);
        assertThat(objects.find(a).orElseThrow().projects()).containsExactly(destination);
    }

    @Test
    void cloneRefusesMalformedInput() {
        Billing billing = billing();
        String source = newProject(billing);
        String a = newFile(billing.admin(), source, "a");
        String path = "/" + source + "/clone";
        String token = billing.admin().token();
        String destination = newProject(billing);
        assertError(dx().post(path, token, Dx.obj("objects", List.of(a))), 422, "InvalidInput");
        assertError(dx().post(path, token, Dx.obj("objects", List.of(a), "project", "org-x")), 422, "InvalidInput");
        assertError(dx().post(path, token, Dx.obj("objects", List.of("x"), "project", destination)), 422,
                "InvalidInput");
        assertError(dx().post(path, token, Dx.obj("objects", List.of(a), "project", source)), 422, "InvalidInput");
        assertError(dx().post(path, token, Dx.obj("objects", List.of(a), "project", destination, "destination",
                "/data")), 422, "InvalidInput");
        assertError(dx().post(path, token, Dx.obj("objects", List.of(a), "project", destination, "folders",
                List.of("/data"))), 422, "InvalidInput");
    }

    @Test
    void cloneRefusesWhoMayNotAndWhatIsNotThere() {
        Billing billing = billing();
        String source = newProject(billing);
        String destination = newProject(billing);
        String a = newFile(billing.admin(), source, "a");
        Person viewer = person("viewer");
        invite(source, billing.admin(), viewer.id(), "VIEW");
        invite(destination, billing.admin(), viewer.id(), "VIEW");
        assertError(dx().post("/" + source + "/clone", viewer.token(), Dx.obj("objects", List.of(a),
                "project", destination)), 401, "PermissionDenied");
        Person stranger = person("stranger");
        assertError(dx().post("/" + source + "/clone", stranger.token(), Dx.obj("objects", List.of(a),
                "project", destination)), 401, "PermissionDenied");
        assertError(dx().post("/" + source + "/clone", billing.admin().token(), Dx.obj("objects", List.of(a),
                "project", "project-0123456789BFGJKPQVXYZbfg")), 404, "ResourceNotFound");
        assertError(dx().post("/project-0123456789BFGJKPQVXYZbfg/clone", billing.admin().token(),
                Dx.obj("objects", List.of(a), "project", destination)), 404, "ResourceNotFound");
        String elsewhere = newFile(billing.admin(), destination, "e");
        assertError(dx().post("/" + source + "/clone", billing.admin().token(), Dx.obj("objects", List.of(elsewhere),
                "project", newProject(billing))), 404, "ResourceNotFound");

        String restricted = newProject(billing, "restricted", true);
        String r = newFile(billing.admin(), restricted, "r");
        assertError(dx().post("/" + restricted + "/clone", billing.admin().token(), Dx.obj("objects", List.of(r),
                "project", destination)), 401, "PermissionDenied");
    }

    @Test
    void aDestroyedProjectTakesItsObjectsAlong() {
        Billing billing = billing();
        String project = newProject(billing);
        String a = newFile(billing.admin(), project, "a");
        dx().post("/" + project + "/destroy", billing.admin().token(), "{}").expectOk();
        assertError(dx().post("/" + a + "/describe", billing.admin().token(), "{}"), 404, "ResourceNotFound");
        assertThat(objects.find(a)).isEmpty();
    }
}
