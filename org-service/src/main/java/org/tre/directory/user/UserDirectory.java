package org.tre.directory.user;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.tre.messages.user.UserEvents.UserCreatedEvent;
import org.tre.messages.user.UserKind;
import org.tre.messages.user.UserQueries.FindUserQuery;
import org.tre.messages.user.UserQueries.UserView;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The user table of the directory. It runs in the command's own transaction (a subscribing
 * processor), so a user created by one request is there for the next, and the unique keys on
 * handles and emails turn a lost race into a rolled-back command instead of a duplicate.
 */
@Component
@ProcessingGroup(UserDirectory.PROCESSING_GROUP)
public class UserDirectory implements DirectoryNames {

    public static final String PROCESSING_GROUP = "directory-users";

    private static final RowMapper<UserView> USER = (rs, n) -> new UserView(
            rs.getString("id"), rs.getString("handle"), rs.getString("email"), rs.getString("first_name"),
            rs.getString("middle_name"), rs.getString("last_name"), UserKind.valueOf(rs.getString("kind")),
            rs.getLong("created"));

    private final JdbcTemplate jdbc;

    public UserDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UserCreatedEvent event, @Timestamp Instant at) {
        String email = event.email() == null ? null : event.email().toLowerCase(Locale.ROOT);
        jdbc.update("INSERT INTO directory_handle (handle, owner_id) VALUES (?, ?)",
                event.username().toLowerCase(Locale.ROOT), event.userId());
        jdbc.update("INSERT INTO directory_user (id, handle, email, first_name, middle_name, last_name, kind, created)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                event.userId(), event.username(), email, event.first(), event.middle(), event.last(),
                event.kind().name(), at.toEpochMilli());
    }

    @QueryHandler
    public Optional<UserView> handle(FindUserQuery query) {
        return find(query.userId());
    }

    public Optional<UserView> find(String userId) {
        return jdbc.query("SELECT * FROM directory_user WHERE id = ?", USER, userId).stream().findFirst();
    }

    public Optional<UserView> findByEmail(String email) {
        return jdbc.query("SELECT * FROM directory_user WHERE email = ?", USER, email.toLowerCase(Locale.ROOT))
                .stream().findFirst();
    }

    /** Handles are unique case-insensitively across users and orgs, destroyed orgs included. */
    @Override
    public boolean handleTaken(String handle) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM directory_handle WHERE handle = ?", Integer.class,
                handle.toLowerCase(Locale.ROOT));
        return n != null && n > 0;
    }

    @Override
    public boolean emailTaken(String email) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM directory_user WHERE email = ?", Integer.class,
                email.toLowerCase(Locale.ROOT));
        return n != null && n > 0;
    }
}
