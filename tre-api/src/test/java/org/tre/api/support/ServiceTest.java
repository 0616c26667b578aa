package org.tre.api.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tre.api.TreApplication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The service on a real port with its embedded database, shared by every test class that extends
 * this one (Spring caches the context), so names made here carry a per-run suffix.
 */
@SpringBootTest(classes = TreApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // Tests fire requests far faster than people do; the limit itself is tested in RateLimitTest.
        properties = {"TRE_ADMIN_TOKEN=" + ServiceTest.ADMIN_TOKEN, "tre.rate-limit.per-second=100000",
                "tre.rate-limit.burst=100000", "logging.level.org.tre.api.access=WARN"})
public abstract class ServiceTest {

    public static final String ADMIN_TOKEN = "operatorTokenForTheTestSuite0123456789";
    private static final Path DATA_DIR;
    private static final AtomicInteger NAMES = new AtomicInteger();

    static {
        TreApplication.disableUpdateChecks();
        try {
            DATA_DIR = Files.createTempDirectory("tre-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("tre.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected Dx dx() {
        return new Dx(port);
    }

    /** A name no other test of this run has used: tests share one database. */
    protected static String unique(String prefix) {
        return prefix + NAMES.incrementAndGet() + "x" + Long.toString(System.nanoTime() % 100000, 36);
    }

    /** Creates a person through the API and returns their id. */
    protected String newUser(String username) {
        return dx().post("/user/new", ADMIN_TOKEN, Dx.obj("username", username, "email", username + "@example.org",
                "first", "First", "last", "Last")).expectOk().body().get("id").asText();
    }

    /** A full-scope token for the user, made by the operator as DECISIONS.md §11 describes. */
    protected String tokenFor(String userId) {
        return dx().post("/system/newAuthToken", ADMIN_TOKEN, Dx.obj("user", userId)).expectOk()
                .body().get("access_token").asText();
    }
}
