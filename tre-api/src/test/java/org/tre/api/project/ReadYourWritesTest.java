package org.tre.api.project;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;

import static org.assertj.core.api.Assertions.assertThat;

/** A project, then a file in it, then describe: each step the very next request, fifty times over. */
class ReadYourWritesTest extends ProjectServiceTest {

    @Test
    void eachWriteIsVisibleToTheVeryNextRequest() {
        Billing billing = billing();
        String token = billing.admin().token();
        for (int i = 0; i < 50; i++) {
            String project = dx().post("/project/new", token, Dx.obj("name", "rw" + i, "billTo", billing.orgId()))
                    .expectOk().body().get("id").asText();
            String file = dx().post("/file/new", token, Dx.obj("project", project, "name", "f" + i, "content", "c" + i))
                    .expectOk().body().get("id").asText();
            JsonNode described = dx().post("/" + file + "/describe", token, "{}").expectOk().body();
            assertThat(described.get("project").asText()).isEqualTo(project);
            assertThat(described.get("name").asText()).isEqualTo("f" + i);
        }
    }
}
