package org.tre.api.support;

import org.springframework.test.context.TestPropertySource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@link ServiceTest} with the TRE read model on its own streaming processor, as under Axon
 * Server, in a database of its own: the same HTTP assertions then prove that a request waits for the
 * read model before it answers.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
@TestPropertySource(properties = {"tre.read-models=streaming", "tre.node-id=streaming-read-model",
        "spring.datasource.url=jdbc:h2:mem:streaming-read-model" + StreamingTreReadModel.H2_OPTIONS})
public @interface StreamingTreReadModel {

    /** The embedded default's H2 options (application.yml), for a database in memory that outlives its connections. */
    String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
}
