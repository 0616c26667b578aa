package org.tre.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tre.api.support.Dx;
import org.tre.api.support.EmbeddedPostgresSupport;
import org.tre.api.support.JarProcess;
import org.tre.api.support.JarProcessExtension;
import org.tre.api.support.Scenario;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write the service answered with 200 is in the store, whatever happens to the process next: the
 * jar is SIGKILLed the moment its last answer arrives, started again on the same data, and every
 * answered write is looked for over HTTP. The store is the audit log, so a lost write is a lost
 * record of a decision, not only a lost change.
 */
@ExtendWith(JarProcessExtension.class)
class CrashIT {

    private static final String OPERATOR = "crashOperatorToken0123456789";
    private static final int ROUNDS = 3;
    /** Five writes each, of five kinds: fifty writes a round. */
    private static final int CYCLES_PER_ROUND = 10;

    @TempDir
    Path dataDir;

    @Test
    void everyAnsweredWriteSurvivesSigkillOnH2() {
        writeKillAndFindEverything(JarProcess.named("writes-h2")
                .env("TRE_DATA_DIR", dataDir)
                .env("TRE_ADMIN_TOKEN", OPERATOR)
                .property("tre.rate-limit.per-second=100000")
                .property("tre.rate-limit.burst=100000"));
    }

    @Test
    void everyAnsweredWriteSurvivesSigkillOnPostgres() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgresSupport.startOnOwnPort()) {
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE crash");
            }
            // PostgreSQL keeps running: only the service dies.
            writeKillAndFindEverything(JarProcess.named("writes-postgres")
                    .env("SPRING_PROFILES_ACTIVE", "postgres")
                    .env("SPRING_DATASOURCE_URL", postgres.getJdbcUrl("postgres", "crash"))
                    .env("SPRING_DATASOURCE_USERNAME", "postgres")
                    .env("SPRING_DATASOURCE_PASSWORD", "postgres")
                    .env("TRE_DATA_DIR", dataDir)
                    .env("TRE_ADMIN_TOKEN", OPERATOR)
                    .property("tre.rate-limit.per-second=100000")
                    .property("tre.rate-limit.burst=100000"));
        }
    }

    private void writeKillAndFindEverything(JarProcess.Config config) {
        JarProcess jar = config.start();
        Scenario scenario = new Scenario(jar.dx(), OPERATOR);
        String admin = scenario.userWithToken("alice");
        String org = scenario.treOrg(admin, "user-alice", "crashorg");
        String tre = scenario.activeTre(admin, org, "crashtre", "user-alice", List.of()).id();
        Ledger ledger = new Ledger(admin, org, tre);
        for (int round = 0; round < ROUNDS; round++) {
            ledger.writeRound(jar.dx(), round);
            jar.kill();
            jar = jar.restart();
            assertThat(ledger.lost(jar.dx()))
                    .as("writes answered 200 before SIGKILL number %d but missing after the restart", round + 1)
                    .isEmpty();
        }
        assertThat(ledger.answered).hasSize(ROUNDS * CYCLES_PER_ROUND * 5);
        jar.close();
    }

    private enum Kind { USER, INVITE, AUTHORIZE, PROJECT, UPDATE }

    /** One answered write: its kind and what it leaves behind (a username, a user or project id, a summary). */
    private record Write(Kind kind, String value) {
    }

    /** Every write the service answered with 200, and where each one shows after a restart. */
    private static final class Ledger {
        private final String admin;
        private final String org;
        private final String tre;
        private final List<Write> answered = new ArrayList<>();

        Ledger(String admin, String org, String tre) {
            this.admin = admin;
            this.org = org;
            this.tre = tre;
        }

        /** Five kinds, on different aggregates and tables, interleaved; the last is answered just before the kill. */
        void writeRound(Dx dx, int round) {
            for (int cycle = 0; cycle < CYCLES_PER_ROUND; cycle++) {
                String name = "writer" + (round * CYCLES_PER_ROUND + cycle);
                String user = "user-" + name;
                dx.post("/user/new", OPERATOR, Dx.obj("username", name, "email", name + "@example.org")).expectOk();
                answered.add(new Write(Kind.USER, user));
                dx.post("/" + org + "/invite", admin, Dx.obj("invitee", user, "level", "MEMBER")).expectOk();
                answered.add(new Write(Kind.INVITE, user));
                dx.post("/" + tre + "/addAuthorizedUsers", admin, Dx.obj("users", List.of(user))).expectOk();
                answered.add(new Write(Kind.AUTHORIZE, user));
                answered.add(new Write(Kind.PROJECT,
                        Scenario.id(dx.post("/project/new", admin, Dx.obj("name", "p-" + name, "billTo", org)))));
                dx.post("/" + tre + "/update", admin, Dx.obj("summary", "summary of " + name)).expectOk();
                answered.add(new Write(Kind.UPDATE, "summary of " + name));
            }
        }

        /** The answered writes that the service, as it now runs, does not show. */
        List<Write> lost(Dx dx) {
            Set<Write> found = new HashSet<>();
            for (Write write : answered) {
                switch (write.kind()) {
                    case USER -> {
                        if (dx.post("/" + write.value() + "/describe", OPERATOR, "{}").status() == 200) {
                            found.add(write);
                        }
                    }
                    case PROJECT -> {
                        if (dx.post("/" + write.value() + "/describe", admin, "{}").status() == 200) {
                            found.add(write);
                        }
                    }
                    default -> {
                        // Read once below for all writes of the kind.
                    }
                }
            }
            List<String> invited = answered.stream().filter(w -> w.kind() == Kind.INVITE).map(Write::value).toList();
            for (JsonNode member : dx.post("/" + org + "/findMembers", admin, Dx.obj("id", invited)).expectOk()
                    .body().get("results")) {
                found.add(new Write(Kind.INVITE, member.get("id").asText()));
            }
            for (JsonNode user : dx.post("/" + tre + "/describe", admin,
                    Dx.obj("fields", Dx.obj("authorizedUsers", true))).expectOk().body().get("authorizedUsers")) {
                found.add(new Write(Kind.AUTHORIZE, user.asText()));
            }
            // Each update replaced the summary of the one before: the TRE's history holds them all.
            for (JsonNode event : dx.post("/" + tre + "/history", admin,
                    Dx.obj("types", List.of("TreUpdatedEvent"))).expectOk().body().get("results")) {
                found.add(new Write(Kind.UPDATE, event.path("data").path("summary").asText()));
            }
            return answered.stream().filter(write -> !found.contains(write)).toList();
        }
    }
}
