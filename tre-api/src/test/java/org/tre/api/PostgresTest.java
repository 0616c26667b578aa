package org.tre.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tre.api.support.DirectoryScenario;
import org.tre.api.support.Dx;
import org.tre.api.support.EmbeddedPostgresSupport;
import org.tre.api.support.RunningService;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tre.api.support.DxAssertions.assertError;

/** The {@code postgres} profile against a real PostgreSQL: start, writes, restart, reads, schema. */
class PostgresTest {

    private static final String ADMIN = "postgresOperatorToken0123456789";
    private static EmbeddedPostgres postgres;
    private static int databases;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startPostgres() {
        postgres = EmbeddedPostgresSupport.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void aRestartOnPostgresLosesNothing() throws Exception {
        String url = freshDatabase();
        String samToken;
        List<JsonNode> before;
        try (RunningService service = onPostgres(url)) {
            samToken = DirectoryScenario.write(service.dx(), ADMIN);
            before = DirectoryScenario.read(service.dx(), ADMIN, samToken);
        }
        try (RunningService service = onPostgres(url)) {
            assertThat(DirectoryScenario.read(service.dx(), ADMIN, samToken)).isEqualTo(before);
        }
    }

    @Test
    void postgresAnswersExactlyAsH2() throws Exception {
        List<JsonNode> onH2;
        try (RunningService service = RunningService.start("tre.data-dir=" + dataDir, "TRE_ADMIN_TOKEN=" + ADMIN)) {
            onH2 = DirectoryScenario.read(service.dx(), ADMIN, DirectoryScenario.write(service.dx(), ADMIN));
        }
        try (RunningService service = onPostgres(freshDatabase())) {
            List<JsonNode> onPostgres = DirectoryScenario.read(service.dx(), ADMIN,
                    DirectoryScenario.write(service.dx(), ADMIN));
            assertThat(onPostgres).isEqualTo(onH2);
        }
        assertThat(onH2.get(1).get("id").asText()).isEqualTo("user-sam");
    }

    @Test
    void theSchemaHasNoLargeObjectColumns() throws Exception {
        String url = freshDatabase();
        try (RunningService ignored = onPostgres(url)) {
            List<String> columns = new ArrayList<>();
            List<String> oids = new ArrayList<>();
            try (Connection connection = java.sql.DriverManager.getConnection(url, "postgres", "postgres");
                 Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT table_name, column_name, data_type"
                         + " FROM information_schema.columns WHERE table_schema = 'public'")) {
                while (rs.next()) {
                    columns.add(rs.getString(1) + "." + rs.getString(2));
                    if ("oid".equals(rs.getString(3))) {
                        oids.add(rs.getString(1) + "." + rs.getString(2));
                    }
                }
            }
            assertThat(columns).contains("domainevententry.payload", "tokenentry.token", "auth_token.token_hash");
            assertThat(oids).isEmpty();
        }
    }

    @Test
    void aDatabaseOutageIsServiceUnavailableAndARetryWorksOnceItIsBack() throws Exception {
        String url = freshDatabase();
        String name = "tre" + databases;
        try (RunningService service = RunningService.start("spring.profiles.active=postgres",
                "spring.datasource.url=" + url, "spring.datasource.username=postgres",
                "spring.datasource.password=postgres", "spring.datasource.hikari.connection-timeout=1000",
                "tre.data-dir=" + dataDir, "TRE_ADMIN_TOKEN=" + ADMIN)) {
            assertThat(service.dx().post("/system/whoami", ADMIN, "{}").status()).isEqualTo(200);
            admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
            admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");

            Dx.Response down = service.dx().post("/system/whoami", ADMIN, "{}");
            assertError(down, 503, "ServiceUnavailable");
            assertThat(down.header("Retry-After")).isNotBlank();

            admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
            // As dxpy does: retry a 503 a few times, then give up.
            Dx.Response back = down;
            for (int attempt = 0; attempt < 10 && back.status() == 503; attempt++) {
                Thread.sleep(300);
                back = service.dx().post("/system/whoami", ADMIN, "{}");
            }
            assertThat(back.status()).as(back.raw().body()).isEqualTo(200);
        }
    }

    private RunningService onPostgres(String url) {
        return RunningService.start("spring.profiles.active=postgres", "spring.datasource.url=" + url,
                "spring.datasource.username=postgres", "spring.datasource.password=postgres",
                "tre.data-dir=" + dataDir, "TRE_ADMIN_TOKEN=" + ADMIN);
    }

    private static String freshDatabase() throws Exception {
        String name = "tre" + (++databases);
        admin("CREATE DATABASE " + name);
        return postgres.getJdbcUrl("postgres", name);
    }

    private static void admin(String sql) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
