package org.smallwins.contract;

import java.util.Objects;

/**
 * A person chose the one area they focus on, and where they are with it (their stage of change). Changing either is a
 * new event; the history keeps every choice, and the latest one is current. It is about the journal as a whole, not an
 * entry: {@link #entryId()} is the fixed {@value #SUBJECT}. The envelope's {@link Occurred} is when and where the choice
 * was made (its local day tells which week it starts counting in); {@code recordedAt} is when it was stored.
 *
 * <p>Personal data ({@link #containsPersonalData()} is {@code true}): what a person works on, and where they are with
 * it, says something about their inner life, so it is sealed with their key like their entries.
 *
 * @param area  the focus area, from the same vocabulary as a win's
 * @param stage the person's stage of change for it
 */
public record FocusAreaChosen(FocusArea area, StageOfChange stage) implements JournalEvent {

    public static final String TYPE = "FocusAreaChosen";
    public static final int VERSION = 1;

    /**
     * What {@link #entryId()} answers: one subject per journal. The {@code ':'} is outside the alphabet of client-chosen
     * entry ids, so it never names an entry.
     */
    public static final String SUBJECT = "journal:focus";

    public FocusAreaChosen {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(stage, "stage");
    }

    /** {@value #SUBJECT}: the journal's focus, not an entry (see {@link JournalEvent#aboutAnEntry()}). */
    @Override
    public String entryId() {
        return SUBJECT;
    }

    @Override
    public boolean aboutAnEntry() {
        return false;
    }

    @Override
    public <R> R handleWith(Handler<R> handler) {
        return handler.focusAreaChosen(this);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int typeVersion() {
        return VERSION;
    }
}
