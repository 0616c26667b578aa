package org.tre.api.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A real PostgreSQL from Maven Central for tests. Our machines run everything as root, which
 * PostgreSQL refuses; zonky then runs its binaries under {@code unshare -U}, where they are nobody.
 */
public final class EmbeddedPostgresSupport {

    private EmbeddedPostgresSupport() {
    }

    public static EmbeddedPostgres start() {
        try {
            return builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The builder {@link #start()} uses, for a caller that sets more (port, server settings) first. */
    public static EmbeddedPostgres.Builder builder() {
        try {
            return EmbeddedPostgres.builder().setDataDirectory(dataDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** On a port of the tests' own range ({@link Ports}), for a server that a jar in another process uses. */
    public static EmbeddedPostgres startOnOwnPort() {
        try {
            return EmbeddedPostgres.builder().setDataDirectory(dataDirectory()).setPort(Ports.free()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Inside zonky's working directory rather than its default {@code /tmp/epgNNN}: only there does a
     * later start find, stop and delete a server that a killed test JVM left running.
     */
    private static Path dataDirectory() throws IOException {
        Path workingDir = Path.of(System.getProperty("ot.epg.working-dir",
                Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString()));
        Files.createDirectories(workingDir);
        return workingDir.resolve(UUID.randomUUID().toString());
    }

    public static String jdbcUrl(EmbeddedPostgres postgres) {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    private static EmbeddedPostgres shared;

    /**
     * Points a Spring test context at one PostgreSQL server for the whole JVM, started by the first
     * class that asks and closed when the JVM ends, after the contexts.
     */
    public static synchronized void useShared(DynamicPropertyRegistry registry) {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    shared.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
        EmbeddedPostgres server = shared;
        registry.add("spring.datasource.url", () -> jdbcUrl(server));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }
}
