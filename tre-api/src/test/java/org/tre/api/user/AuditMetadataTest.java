package org.tre.api.user;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tre.api.support.Dx;
import org.tre.api.support.ServiceTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event carries who asked and which request caused it, beside Axon's own correlation. */
class AuditMetadataTest extends ServiceTest {

    @Test
    void anEventNamesTheUserAndTheRequestThatCausedIt() throws Exception {
        String username = unique("audit");
        Dx.Response created = dx().post("/user/new", ADMIN_TOKEN, Dx.obj("username", username,
                "email", username + "@example.org")).expectOk();
        String userId = created.body().get("id").asText();
        Dx.Response tokenMade = dx().post("/system/newAuthToken", ADMIN_TOKEN, Dx.obj("user", userId)).expectOk();

        List<byte[]> metadata = jdbc.queryForList("SELECT metadata FROM domainevententry WHERE aggregateidentifier = ?"
                + " ORDER BY sequencenumber", byte[].class, userId);
        assertThat(metadata).hasSize(2);
        JsonNode creation = Dx.JSON.readTree(metadata.get(0));
        assertThat(creation.get("userId").asText()).isEqualTo("user-admin");
        assertThat(creation.get("requestId").asText()).isEqualTo(created.header("X-Request-ID"));
        assertThat(creation.get("correlationId").asText()).isNotBlank();
        assertThat(creation.get("traceId").asText()).isNotBlank();
        JsonNode issue = Dx.JSON.readTree(metadata.get(1));
        assertThat(issue.get("requestId").asText()).isEqualTo(tokenMade.header("X-Request-ID"));
    }
}
