package org.smallwins.command.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.JournalErased;
import org.smallwins.contract.Occurred;
import org.smallwins.contract.WinLogged;
import org.smallwins.journal.EntryOutcome;
import org.smallwins.journal.LogWin;

/**
 * Erasing a journal: the shredder is called inside the command (key and snapshots), a content-free JournalErased is
 * applied with the counts of the receipt, and the journal starts again from nothing: an old id is free, the old zone is
 * forgotten.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ErasingAJournalTest {

    static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
    static final String USER = "user-e";
    static final Map<String, String> CORRELATION = Map.of(JournalMetaData.CORRELATION_ID, "erase-1");
    static final Occurred BERLIN_TODAY = Occurred.at(NOW.minusSeconds(3600), ZoneId.of("Europe/Berlin"));
    static final Occurred ERASED_AT = Occurred.at(NOW, ZoneId.of("UTC"));

    /** The shredder's calls, and what it answers. */
    final List<String> shredded = new ArrayList<>();

    final JournalShredder shredder = (userId, lastSequence) -> {
        shredded.add(userId + "@" + lastSequence);
        return new JournalShredder.Shredded(Optional.of("key-1"), Optional.of("event-" + lastSequence));
    };

    FixtureConfiguration<Journal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Journal.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(shredder);
    }

    static EventMessage<?> stored(Object payload, Occurred occurred) {
        return new GenericEventMessage<>(payload, JournalMetaData.of(USER, occurred, "r"));
    }

    static WinLogged win(String id, String text) {
        return new WinLogged(id, text, FocusArea.REST, List.of());
    }

    static ForJournal logWin(String id, String text, String zone) {
        return new ForJournal(
                USER,
                new LogWin(
                        id,
                        text,
                        FocusArea.REST,
                        List.of(),
                        Optional.empty(),
                        Optional.ofNullable(zone).map(ZoneId::of)));
    }

    @Test
    void an_erasure_shreds_the_journal_and_records_what_was_erased_without_content() {
        fixture.given(
                        stored(win("w1", "Today I rested"), BERLIN_TODAY),
                        stored(win("w2", "Today I said no"), BERLIN_TODAY))
                .when(new EraseJournal(USER, "erasure-1"), CORRELATION)
                .expectResultMessagePayload(
                        new ErasureAccepted(new JournalErased("erasure-1", "key-1", 2, 2, "event-2"), 3))
                .expectEvents(new GenericEventMessage<>(
                        new JournalErased("erasure-1", "key-1", 2, 2, "event-2"),
                        JournalMetaData.of(USER, ERASED_AT, "erase-1")));
        assertThat(shredded).containsExactly(USER + "@2");
    }

    @Test
    void after_an_erasure_the_same_id_starts_a_new_entry_and_the_old_zone_is_forgotten() {
        fixture.given(
                        stored(win("w1", "Today I rested"), BERLIN_TODAY),
                        stored(new JournalErased("erasure-1", "key-1", 1, 1, "e1"), ERASED_AT))
                .when(logWin("w1", "Today I began again", "Asia/Tokyo"), CORRELATION)
                .expectResultMessagePayload(new EntryAccepted(EntryOutcome.RECORDED, 3))
                .expectEvents(new GenericEventMessage<>(
                        win("w1", "Today I began again"),
                        JournalMetaData.of(USER, Occurred.at(NOW, ZoneId.of("Asia/Tokyo")), "erase-1")));

        fixture.given(
                        stored(win("w1", "Today I rested"), BERLIN_TODAY),
                        stored(new JournalErased("erasure-1", "key-1", 1, 1, "e1"), ERASED_AT))
                .when(logWin("w2", "Today I began again", null), CORRELATION)
                .expectNoEvents()
                .expectException(org.smallwins.journal.EntryRefusedException.class);
    }

    @Test
    void a_second_erasure_with_nothing_written_since_records_nothing_and_shreds_nothing() {
        fixture.given(
                        stored(win("w1", "Today I rested"), BERLIN_TODAY),
                        stored(new JournalErased("erasure-1", "key-1", 1, 1, "e1"), ERASED_AT))
                .when(new EraseJournal(USER, "erasure-2"), CORRELATION)
                .expectResultMessagePayload(new ErasureAccepted(null, 2))
                .expectNoEvents();
        assertThat(shredded).isEmpty();
    }

    @Test
    void a_second_erasure_counts_only_the_events_since_the_first() {
        fixture.given(
                        stored(win("w1", "Today I rested"), BERLIN_TODAY),
                        stored(new JournalErased("erasure-1", "key-1", 1, 1, "e1"), ERASED_AT),
                        stored(win("w1", "Today I began again"), BERLIN_TODAY),
                        stored(win("w2", "Today I kept going"), BERLIN_TODAY))
                .when(new EraseJournal(USER, "erasure-2"), CORRELATION)
                .expectEvents(new GenericEventMessage<>(
                        new JournalErased("erasure-2", "key-1", 2, 4, "event-4"),
                        JournalMetaData.of(USER, ERASED_AT, "erase-1")));
    }

    @Test
    void an_import_into_an_erased_journal_is_an_import_into_an_empty_one() {
        fixture.given(
                        stored(win("mine", "Today I rested"), BERLIN_TODAY),
                        stored(new JournalErased("erasure-1", "key-1", 1, 1, "e1"), ERASED_AT))
                .when(
                        new ImportChunk(USER, ImportingIntoAJournalTest.all(), ImportingIntoAJournalTest.marks()),
                        CORRELATION)
                .expectResultMessagePayload(new ImportAccepted(3, 0, 5));
    }
}
