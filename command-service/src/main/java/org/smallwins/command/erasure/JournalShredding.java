package org.smallwins.command.erasure;

import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.smallwins.command.journal.JournalShredder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Shreds a journal inside the erasure's transaction (the command's unit of work, on the same PostgreSQL connection as
 * the event store): notes the id of its last event, destroys its data key, and deletes its snapshots.
 */
@Component
class JournalShredding implements JournalShredder {

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;

    JournalShredding(EventStore eventStore, JdbcTemplate jdbc) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
    }

    @Override
    public Shredded shred(String userId, long lastSequence) {
        Optional<String> lastEventId = Optional.empty();
        DomainEventStream last = eventStore.readEvents(userId, lastSequence - 1);
        if (last.hasNext()) {
            DomainEventMessage<?> event = last.next();
            lastEventId = Optional.of(event.getIdentifier());
        }
        Optional<String> keyId = destroyKey(userId);
        jdbc.update("DELETE FROM SnapshotEventEntry WHERE aggregateIdentifier = ?", userId);
        return new Shredded(keyId, lastEventId);
    }

    /** PENDING the data keys of branch seal-write (DataKeys.destroy): until merged, the store holds no keys. */
    private Optional<String> destroyKey(String userId) {
        return Optional.empty();
    }
}
