package org.smallwins.command.journal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.smallwins.contract.CheckInRecorded;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.Occurred;
import org.smallwins.contract.ToleranceWindow;
import org.smallwins.contract.WinLogged;

/**
 * One person's journal: the consistency boundary for everything they record. It decides whether an entry is new, a
 * retry of one already recorded, or a conflicting reuse of an id, and it refuses entries that break a rule.
 */
@Aggregate(snapshotTriggerDefinition = "journalSnapshotTrigger", cache = "journalCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Journal {

    @AggregateIdentifier
    private String userId;
    /** The zone of the latest entry: the default zone for the next one. */
    private String lastZone;
    private Map<String, EntryMark> entries = new HashMap<>();

    protected Journal() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public EntryOutcome handle(LogWinCommand command, Clock clock, @MetaDataValue(JournalMetaData.CORRELATION_ID) String correlationId) {
        JournalPolicies policies = new JournalPolicies();
        String winId = policies.entryId("winId", command.winId());
        String text = policies.winText(command.text());
        FocusArea area = policies.focusArea(command.focusArea());
        List<String> tags = policies.tags(command.tags());
        ZoneId zone = policies.zone(command.zone(), lastZone);
        LocalDate day = policies.winDay(command.day(), zone, clock);
        policies.throwIfRefused();

        String digest = winDigest(text, area, tags);
        if (isRetry(winId, EntryMark.WIN, digest, blankToNull(command.day()) == null ? null : day.toString(),
                blankToNull(command.zone()) == null ? null : zone.getId())) {
            return EntryOutcome.ALREADY_RECORDED;
        }
        Instant now = clock.instant();
        // A win back-dated to an earlier day has no known time of day: it is placed at that day's start.
        Instant instant = day.equals(LocalDate.ofInstant(now, zone)) ? now : day.atStartOfDay(zone).toInstant();
        apply(new WinLogged(winId, text, area, tags),
                JournalMetaData.of(command.userId(), new Occurred(instant, day, zone.getId()), correlationId));
        return EntryOutcome.RECORDED;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public EntryOutcome handle(RecordCheckInCommand command, Clock clock, @MetaDataValue(JournalMetaData.CORRELATION_ID) String correlationId) {
        JournalPolicies policies = new JournalPolicies();
        String checkInId = policies.entryId("checkInId", command.checkInId());
        int mood = policies.scale("mood", command.mood());
        int energy = policies.scale("energy", command.energy());
        ToleranceWindow window = policies.window(command.window());
        String note = policies.note(command.note());
        Instant at = policies.checkInInstant(command.at(), clock);
        ZoneId zone = policies.zone(command.zone(), lastZone);
        policies.throwIfRefused();

        String digest = checkInDigest(mood, energy, window, note);
        if (isRetry(checkInId, EntryMark.CHECK_IN, digest, blankToNull(command.at()) == null ? null : at.toString(),
                blankToNull(command.zone()) == null ? null : zone.getId())) {
            return EntryOutcome.ALREADY_RECORDED;
        }
        apply(new CheckInRecorded(checkInId, mood, energy, window, note),
                JournalMetaData.of(command.userId(), Occurred.at(at, zone), correlationId));
        return EntryOutcome.RECORDED;
    }

    private boolean isRetry(String entryId, String kind, String digest, String requestedWhen, String requestedZone) {
        EntryMark existing = entries.get(entryId);
        if (existing == null) {
            return false;
        }
        if (existing.isRetryOf(kind, digest, requestedWhen, requestedZone)) {
            return true;
        }
        throw new EntryConflictException(entryId);
    }

    /** Digests are computed from the recorded (clean) content, so the event store holds no digest of journal text. */
    private static String winDigest(String text, FocusArea area, List<String> tags) {
        return EntryMark.digest(List.of(text, area, tags));
    }

    private static String checkInDigest(int mood, int energy, ToleranceWindow window, String note) {
        return EntryMark.digest(List.of(mood, energy, window, String.valueOf(note)));
    }

    @EventSourcingHandler
    void on(WinLogged event, MetaData metaData) {
        remember(event.winId(), EntryMark.WIN, winDigest(event.text(), event.focusArea(), event.tags()), metaData,
                JournalMetaData.OCCURRED_DATE);
    }

    @EventSourcingHandler
    void on(CheckInRecorded event, MetaData metaData) {
        remember(event.checkInId(), EntryMark.CHECK_IN,
                checkInDigest(event.mood(), event.energy(), event.window(), event.note()), metaData,
                JournalMetaData.OCCURRED_AT);
    }

    private void remember(String entryId, String kind, String digest, MetaData metaData, String whenKey) {
        this.userId = (String) metaData.get(JournalMetaData.USER_ID);
        String zone = (String) metaData.get(JournalMetaData.OCCURRED_ZONE);
        this.lastZone = zone;
        entries.put(entryId, new EntryMark(kind, digest, (String) metaData.get(whenKey), zone));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
