package org.smallwins.journal;

import java.util.List;
import java.util.Objects;
import org.smallwins.contract.JournalEvent;
import org.smallwins.contract.Occurred;

/**
 * What the journal decided about one command. Exactly one of these results; nothing else can happen. Logging decides
 * the first four; a correction or retraction may also find no entry, a retracted one, or another version.
 */
public sealed interface Decision
        permits Decision.Record,
                Decision.AlreadyRecorded,
                Decision.Conflict,
                Decision.Refused,
                Decision.NotFound,
                Decision.Retracted,
                Decision.VersionMismatch {

    /**
     * What a journal does with this decision: the events to record (none for a retry), or a conflict as
     * {@link EntryConflictException} and a refusal as {@link EntryRefusedException}.
     */
    List<Event> eventsOrThrow();

    /** Record these events, in this order. */
    record Record(List<Event> events) implements Decision {
        public Record {
            events = List.copyOf(events);
        }

        @Override
        public List<Event> eventsOrThrow() {
            return events;
        }
    }

    /**
     * One event to record: the contract's payload and when it happened in the person's life (from which the caller
     * builds the event's envelope: metadata for the event store, columns for a table).
     */
    record Event(JournalEvent payload, Occurred occurred) {
        public Event {
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(occurred, "occurred");
        }
    }

    /** The same entry with the same content was recorded before: a retry, nothing changes. */
    record AlreadyRecorded(String entryId) implements Decision {
        @Override
        public List<Event> eventsOrThrow() {
            return List.of();
        }
    }

    /** The id is taken by an entry with different content (corrections are their own events, never overwrites). */
    record Conflict(String entryId) implements Decision {
        @Override
        public List<Event> eventsOrThrow() {
            throw new EntryConflictException(entryId);
        }
    }

    /** One or more rules are broken; nothing is recorded. Names fields and rules, never values. */
    record Refused(List<Refusal> refusals) implements Decision {
        public Refused {
            refusals = List.copyOf(refusals);
            if (refusals.isEmpty()) {
                throw new IllegalArgumentException("a refusal names at least one rule");
            }
        }

        @Override
        public List<Event> eventsOrThrow() {
            throw new EntryRefusedException(refusals);
        }
    }

    /** There is no entry of this kind with this id in the journal (another person's ids are never looked at). */
    record NotFound(String entryId) implements Decision {
        @Override
        public List<Event> eventsOrThrow() {
            throw new EntryNotFoundException(entryId);
        }
    }

    /** The entry was retracted: it cannot be corrected, and its id cannot be logged again. */
    record Retracted(String entryId) implements Decision {
        @Override
        public List<Event> eventsOrThrow() {
            throw new EntryRetractedException(entryId);
        }
    }

    /** The change was made from a version that is no longer the entry's current one. */
    record VersionMismatch(String entryId, int currentVersion) implements Decision {
        @Override
        public List<Event> eventsOrThrow() {
            throw new EntryVersionMismatchException(entryId, currentVersion);
        }
    }
}
