package org.tre.query.tre;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.tre.messages.tre.TreEvents.TreCreatedEvent;

/**
 * The set-based fact a new TRE is checked against: its handle is not taken. Kept apart from the TRE
 * read model and always in the creating command's transaction (a subscribing processor), so the
 * handle's primary key turns the loser of two concurrent creations away, wherever the read model runs.
 */
@Component
@ProcessingGroup(TreHandles.PROCESSING_GROUP)
public class TreHandles {

    public static final String PROCESSING_GROUP = "tre-handles";

    private final JdbcTemplate jdbc;

    public TreHandles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TreCreatedEvent event) {
        jdbc.update("INSERT INTO tre_handle (handle, tre_id) VALUES (?, ?)", event.handle(), event.treId());
    }

    public boolean taken(String handle) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM tre_handle WHERE handle = ?", Integer.class, handle);
        return n != null && n > 0;
    }
}
