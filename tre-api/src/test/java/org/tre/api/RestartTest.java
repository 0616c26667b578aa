package org.tre.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tre.api.support.Dx;
import org.tre.api.support.RunningService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default keeps everything across a stop and a start, operator token included. */
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void stoppingAndStartingAgainLosesNothing() throws Exception {
        String adminToken;
        String userToken;
        JsonNode described;
        try (RunningService first = RunningService.start("tre.data-dir=" + dataDir, "TRE_ADMIN_TOKEN=")) {
            Path tokenFile = dataDir.resolve("admin-token");
            assertThat(tokenFile).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
            adminToken = Files.readString(tokenFile).trim();
            Dx dx = first.dx();
            String id = dx.post("/user/new", adminToken, Dx.obj("username", "rita", "email", "rita@example.org",
                    "first", "Rita")).expectOk().body().get("id").asText();
            userToken = dx.post("/system/newAuthToken", adminToken, Dx.obj("user", id)).expectOk()
                    .body().get("access_token").asText();
            described = dx.post("/user-rita/describe", userToken, "{}").expectOk().body();
        }
        try (RunningService second = RunningService.start("tre.data-dir=" + dataDir, "TRE_ADMIN_TOKEN=")) {
            Dx dx = second.dx();
            assertThat(Files.readString(dataDir.resolve("admin-token")).trim()).isEqualTo(adminToken);
            assertThat(dx.post("/system/whoami", adminToken, "{}").expectOk().body().get("id").asText())
                    .isEqualTo("user-admin");
            assertThat(dx.post("/user-rita/describe", userToken, "{}").expectOk().body()).isEqualTo(described);
            assertThat(dx.post("/user/new", adminToken, Dx.obj("username", "rita", "email", "r2@example.org"))
                    .errorType()).isEqualTo("InvalidState");
        }
    }

    @Test
    void aConfiguredOperatorTokenReplacesThePreviousOne() {
        try (RunningService first = RunningService.start("tre.data-dir=" + dataDir, "TRE_ADMIN_TOKEN=firstOperatorToken0123456789")) {
            assertThat(first.dx().post("/system/whoami", "firstOperatorToken0123456789", "{}").status()).isEqualTo(200);
        }
        try (RunningService second = RunningService.start("tre.data-dir=" + dataDir, "TRE_ADMIN_TOKEN=secondOperatorToken0123456789")) {
            assertThat(second.dx().post("/system/whoami", "secondOperatorToken0123456789", "{}").status()).isEqualTo(200);
            assertThat(second.dx().post("/system/whoami", "firstOperatorToken0123456789", "{}").errorType())
                    .isEqualTo("InvalidAuthentication");
        }
    }
}
