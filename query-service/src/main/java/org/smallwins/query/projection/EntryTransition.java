package org.smallwins.query.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bson.Document;

/**
 * What one event did to its journal entry: the entry as it stood before the event and after it (null when it did not
 * exist, or was retracted). Read from the entry's timeline document, whose {@code versions} keep every version with its
 * sequence, so it is the same whether that document has seen later events already (a redelivery) or not: the weekly
 * trends subtract what {@code before} counted and add what {@code after} counts, exactly once per week document.
 *
 * @param before   the state the entry had just before the event, or null
 * @param after    the state the event left, or null (retracted)
 * @param loggedAs the sequence of the event that logged the entry (its {@code sequence} on the timeline), 0 if unknown
 */
record EntryTransition(Document before, Document after, long loggedAs) {

    static final EntryTransition NONE = new EntryTransition(null, null);

    EntryTransition(Document before, Document after) {
        this(before, after, 0);
    }

    /** The transition of the event with this sequence, from the entry's timeline document (null: none). */
    static EntryTransition of(Document entry, long sequence) {
        if (entry == null) {
            return NONE;
        }
        Document before = null;
        Document after = null;
        for (Document version : entry.getList(TimelineReadModel.VERSIONS, Document.class, List.of())) {
            long at = version.get("sequence", Number.class).longValue();
            if (at < sequence) {
                before = version.get("state", Document.class);
            } else if (at == sequence) {
                after = version.get("state", Document.class);
            }
        }
        Number loggedAs = entry.get("sequence", Number.class);
        return new EntryTransition(before, after, loggedAs == null ? 0 : loggedAs.longValue());
    }

    /**
     * The names (never the values) of the fields the event changed: for a win text, focusArea, tags, day and zone; for
     * a check-in mood, energy, window, note, at and zone. Empty for a first version or a retraction.
     */
    List<String> changedFields() {
        List<String> changed = new ArrayList<>();
        if (before == null || after == null) {
            return changed;
        }
        Document was = values(before);
        Document is = values(after);
        for (String field : is.keySet()) {
            if (!Objects.equals(was.get(field), is.get(field))) {
                changed.add(field);
            }
        }
        for (String field : was.keySet()) {
            if (!is.containsKey(field)) {
                changed.add(field); // a note taken away
            }
        }
        if ("CHECK_IN".equals(after.getString("kind"))
                && !Objects.equals(before.get("occurredAt"), after.get("occurredAt"))) {
            changed.add("at");
        }
        if (!Objects.equals(before.getString("day"), after.getString("day"))) {
            changed.add("day");
        }
        if (!Objects.equals(before.getString("zone"), after.getString("zone"))) {
            changed.add("zone");
        }
        return changed;
    }

    private static Document values(Document state) {
        Document values = state.get("WIN".equals(state.getString("kind")) ? "win" : "checkIn", Document.class);
        return values != null ? values : new Document();
    }
}
