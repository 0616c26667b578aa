package org.tre.query.tre;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * An embedded H2 of its own, in the application's H2 mode, with the application's migrations run on
 * it: the tables the read model writes in production, and gone when closed.
 */
public final class MigratedDatabase implements AutoCloseable {

    private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private final SingleConnectionDataSource dataSource;

    public MigratedDatabase() {
        dataSource = new SingleConnectionDataSource("jdbc:h2:mem:" + UUID.randomUUID() + H2_OPTIONS, "sa", "", true);
        Flyway.configure().dataSource(dataSource).locations("filesystem:" + migrations()).load().migrate();
    }

    public JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    @Override
    public void close() {
        dataSource.destroy();
    }

    /** Set by the build (pom.xml); the fallback serves a run from the module's folder. */
    private static Path migrations() {
        Path path = Path.of(System.getProperty("tre.migrations", "../tre-api/src/main/resources/db/migration"));
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("No migrations at " + path.toAbsolutePath());
        }
        return path;
    }
}
