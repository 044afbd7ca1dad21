package org.smallwins.journal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.smallwins.contract.AnalyticsConsentGiven;
import org.smallwins.contract.AnalyticsConsentWithdrawn;
import org.smallwins.contract.CheckInCorrected;
import org.smallwins.contract.CheckInRecorded;
import org.smallwins.contract.EntryKind;
import org.smallwins.contract.EntryRetracted;
import org.smallwins.contract.FocusAreaChosen;
import org.smallwins.contract.JournalEvent;
import org.smallwins.contract.Occurred;
import org.smallwins.contract.ToleranceWindow;
import org.smallwins.contract.WeeklyReflectionWritten;
import org.smallwins.contract.WinCorrected;
import org.smallwins.contract.WinLogged;
import org.threeten.extra.YearWeek;

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
        if (command instanceof CorrectWin correction) {
            return correctWin(correction, state, clock);
        }
        if (command instanceof CorrectCheckIn correction) {
            return correctCheckIn(correction, state, clock);
        }
        if (command instanceof RetractEntry retraction) {
            return retract(retraction, state);
        }
        if (command instanceof ChooseFocusArea choice) {
            return chooseFocusArea(choice, state, clock);
        }
        if (command instanceof WriteWeeklyReflection reflection) {
            return writeWeeklyReflection(reflection, state, clock);
        }
        if (command instanceof SetAnalyticsConsent consent) {
            return setAnalyticsConsent(consent, state, clock);
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
        if (existing.get().retracted()) {
            return new Decision.Retracted(event.entryId());
        }
        if (existing.get().isRetry(ContentHash.of(event), requestedWhen, requestedZone)) {
            return new Decision.AlreadyRecorded(event.entryId());
        }
        return new Decision.Conflict(event.entryId());
    }

    /**
     * Corrects a win with its full new content, checked by the same rules as logging it. An empty day or zone keeps the
     * win's own. See {@link #change} for the order of the other answers.
     */
    static Decision correctWin(CorrectWin command, JournalState state, Clock clock) {
        JournalPolicies policies = new JournalPolicies();
        String winId = policies.entryId("winId", command.winId());
        String text = policies.winText(command.text());
        List<String> tags = policies.tags(command.tags());
        Optional<ZoneId> requestedZone = command.zone().map(policies::knownZone);
        Optional<EntryMark> found =
                winId == null ? Optional.empty() : state.entry(winId).filter(mark -> mark.kind() == EntryKind.WIN);
        // The day and zone kept from the win when not sent; the day is checked as when logging, with every other rule.
        ZoneId zone = requestedZone
                .or(() -> found.map(mark -> ZoneId.of(mark.zone())))
                .orElse(null);
        Optional<LocalDate> requestedDay = command.day().or(() -> found.map(mark -> LocalDate.parse(mark.when())));
        LocalDate day = requestedDay.isPresent() ? policies.winDay(requestedDay, zone, clock) : null;
        if (policies.refused()) {
            return new Decision.Refused(policies.refusals());
        }
        if (found.isEmpty()) {
            return new Decision.NotFound(winId);
        }
        EntryMark mark = found.get();
        Instant now = clock.instant();
        Instant instant = day.equals(LocalDate.ofInstant(now, zone))
                ? now
                : day.atStartOfDay(zone).toInstant();
        return change(
                mark,
                command.expectedVersion(),
                new WinCorrected(winId, mark.version() + 1, text, command.focusArea(), tags),
                new Occurred(instant, day, zone.getId()),
                day.toString());
    }

    /**
     * Corrects a check-in with its full new values, checked by the same rules as recording it. An empty instant or zone
     * keeps the check-in's own. See {@link #change} for the order of the other answers.
     */
    static Decision correctCheckIn(CorrectCheckIn command, JournalState state, Clock clock) {
        JournalPolicies policies = new JournalPolicies();
        String checkInId = policies.entryId("checkInId", command.checkInId());
        int mood = policies.scale("mood", command.mood());
        int energy = policies.scale("energy", command.energy());
        Optional<String> note = policies.note(command.note());
        Optional<Instant> requestedAt = command.at().map(at -> policies.checkInInstant(Optional.of(at), clock));
        Optional<ZoneId> requestedZone = command.zone().map(policies::knownZone);
        if (policies.refused()) {
            return new Decision.Refused(policies.refusals());
        }
        Optional<EntryMark> found = state.entry(checkInId).filter(mark -> mark.kind() == EntryKind.CHECK_IN);
        if (found.isEmpty()) {
            return new Decision.NotFound(checkInId);
        }
        EntryMark mark = found.get();
        Instant at = requestedAt.orElseGet(() -> Instant.parse(mark.when()));
        ZoneId zone = requestedZone.orElseGet(() -> ZoneId.of(mark.zone()));
        return change(
                mark,
                command.expectedVersion(),
                new CheckInCorrected(checkInId, mark.version() + 1, mood, energy, command.window(), note.orElse(null)),
                Occurred.at(at, zone),
                at.toString());
    }

    /**
     * Retracts an entry of either kind. Retracting it again the same way (same reason) changes nothing, whatever
     * version the retry names; with another reason it is a conflict.
     */
    static Decision retract(RetractEntry command, JournalState state) {
        JournalPolicies policies = new JournalPolicies();
        String entryId = policies.entryId("entryId", command.entryId());
        if (policies.refused()) {
            return new Decision.Refused(policies.refusals());
        }
        Optional<EntryMark> found = state.entry(entryId);
        if (found.isEmpty()) {
            return new Decision.NotFound(entryId);
        }
        EntryMark mark = found.get();
        EntryRetracted retraction = new EntryRetracted(
                entryId, mark.version() + 1, mark.kind(), command.reason().orElse(null));
        if (mark.retracted()) {
            return mark.contentHash().equals(ContentHash.of(retraction))
                    ? new Decision.AlreadyRecorded(entryId)
                    : new Decision.Retracted(entryId);
        }
        if (command.expectedVersion() != mark.version()) {
            return new Decision.VersionMismatch(entryId, mark.version());
        }
        ZoneId zone = ZoneId.of(mark.zone());
        Occurred placement = mark.kind() == EntryKind.WIN
                ? new Occurred(
                        LocalDate.parse(mark.when()).atStartOfDay(zone).toInstant(),
                        LocalDate.parse(mark.when()),
                        mark.zone())
                : Occurred.at(Instant.parse(mark.when()), zone);
        return new Decision.Record(List.of(new Decision.Event(retraction, placement)));
    }

    /**
     * The order of a correction's answers, once its fields keep the rules and the entry exists: a retracted entry is a
     * conflict; content and placement identical to the current ones change nothing (so a retried correction, whose
     * version the first attempt already advanced, is answered as done, not as stale); any other version than the
     * current one is stale; otherwise the correction is recorded as the next version.
     */
    static Decision change(
            EntryMark mark, int expectedVersion, JournalEvent correction, Occurred occurred, String when) {
        if (mark.retracted()) {
            return new Decision.Retracted(correction.entryId());
        }
        if (mark.contentHash().equals(ContentHash.of(correction))
                && mark.when().equals(when)
                && mark.zone().equals(occurred.zone())) {
            return new Decision.AlreadyRecorded(correction.entryId());
        }
        if (expectedVersion != mark.version()) {
            return new Decision.VersionMismatch(correction.entryId(), mark.version());
        }
        return new Decision.Record(List.of(new Decision.Event(correction, occurred)));
    }

    /** Chooses the focus area and stage, made now in the person's zone. See {@link #replaceCurrent}. */
    static Decision chooseFocusArea(ChooseFocusArea command, JournalState state, Clock clock) {
        JournalPolicies policies = new JournalPolicies();
        ZoneId zone = policies.zone(command.zone(), state);
        if (policies.refused()) {
            return new Decision.Refused(policies.refusals());
        }
        return replaceCurrent(
                new FocusAreaChosen(command.area(), command.stage()), Occurred.at(clock.instant(), zone), state);
    }

    /**
     * Writes a week's reflection, made now in the person's zone: the week exists and is not later than the person's
     * current week; the answer keeps the text rules; the wins are at most five, each once, each a win of the person in
     * that week (by its current day) and not taken back. See {@link #replaceCurrent}.
     */
    static Decision writeWeeklyReflection(WriteWeeklyReflection command, JournalState state, Clock clock) {
        JournalPolicies policies = new JournalPolicies();
        YearWeek week = policies.isoWeek(command.isoWeek());
        Optional<String> answer = policies.reflectionAnswer(command.answer());
        List<String> winIds = policies.chosenWins(command.winIds());
        ZoneId zone = policies.zone(command.zone(), state);
        policies.reflectionWeek(week, zone, clock);
        policies.winsOfWeek(winIds, week, state);
        if (policies.refused()) {
            return new Decision.Refused(policies.refusals());
        }
        return replaceCurrent(
                new WeeklyReflectionWritten(week.toString(), answer.orElse(null), winIds, command.proudOfShowingUp()),
                Occurred.at(clock.instant(), zone),
                state);
    }

    /**
     * A journal-level subject (the focus, a week's reflection) has one current value, and a PUT of it is idempotent by
     * nature: the same content as the current one records nothing (a retry, or a repeat); any other content is
     * recorded as the new current one, replacing it (no conflict: there is no client-chosen id to reuse).
     */
    static Decision replaceCurrent(JournalEvent event, Occurred occurred, JournalState state) {
        Optional<SubjectMark> current = state.subject(event.entryId());
        if (current.isPresent() && current.get().contentHash().equals(ContentHash.of(event))) {
            return new Decision.AlreadyRecorded(event.entryId());
        }
        return new Decision.Record(List.of(new Decision.Event(event, occurred)));
    }

    /**
     * Gives or withdraws the consent to analytics. Nobody consents until they say so: withdrawing a consent never given,
     * or giving one already given, records nothing. It is made now, in the person's latest zone (UTC for a journal with
     * none yet), and never becomes their latest zone: a consent says nothing about where they live.
     */
    static Decision setAnalyticsConsent(SetAnalyticsConsent command, JournalState state, Clock clock) {
        boolean consenting = consents(state);
        if (command.analytics() == consenting) {
            return new Decision.AlreadyRecorded(command.entryId());
        }
        JournalEvent event = command.analytics() ? new AnalyticsConsentGiven() : new AnalyticsConsentWithdrawn();
        ZoneId zone = state.latestZone().orElse(ZoneId.of("UTC"));
        return new Decision.Record(List.of(new Decision.Event(event, Occurred.at(clock.instant(), zone))));
    }

    /** Whether the journal's current consent to analytics is given (none given yet: not consenting). */
    public static boolean consents(JournalState state) {
        return state.subject(AnalyticsConsentGiven.SUBJECT)
                .map(mark -> mark.contentHash().equals(ContentHash.of(new AnalyticsConsentGiven())))
                .orElse(false);
    }
}
