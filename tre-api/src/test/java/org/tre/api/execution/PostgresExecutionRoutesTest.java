package org.tre.api.execution;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tre.api.support.EmbeddedPostgresSupport;

/**
 * {@link ExecutionRoutesTest} on PostgreSQL (the {@code postgres} profile, where aggregates are not
 * cached): the job searches and the nonce's replay answer there as on H2.
 */
@ActiveProfiles("postgres")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostgresExecutionRoutesTest extends ExecutionRoutesTest {

    @DynamicPropertySource
    static void onPostgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresSupport.useShared(registry);
    }
}
