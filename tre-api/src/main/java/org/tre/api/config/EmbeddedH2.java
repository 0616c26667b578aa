package org.tre.api.config;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** What lies behind a JDBC connection to an embedded H2 database: H2's internal classes, in one place. */
final class EmbeddedH2 {

    private EmbeddedH2() {
    }

    /** The connection's session, if it is to an H2 database in this JVM (not a server, not another database). */
    static Optional<SessionLocal> sessionOf(Connection connection) throws SQLException {
        return connection.isWrapperFor(JdbcConnection.class)
                && connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session
                ? Optional.of(session) : Optional.empty();
    }

    static MVStore storeOf(SessionLocal session) {
        return session.getDatabase().getStore().getMvStore();
    }

    /** The store behind a connection known to be to an embedded H2 database. */
    static MVStore storeOf(Connection connection) throws SQLException {
        return storeOf(sessionOf(connection).orElseThrow(() -> new SQLException("Not an embedded H2 connection")));
    }
}
