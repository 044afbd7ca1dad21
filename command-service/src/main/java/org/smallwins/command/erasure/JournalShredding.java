package org.smallwins.command.erasure;

import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.smallwins.command.journal.JournalShredder;
import org.smallwins.command.keys.DataKeys;
import org.smallwins.command.keys.DestroyedKey;
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

    private final DataKeys keys;

    JournalShredding(EventStore eventStore, JdbcTemplate jdbc, DataKeys keys) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.keys = keys;
    }

    @Override
    public Shredded shred(String userId, long lastSequence) {
        Optional<String> lastEventId = Optional.empty();
        DomainEventStream last = eventStore.readEvents(userId, lastSequence - 1);
        if (last.hasNext()) {
            DomainEventMessage<?> event = last.next();
            lastEventId = Optional.of(event.getIdentifier());
        }
        Optional<String> keyId = keys.destroy(userId).map(DestroyedKey::keyId);
        jdbc.update("DELETE FROM SnapshotEventEntry WHERE aggregateIdentifier = ?", userId);
        return new Shredded(keyId, lastEventId);
    }
}
