package org.smallwins.journal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.smallwins.contract.CheckInRecorded;
import org.smallwins.contract.JournalEvent;
import org.smallwins.contract.Occurred;
import org.smallwins.contract.ToleranceWindow;
import org.smallwins.contract.WinLogged;

/**
 * The one place a journal decides: given what the journal knows ({@link JournalState}) and the time ({@link Clock}),
 * a command is recorded, recognised as a retry, refused as a conflicting reuse of its id, or refused for the rules it
 * breaks. Pure: it stores nothing and calls nothing but its arguments, so the event-sourced journal and the CRUD
 * baseline decide identically.
 */
public final class JournalDecider {

    private JournalDecider() {}

    public static Decision decide(JournalCommand command, JournalState state, Clock clock) {
        if (command instanceof LogWin win) {
            return logWin(win, state, clock);
        }
        if (command instanceof RecordCheckIn checkIn) {
            return recordCheckIn(checkIn, state, clock);
        }
        throw new IllegalArgumentException("no rules for " + command.getClass().getName());
    }

    static Decision logWin(LogWin command, JournalState state, Clock clock) {
        JournalPolicies policies = new JournalPolicies();
        String winId = policies.entryId("winId", command.winId());
        String text = policies.winText(command.text());
        List<String> tags = policies.tags(command.tags());
        ZoneId zone = policies.zone(command.zone(), state);
        LocalDate day = policies.winDay(command.day(), zone, clock);
        if (policies.refused()) {
            return new Decision.Refused(policies.refusals());
        }
        WinLogged event = new WinLogged(winId, text, command.focusArea(), tags);
        Instant now = clock.instant();
        // A win back-dated to an earlier day has no known time of day: it is placed at that day's start.
        Instant instant = day.equals(LocalDate.ofInstant(now, zone))
                ? now
                : day.atStartOfDay(zone).toInstant();
        return recordOnce(
                event,
                new Occurred(instant, day, zone.getId()),
                command.day().map(LocalDate::toString),
                command.zone(),
                state);
    }

    static Decision recordCheckIn(RecordCheckIn command, JournalState state, Clock clock) {
        JournalPolicies policies = new JournalPolicies();
        String checkInId = policies.entryId("checkInId", command.checkInId());
        int mood = policies.scale("mood", command.mood());
        int energy = policies.scale("energy", command.energy());
        ToleranceWindow window = command.window();
        Optional<String> note = policies.note(command.note());
        Instant at = policies.checkInInstant(command.at(), clock);
        ZoneId zone = policies.zone(command.zone(), state);
        if (policies.refused()) {
            return new Decision.Refused(policies.refusals());
        }
        CheckInRecorded event = new CheckInRecorded(checkInId, mood, energy, window, note.orElse(null));
        return recordOnce(event, Occurred.at(at, zone), command.at().map(Instant::toString), command.zone(), state);
    }

    /**
     * An id is recorded once: a new id records the event; a taken id is a retry if the content is exactly the same and
     * the request repeats the same day/instant and zone or leaves them to their defaults, otherwise a conflict.
     */
    static Decision recordOnce(
            JournalEvent event,
            Occurred occurred,
            Optional<String> requestedWhen,
            Optional<ZoneId> requestedZone,
            JournalState state) {
        Optional<EntryMark> existing = state.entry(event.entryId());
        if (existing.isEmpty()) {
            return new Decision.Record(List.of(new Decision.Event(event, occurred)));
        }
        if (existing.get().isRetry(ContentHash.of(event), requestedWhen, requestedZone)) {
            return new Decision.AlreadyRecorded(event.entryId());
        }
        return new Decision.Conflict(event.entryId());
    }
}
