package org.tre.api.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The event store read with plain JDBC, to count what happened: how often a side effect changed a
 * project, say, which no HTTP route tells. The H2 file is opened read-only, and only while no jar has
 * it open: H2 allows one process per file.
 */
public final class StoredEvents {

    private final String url;
    private final String user;
    private final String password;

    private StoredEvents(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The embedded default's store under {@code dataDir}, as the jar's URL names it, read-only. */
    public static StoredEvents h2(Path dataDir) {
        return new StoredEvents("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("tre")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;ACCESS_MODE_DATA=r;IFEXISTS=TRUE", "sa", "");
    }

    public static StoredEvents of(String url, String user, String password) {
        return new StoredEvents(url, user, password);
    }

    /** One stored event: whose, its payload's JSON and its metadata's (who asked, in which request). */
    public record Event(String aggregate, String payload, String metadata) {
    }

    /** Every event whose payload type ends with {@code simpleName} ({@code ProjectCreatedEvent}). */
    public List<Event> ofType(String simpleName) {
        List<Event> events = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, user, password);
             PreparedStatement query = connection.prepareStatement("SELECT aggregateidentifier, payload, metadata"
                     + " FROM domainevententry WHERE payloadtype LIKE ? ORDER BY globalindex")) {
            // '$' separates a nested record's name in the stored type; '.' a top-level class's.
            query.setString(1, "%" + simpleName);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(new Event(rows.getString(1), text(rows.getBytes(2)), text(rows.getBytes(3))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the event store at " + url, e);
        }
        return events;
    }

    /** How many events of the type each aggregate has. */
    public Map<String, Integer> countByAggregate(String simpleName) {
        Map<String, Integer> counts = new HashMap<>();
        ofType(simpleName).forEach(event -> counts.merge(event.aggregate(), 1, Integer::sum));
        return counts;
    }

    public int count(String aggregate, String simpleName) {
        return countByAggregate(simpleName).getOrDefault(aggregate, 0);
    }

    /** The single number a query of the dead jar's tables answers, read models included. */
    public long countOf(String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the store at " + url, e);
        }
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
