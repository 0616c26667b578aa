package org.tre.api.tre;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tre.api.support.EmbeddedPostgresSupport;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@link TreApplicationLifeTest} on PostgreSQL (the {@code postgres} profile): the request read model's
 * queries, its visibility join with the TRE's principals among them, answer there as on H2. The
 * context is closed after the class, and the server when the JVM ends, after the context.
 */
@ActiveProfiles("postgres")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostgresTreApplicationLifeTest extends TreApplicationLifeTest {

    private static EmbeddedPostgres postgres;

    @DynamicPropertySource
    static void onPostgres(DynamicPropertyRegistry registry) {
        if (postgres == null) {
            postgres = EmbeddedPostgresSupport.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
        registry.add("spring.datasource.url", () -> EmbeddedPostgresSupport.jdbcUrl(postgres));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }
}
