package org.tre.api.tre;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tre.api.support.EmbeddedPostgresSupport;

/**
 * {@link TreApplicationLifeTest} on PostgreSQL (the {@code postgres} profile): the request read model's
 * queries, its visibility join with the TRE's principals among them, answer there as on H2. The
 * context is closed after the class.
 */
@ActiveProfiles("postgres")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostgresTreApplicationLifeTest extends TreApplicationLifeTest {

    @DynamicPropertySource
    static void onPostgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresSupport.useShared(registry);
    }
}
