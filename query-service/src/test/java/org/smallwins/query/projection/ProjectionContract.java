package org.smallwins.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.smallwins.contract.AnalyticsConsentGiven;
import org.smallwins.contract.AnalyticsConsentWithdrawn;
import org.smallwins.contract.CheckInCorrected;
import org.smallwins.contract.CheckInRecorded;
import org.smallwins.contract.EntryKind;
import org.smallwins.contract.EntryRetracted;
import org.smallwins.contract.EventEnvelope;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.FocusAreaChosen;
import org.smallwins.contract.JournalErased;
import org.smallwins.contract.JournalEvent;
import org.smallwins.contract.Occurred;
import org.smallwins.contract.RetractionReason;
import org.smallwins.contract.StageOfChange;
import org.smallwins.contract.ToleranceWindow;
import org.smallwins.contract.WeeklyReflectionWritten;
import org.smallwins.contract.WinCorrected;
import org.smallwins.contract.WinLogged;
import org.smallwins.query.changes.Change;
import org.smallwins.query.changes.ChangePage;
import org.smallwins.query.changes.ChangeQueries;
import org.smallwins.query.history.HistoryEvent;
import org.smallwins.query.history.HistoryPage;
import org.smallwins.query.history.HistoryQueries;
import org.smallwins.query.readstore.ReadStore;
import org.smallwins.query.timeline.EntryHistory;
import org.smallwins.query.timeline.EntryVersion;
import org.smallwins.query.timeline.TimelineEntry;
import org.smallwins.query.timeline.TimelinePage;
import org.smallwins.query.timeline.TimelineQueries;
import org.smallwins.query.trends.FocusChoice;
import org.smallwins.query.trends.TrendQueries;
import org.smallwins.query.trends.WeekTrend;
import org.threeten.extra.YearWeek;

/**
 * What the projection promises, independent of the MongoDB server behind it. Subclasses supply the database: the
 * in-JVM stand-in here, a real MongoDB where Docker runs.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
abstract class ProjectionContract {

    static final String ALICE = "alice";
    static final String BOB = "bob";
    static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId UTC = ZoneId.of("UTC");

    ReadStore store;
    JournalProjection projection;
    TimelineQueries timeline;
    TrendQueries trends;
    final Map<String, Long> sequences = new java.util.HashMap<>();

    abstract MongoDatabase database();

    @BeforeEach
    void freshReadStore() {
        store = new ReadStore(database());
        store.wipe();
        store.ensureIndexes();
        projection = new JournalProjection(store);
        timeline = new TimelineQueries(store);
        trends = new TrendQueries(store, Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));
    }

    EventEnvelope envelope(String user, JournalEvent event, Occurred occurred) {
        long sequence = sequences.merge(user, 1L, Long::sum);
        return new EventEnvelope(
                UUID.randomUUID().toString(),
                user,
                sequence,
                occurred,
                occurred.instant().plusSeconds(1),
                "corr-" + sequence,
                EventEnvelope.PLAIN_JSON,
                event);
    }

    EventEnvelope win(String user, String id, FocusArea area, LocalDateTime local, ZoneId zone) {
        return envelope(
                user,
                new WinLogged(id, "Today I " + id, area, List.of("t")),
                Occurred.at(local.atZone(zone).toInstant(), zone));
    }

    EventEnvelope checkIn(
            String user, String id, int mood, int energy, ToleranceWindow window, LocalDateTime local, ZoneId zone) {
        return envelope(
                user,
                new CheckInRecorded(id, mood, energy, window, null),
                Occurred.at(local.atZone(zone).toInstant(), zone));
    }

    EventEnvelope applied(EventEnvelope envelope) {
        projection.apply(envelope);
        return envelope;
    }

    @Test
    void a_win_at_23_30_on_a_sunday_in_auckland_belongs_to_that_week_not_the_next() {
        // Sunday 29 November 2026, 23:30 in Auckland is 10:30 UTC on Sunday too, but 20 minutes before Monday there.
        applied(win(ALICE, "late", FocusArea.REST, LocalDateTime.of(2026, 11, 29, 23, 30), AUCKLAND));

        assertThat(trends.week(ALICE, YearWeek.parse("2026-W48")).wins()).isEqualTo(1);
        assertThat(trends.week(ALICE, YearWeek.parse("2026-W49")).wins()).isZero();
    }

    @Test
    void a_check_in_just_after_midnight_utc_counts_in_the_persons_local_week() {
        // Monday 30 November 2026 00:30 UTC is still Sunday 19:30 in New York.
        ZoneId newYork = ZoneId.of("America/New_York");
        applied(envelope(
                ALICE,
                new CheckInRecorded("c1", 3, 3, ToleranceWindow.WITHIN, null),
                Occurred.at(Instant.parse("2026-11-30T00:30:00Z"), newYork)));

        assertThat(trends.week(ALICE, YearWeek.parse("2026-W48")).checkIns()).isEqualTo(1);
        assertThat(trends.week(ALICE, YearWeek.parse("2026-W49")).checkIns()).isZero();
    }

    @Test
    void a_week_with_a_daylight_saving_change_keeps_all_its_days() {
        // Berlin leaves summer time on Sunday 25 October 2026; that week (W43) has a 25-hour Sunday.
        applied(win(ALICE, "monday", FocusArea.REST, LocalDateTime.of(2026, 10, 19, 0, 10), BERLIN));
        applied(win(ALICE, "sunday-before", FocusArea.BOUNDARIES, LocalDateTime.of(2026, 10, 25, 1, 30), BERLIN));
        applied(win(ALICE, "sunday-late", FocusArea.FEELINGS, LocalDateTime.of(2026, 10, 25, 23, 50), BERLIN));
        applied(win(ALICE, "next-monday", FocusArea.REST, LocalDateTime.of(2026, 10, 26, 0, 5), BERLIN));

        WeekTrend w43 = trends.week(ALICE, YearWeek.parse("2026-W43"));
        assertThat(w43.wins()).isEqualTo(3);
        assertThat(w43.daysShownUp()).isEqualTo(2);
        assertThat(w43.winsOfTheWeek())
                .extracting(WeekTrend.Win::id)
                .containsExactly("monday", "sunday-before", "sunday-late");
        assertThat(trends.week(ALICE, YearWeek.parse("2026-W44")).wins()).isEqualTo(1);
    }

    @Test
    void a_back_dated_win_lands_in_its_own_week() {
        LocalDate earlier = LocalDate.of(2026, 11, 4);
        applied(envelope(
                ALICE,
                new WinLogged("old", "I asked for help", FocusArea.ASKING_FOR_HELP, List.of()),
                new Occurred(earlier.atStartOfDay(BERLIN).toInstant(), earlier, BERLIN.getId())));

        assertThat(trends.week(ALICE, YearWeek.parse("2026-W45")).wins()).isEqualTo(1);
        assertThat(trends.week(ALICE, YearWeek.parse("2026-W48")).wins()).isZero();
    }

    @Test
    void a_week_sums_up_wins_per_area_moods_windows_and_days_shown_up() {
        applied(win(ALICE, "w1", FocusArea.REST, LocalDateTime.of(2026, 11, 16, 9, 0), BERLIN));
        applied(win(ALICE, "w2", FocusArea.REST, LocalDateTime.of(2026, 11, 16, 21, 0), BERLIN));
        applied(win(ALICE, "w3", FocusArea.BOUNDARIES, LocalDateTime.of(2026, 11, 18, 12, 0), BERLIN));
        applied(checkIn(ALICE, "c1", 2, 1, ToleranceWindow.HYPOAROUSED, LocalDateTime.of(2026, 11, 18, 8, 0), BERLIN));
        applied(checkIn(ALICE, "c2", 4, 3, ToleranceWindow.WITHIN, LocalDateTime.of(2026, 11, 21, 8, 0), BERLIN));
        applied(checkIn(ALICE, "c3", 3, 2, ToleranceWindow.WITHIN, LocalDateTime.of(2026, 11, 22, 8, 0), BERLIN));

        WeekTrend week = trends.week(ALICE, YearWeek.parse("2026-W47"));
        assertThat(week.weekStart()).isEqualTo("2026-11-16");
        assertThat(week.weekEnd()).isEqualTo("2026-11-22");
        assertThat(week.wins()).isEqualTo(3);
        assertThat(week.winsByFocusArea()).containsExactly(entry("REST", 2), entry("BOUNDARIES", 1));
        assertThat(week.checkIns()).isEqualTo(3);
        assertThat(week.mood()).isEqualTo(new WeekTrend.Mood(3.0, 2, 4));
        assertThat(week.energyAverage()).isEqualTo(2.0);
        assertThat(week.windowOfTolerance())
                .containsEntry("WITHIN", 2)
                .containsEntry("HYPOAROUSED", 1)
                .containsEntry("HYPERAROUSED", 0);
        assertThat(week.daysShownUp()).isEqualTo(4);
        assertThat(week.winsOfTheWeek())
                .extracting(WeekTrend.Win::text)
                .containsExactly("Today I w1", "Today I w2", "Today I w3");
        assertThat(week.closingLine()).isEqualTo("I'm proud of myself for showing up.");
    }

    @Test
    void a_redelivered_event_changes_nothing() {
        List<EventEnvelope> events = List.of(
                win(ALICE, "w1", FocusArea.REST, LocalDateTime.of(2026, 11, 16, 9, 0), BERLIN),
                checkIn(ALICE, "c1", 2, 1, ToleranceWindow.HYPOAROUSED, LocalDateTime.of(2026, 11, 18, 8, 0), BERLIN),
                win(ALICE, "w2", FocusArea.CONNECTION, LocalDateTime.of(2026, 11, 19, 9, 0), BERLIN));
        events.forEach(projection::apply);
        List<Document> before = snapshot();

        events.forEach(projection::apply);
        projection.apply(events.get(1));

        assertThat(snapshot()).isEqualTo(before);
        assertThat(trends.week(ALICE, YearWeek.parse("2026-W47")).wins()).isEqualTo(2);
        assertThat(trends.week(ALICE, YearWeek.parse("2026-W47")).checkIns()).isEqualTo(1);
    }

    @Test
    void a_redelivered_batch_changes_nothing_even_when_it_overlaps_the_next_one() {
        List<EventEnvelope> first = new ArrayList<>();
        List<EventEnvelope> second = new ArrayList<>();
        for (int day = 16; day <= 19; day++) {
            first.add(win(ALICE, "a" + day, FocusArea.REST, LocalDateTime.of(2026, 11, day, 9, 0), BERLIN));
            first.add(checkIn(
                    BOB, "b" + day, 2, 3, ToleranceWindow.WITHIN, LocalDateTime.of(2026, 11, day, 9, 0), AUCKLAND));
        }
        for (int day = 20; day <= 23; day++) {
            second.add(win(ALICE, "a" + day, FocusArea.BOUNDARIES, LocalDateTime.of(2026, 11, day, 9, 0), BERLIN));
        }
        projection.apply(first);
        List<Document> afterFirst = snapshot();

        projection.apply(first);
        assertThat(snapshot()).as("the same batch again").isEqualTo(afterFirst);

        List<EventEnvelope> overlapping = new ArrayList<>(first.subList(4, first.size()));
        overlapping.addAll(second);
        projection.apply(overlapping);
        List<Document> afterBoth = snapshot();
        projection.apply(second);
        projection.apply(first);

        assertThat(snapshot()).isEqualTo(afterBoth);
        WeekTrend alicesW47 = trends.week(ALICE, YearWeek.parse("2026-W47"));
        assertThat(alicesW47.wins()).isEqualTo(7);
        assertThat(alicesW47.winsByFocusArea()).containsExactly(entry("REST", 4), entry("BOUNDARIES", 3));
        assertThat(alicesW47.winsOfTheWeek())
                .extracting(WeekTrend.Win::id)
                .containsExactly("a16", "a17", "a18", "a19", "a20", "a21", "a22");
        assertThat(trends.week(ALICE, YearWeek.parse("2026-W48")).wins()).isEqualTo(1);
        assertThat(trends.week(BOB, YearWeek.parse("2026-W47")).checkIns()).isEqualTo(4);
        assertThat(timeline.page(ALICE, null, null, null, 50, null).items()).hasSize(8);
    }

    @Test
    void an_event_older_than_a_documents_sequence_changes_nothing() {
        EventEnvelope monday = win(ALICE, "w1", FocusArea.REST, LocalDateTime.of(2026, 11, 16, 9, 0), BERLIN);
        EventEnvelope tuesday = win(ALICE, "w2", FocusArea.REST, LocalDateTime.of(2026, 11, 17, 9, 0), BERLIN);
        EventEnvelope wednesday =
                checkIn(ALICE, "c1", 4, 4, ToleranceWindow.WITHIN, LocalDateTime.of(2026, 11, 18, 9, 0), BERLIN);
        projection.apply(List.of(monday, tuesday, wednesday));
        List<Document> before = snapshot();

        // Sequence 2 arrives again, alone and late, in its week whose document has seen sequence 3 already.
        projection.apply(tuesday);
        projection.apply(List.of(tuesday, monday));

        assertThat(snapshot()).isEqualTo(before);
        assertThat(store.weeks().find(new Document("_id", ALICE + "|2026-W47")).first())
                .containsEntry("lastSequence", 3L)
                .doesNotContainKey("applied");
        assertThat(store.journals().find(new Document("_id", ALICE)).first()).containsEntry("lastSequence", 3L);
        assertThat(trends.week(ALICE, YearWeek.parse("2026-W47")).wins()).isEqualTo(2);
    }

    @Test
    void what_a_batch_wrote_into_an_emptied_read_store_is_forgotten_so_the_replay_rebuilds_it_whole() {
        List<EventEnvelope> earlier = List.of(
                win(ALICE, "w1", FocusArea.REST, LocalDateTime.of(2026, 11, 16, 9, 0), BERLIN),
                checkIn(ALICE, "c1", 2, 2, ToleranceWindow.WITHIN, LocalDateTime.of(2026, 11, 17, 9, 0), BERLIN));
        List<EventEnvelope> later =
                List.of(win(ALICE, "w2", FocusArea.BOUNDARIES, LocalDateTime.of(2026, 11, 18, 9, 0), BERLIN));
        projection.apply(earlier);
        store.wipe();
        store.ensureIndexes();
        projection.apply(later); // the batch in flight when the read store was emptied: a week holding only w2

        projection.forget(later);
        assertThat(snapshot()).isEmpty();
        projection.apply(earlier);
        projection.apply(later);

        WeekTrend week = trends.week(ALICE, YearWeek.parse("2026-W47"));
        assertThat(week.winsOfTheWeek()).extracting(WeekTrend.Win::id).containsExactly("w1", "w2");
        assertThat(week.checkIns()).isEqualTo(1);
        assertThat(timeline.page(ALICE, null, null, null, 50, null).items()).hasSize(3);
    }

    @Test
    void a_batch_gives_the_same_read_models_as_its_events_one_by_one() {
        List<EventEnvelope> events = new ArrayList<>();
        for (int day = 1; day <= 20; day++) {
            events.add(win(
                    day % 2 == 0 ? ALICE : BOB,
                    "w" + day,
                    FocusArea.values()[day % FocusArea.values().length],
                    LocalDateTime.of(2026, 11, day, 9, 0),
                    day % 3 == 0 ? AUCKLAND : BERLIN));
            events.add(checkIn(
                    ALICE,
                    "c" + day,
                    1 + day % 5,
                    1 + day % 4,
                    ToleranceWindow.values()[day % 3],
                    LocalDateTime.of(2026, 11, day, 21, 0),
                    BERLIN));
        }
        events.forEach(projection::apply);
        List<Document> oneByOne = snapshot();
        store.wipe();
        store.ensureIndexes();

        projection.apply(events);

        assertThat(snapshot()).isEqualTo(oneByOne);
        assertThat(store.timeline().countDocuments()).isEqualTo(40);
        assertThat(store.weeks().countDocuments()).isEqualTo(8);
        assertThat(store.journals().countDocuments()).isEqualTo(2);
    }

    @Test
    void the_timeline_is_newest_first_and_pages_by_cursor_without_gaps_or_repeats() {
        List<String> expected = new ArrayList<>();
        for (int day = 1; day <= 9; day++) {
            applied(win(ALICE, "w" + day, FocusArea.REST, LocalDateTime.of(2026, 11, day, 12, 0), BERLIN));
            applied(checkIn(
                    ALICE, "c" + day, 3, 3, ToleranceWindow.WITHIN, LocalDateTime.of(2026, 11, day, 20, 0), BERLIN));
            expected.add(0, "w" + day);
            expected.add(0, "c" + day);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            TimelinePage page = timeline.page(ALICE, null, null, null, 4, cursor);
            page.items().forEach(e -> seen.add(e.id()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(5);
    }

    @Test
    void the_timeline_filters_by_kind_and_by_local_day_range() {
        for (int day = 1; day <= 5; day++) {
            applied(win(ALICE, "w" + day, FocusArea.REST, LocalDateTime.of(2026, 11, day, 12, 0), AUCKLAND));
            applied(checkIn(
                    ALICE, "c" + day, 3, 3, ToleranceWindow.WITHIN, LocalDateTime.of(2026, 11, day, 23, 59), AUCKLAND));
        }
        TimelinePage wins = timeline.page(ALICE, "WIN", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 4), 50, null);
        assertThat(wins.items()).extracting(TimelineEntry::id).containsExactly("w4", "w3", "w2");
        assertThat(wins.nextCursor()).isNull();

        TimelinePage checkIns = timeline.page(ALICE, "CHECK_IN", LocalDate.of(2026, 11, 5), null, 50, null);
        assertThat(checkIns.items()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("c5");
            assertThat(e.day()).isEqualTo("2026-11-05");
            assertThat(e.checkIn().mood()).isEqualTo(3);
            assertThat(e.win()).isNull();
        });
    }

    EventEnvelope erasure(String user) {
        long before = sequences.getOrDefault(user, 0L);
        return envelope(
                user,
                new JournalErased(UUID.randomUUID().toString(), "key-" + user, before, before, null),
                Occurred.at(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC));
    }

    long documentsOf(String user) {
        return store.timeline().countDocuments(new Document("userId", user))
                + store.weeks().countDocuments(new Document("userId", user));
    }

    @Test
    void an_erasure_purges_the_person_from_timeline_weeks_and_summary_and_leaves_everyone_else() {
        applied(win(ALICE, "w1", FocusArea.REST, LocalDateTime.of(2026, 11, 16, 9, 0), BERLIN));
        applied(checkIn(ALICE, "c1", 2, 3, ToleranceWindow.WITHIN, LocalDateTime.of(2026, 11, 9, 9, 0), BERLIN));
        applied(win(BOB, "b1", FocusArea.REST, LocalDateTime.of(2026, 11, 16, 9, 0), BERLIN));

        EventEnvelope erased = applied(erasure(ALICE));

        assertThat(timeline.page(ALICE, null, null, null, 50, null).items()).isEmpty();
        assertThat(trends.week(ALICE, YearWeek.parse("2026-W47")).wins()).isZero();
        assertThat(trends.week(ALICE, YearWeek.parse("2026-W46")).checkIns()).isZero();
        assertThat(documentsOf(ALICE)).isZero();
        Document summary = store.journals().find(new Document("_id", ALICE)).first();
        assertThat(summary).containsOnlyKeys("_id", ReadModel.POSITION, JournalProjection.ERASED_THROUGH);
        assertThat(summary.get(ReadModel.POSITION, Number.class).longValue()).isEqualTo(erased.sequence());
        assertThat(timeline.page(BOB, null, null, null, 50, null).items()).hasSize(1);
        assertThat(trends.week(BOB, YearWeek.parse("2026-W47")).wins()).isEqualTo(1);
    }

    @Test
    void entries_before_an_erasure_in_the_same_batch_are_gone_and_entries_after_it_start_a_new_journal() {
        EventEnvelope before = win(ALICE, "w1", FocusArea.REST, LocalDateTime.of(2026, 11, 16, 9, 0), BERLIN);
        EventEnvelope erased = erasure(ALICE);
        EventEnvelope after = win(ALICE, "w1", FocusArea.BOUNDARIES, LocalDateTime.of(2026, 11, 17, 9, 0), AUCKLAND);

        projection.apply(List.of(before, erased, after));

        List<TimelineEntry> items =
                timeline.page(ALICE, null, null, null, 50, null).items();
        assertThat(items).hasSize(1);
        assertThat(items.get(0).day()).isEqualTo("2026-11-17");
        WeekTrend week = trends.week(ALICE, YearWeek.parse("2026-W47"));
        assertThat(week.wins()).isEqualTo(1);
        assertThat(week.winsByFocusArea()).containsOnly(entry("BOUNDARIES", 1));
    }

    @Test
    void a_redelivered_erasure_never_deletes_the_new_journal_and_a_replay_brings_nothing_back() {
        EventEnvelope before = win(ALICE, "w1", FocusArea.REST, LocalDateTime.of(2026, 11, 16, 9, 0), BERLIN);
        EventEnvelope erased = erasure(ALICE);
        EventEnvelope after = win(ALICE, "w2", FocusArea.REST, LocalDateTime.of(2026, 11, 17, 9, 0), BERLIN);
        projection.apply(List.of(before, erased));
        projection.apply(List.of(after));

        projection.apply(List.of(erased));
        projection.apply(List.of(before, erased, after));

        assertThat(timeline.page(ALICE, null, null, null, 50, null).items())
                .extracting(TimelineEntry::id)
                .containsExactly("w2");
        assertThat(trends.week(ALICE, YearWeek.parse("2026-W47")).wins()).isEqualTo(1);
    }

    @Test
    void one_persons_entries_never_appear_in_anothers_timeline_or_weeks() {
        EventEnvelope alices = applied(win(ALICE, "w1", FocusArea.REST, LocalDateTime.of(2026, 11, 16, 9, 0), BERLIN));
        applied(checkIn(
                ALICE, "c1", 1, 1, ToleranceWindow.HYPERAROUSED, LocalDateTime.of(2026, 11, 16, 10, 0), BERLIN));

        assertThat(timeline.page(BOB, null, null, null, 50, null).items()).isEmpty();
        // A cursor positioned just after Alice's entries, as if Bob had crafted it: still only Bob's (empty) timeline.
        String alicesCursor = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(TimelineReadModel.sortKey(alices.occurred(), alices.sequence())
                        .replace("2026-11-16", "2026-11-17")
                        .getBytes());
        assertThat(timeline.page(BOB, null, null, null, 50, alicesCursor).items())
                .isEmpty();
        WeekTrend bobsWeek = trends.week(BOB, YearWeek.parse("2026-W47"));
        assertThat(bobsWeek.wins()).isZero();
        assertThat(bobsWeek.checkIns()).isZero();
        assertThat(bobsWeek.winsOfTheWeek()).isEmpty();
    }

    @Test
    void the_last_weeks_series_shows_quiet_weeks_as_zeros() {
        applied(win(ALICE, "w1", FocusArea.REST, LocalDateTime.of(2026, 11, 3, 9, 0), BERLIN));
        applied(win(ALICE, "w2", FocusArea.REST, LocalDateTime.of(2026, 11, 20, 9, 0), BERLIN));

        List<WeekTrend> series = trends.series(ALICE, null, 12);

        assertThat(series).hasSize(12);
        assertThat(series.get(11).week()).isEqualTo("2026-W48");
        assertThat(series.get(0).week()).isEqualTo("2026-W37");
        assertThat(series).extracting(WeekTrend::wins).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0);
        assertThat(series.get(11).mood()).isNull();
        assertThat(series.get(11).daysShownUp()).isZero();
    }

    @Test
    void a_cursor_that_was_not_issued_by_the_timeline_is_refused() {
        assertThatThrownBy(() -> timeline.page(ALICE, null, null, null, 10, "not-a-cursor"))
                .isInstanceOf(TimelineQueries.InvalidCursorException.class);
    }

    @Test
    void the_checkpoint_moves_only_from_the_position_its_writer_last_saw_and_is_gone_when_the_read_store_is_emptied() {
        Checkpoints checkpoints = new Checkpoints(store, "journal-projection");
        assertThat(checkpoints.nextOffset("topic", 0)).isEmpty();
        assertThat(checkpoints.advance("topic", 0, null, 42)).isTrue();
        assertThat(checkpoints.advance("topic", 0, null, 17)).isTrue();
        assertThat(checkpoints.nextOffset("topic", 0)).hasValue(42);

        assertThat(checkpoints.advance("topic", 0, 42L, 50)).isTrue();
        assertThat(checkpoints.advance("topic", 0, 42L, 60))
                .as("a writer whose position is stale")
                .isFalse();
        assertThat(checkpoints.nextOffset("topic", 0)).hasValue(50);

        store.wipe();
        assertThat(checkpoints.nextOffset("topic", 0)).isEmpty();
        assertThat(checkpoints.advance("topic", 0, 50L, 70))
                .as("a writer after the read store was emptied")
                .isFalse();
        assertThat(checkpoints.nextOffset("topic", 0)).isEmpty();
    }

    private List<Document> snapshot() {
        List<Document> all = new ArrayList<>();
        for (var collection :
                List.of(store.timeline(), store.weeks(), store.focus(), store.journals(), store.history())) {
            collection.find().sort(new Document("_id", 1)).into(all);
        }
        return all;
    }

    // --- issue 13: corrections and retractions ---

    EventEnvelope winCorrected(
            String user, String id, int version, String text, FocusArea area, LocalDateTime local, ZoneId zone) {
        return envelope(
                user,
                new WinCorrected(id, version, text, area, List.of("fixed")),
                Occurred.at(local.atZone(zone).toInstant(), zone));
    }

    EventEnvelope checkInCorrected(
            String user,
            String id,
            int version,
            int mood,
            int energy,
            ToleranceWindow window,
            LocalDateTime local,
            ZoneId zone) {
        return envelope(
                user,
                new CheckInCorrected(id, version, mood, energy, window, "better"),
                Occurred.at(local.atZone(zone).toInstant(), zone));
    }

    EventEnvelope retracted(String user, String id, int version, EntryKind kind, LocalDateTime local, ZoneId zone) {
        return envelope(
                user,
                new EntryRetracted(id, version, kind, RetractionReason.DUPLICATE),
                Occurred.at(local.atZone(zone).toInstant(), zone));
    }

    @Test
    void a_correction_that_moves_a_win_to_another_day_moves_it_to_that_week_and_its_place_in_the_timeline() {
        applied(win(ALICE, "w1", FocusArea.REST, LocalDateTime.of(2026, 11, 18, 9, 0), BERLIN));
        applied(win(ALICE, "w2", FocusArea.REST, LocalDateTime.of(2026, 11, 17, 9, 0), BERLIN));
        applied(checkIn(ALICE, "c1", 3, 3, ToleranceWindow.WITHIN, LocalDateTime.of(2026, 11, 18, 8, 0), BERLIN));

        EventEnvelope moved = applied(winCorrected(
                ALICE,
                "w1",
                2,
                "Today I rested, really",
                FocusArea.BOUNDARIES,
                LocalDateTime.of(2026, 11, 10, 0, 0),
                BERLIN));

        WeekTrend w47 = trends.week(ALICE, YearWeek.parse("2026-W47"));
        assertThat(w47.wins()).isEqualTo(1);
        assertThat(w47.winsByFocusArea()).containsOnly(entry("REST", 1));
        assertThat(w47.winsOfTheWeek()).extracting(WeekTrend.Win::id).containsExactly("w2");
        assertThat(w47.daysShownUp())
                .as("the 17th (w2) and the 18th (c1) still")
                .isEqualTo(2);
        WeekTrend w46 = trends.week(ALICE, YearWeek.parse("2026-W46"));
        assertThat(w46.wins()).isEqualTo(1);
        assertThat(w46.winsByFocusArea()).containsOnly(entry("BOUNDARIES", 1));
        assertThat(w46.winsOfTheWeek()).extracting(WeekTrend.Win::text).containsExactly("Today I rested, really");
        assertThat(w46.daysShownUp()).isEqualTo(1);
        List<TimelineEntry> items =
                timeline.page(ALICE, null, null, null, 50, null).items();
        assertThat(items).extracting(TimelineEntry::id).containsExactly("c1", "w2", "w1");
        TimelineEntry w1 = items.get(2);
        assertThat(w1.day()).isEqualTo("2026-11-10");
        assertThat(w1.version()).isEqualTo(2);
        assertThat(w1.sequence()).as("the sequence it was logged with").isEqualTo(1);
        assertThat(w1.corrected()).isEqualTo(new TimelineEntry.Corrected(moved.recordedAt(), 2));
        assertThat(w1.win().text()).isEqualTo("Today I rested, really");
        assertThat(items.get(0).corrected()).isNull();
        assertThat(timeline.entry(ALICE, "w1")).contains(w1);
    }

    @Test
    void a_corrected_check_in_changes_the_weeks_averages_minimum_and_maximum_exactly() {
        applied(checkIn(ALICE, "c1", 1, 1, ToleranceWindow.HYPOAROUSED, LocalDateTime.of(2026, 11, 16, 8, 0), BERLIN));
        applied(checkIn(ALICE, "c2", 4, 2, ToleranceWindow.WITHIN, LocalDateTime.of(2026, 11, 17, 8, 0), BERLIN));

        applied(checkInCorrected(
                ALICE, "c1", 2, 3, 5, ToleranceWindow.WITHIN, LocalDateTime.of(2026, 11, 17, 20, 0), BERLIN));

        WeekTrend week = trends.week(ALICE, YearWeek.parse("2026-W47"));
        assertThat(week.checkIns()).isEqualTo(2);
        assertThat(week.mood()).isEqualTo(new WeekTrend.Mood(3.5, 3, 4));
        assertThat(week.energyAverage()).isEqualTo(3.5);
        assertThat(week.windowOfTolerance())
                .containsExactly(entry("HYPOAROUSED", 0), entry("WITHIN", 2), entry("HYPERAROUSED", 0));
        assertThat(week.daysShownUp()).as("both now on the 17th").isEqualTo(1);
        TimelineEntry c1 = timeline.entry(ALICE, "c1").orElseThrow();
        assertThat(c1.checkIn()).isEqualTo(new TimelineEntry.CheckIn(3, 5, "WITHIN", "better"));
        assertThat(c1.occurredAt())
                .isEqualTo(LocalDateTime.of(2026, 11, 17, 20, 0).atZone(BERLIN).toInstant());
    }

    @Test
    void a_retracted_entry_disappears_from_the_timeline_and_from_every_week_it_counted_in() {
        applied(win(ALICE, "w1", FocusArea.REST, LocalDateTime.of(2026, 11, 18, 9, 0), BERLIN));
        applied(winCorrected(ALICE, "w1", 2, "Moved", FocusArea.REST, LocalDateTime.of(2026, 11, 9, 0, 0), BERLIN));
        applied(checkIn(ALICE, "c1", 1, 2, ToleranceWindow.HYPERAROUSED, LocalDateTime.of(2026, 11, 18, 8, 0), BERLIN));
        applied(checkIn(ALICE, "c2", 5, 4, ToleranceWindow.WITHIN, LocalDateTime.of(2026, 11, 19, 8, 0), BERLIN));

        applied(retracted(ALICE, "w1", 3, EntryKind.WIN, LocalDateTime.of(2026, 11, 9, 0, 0), BERLIN));
        applied(retracted(ALICE, "c1", 2, EntryKind.CHECK_IN, LocalDateTime.of(2026, 11, 18, 8, 0), BERLIN));

        assertThat(timeline.page(ALICE, null, null, null, 50, null).items())
                .extracting(TimelineEntry::id)
                .containsExactly("c2");
        assertThat(timeline.entry(ALICE, "w1")).isEmpty();
        assertThat(timeline.entry(ALICE, "c1")).isEmpty();
        WeekTrend w46 = trends.week(ALICE, YearWeek.parse("2026-W46"));
        assertThat(w46.wins()).isZero();
        assertThat(w46.daysShownUp()).isZero();
        assertThat(w46.winsOfTheWeek()).isEmpty();
        WeekTrend w47 = trends.week(ALICE, YearWeek.parse("2026-W47"));
        assertThat(w47.wins()).isZero();
        assertThat(w47.checkIns()).isEqualTo(1);
        assertThat(w47.mood()).isEqualTo(new WeekTrend.Mood(5, 5, 5));
        assertThat(w47.energyAverage()).isEqualTo(4.0);
        assertThat(w47.windowOfTolerance()).containsEntry("HYPERAROUSED", 0).containsEntry("WITHIN", 1);
        assertThat(w47.daysShownUp()).isEqualTo(1);
        assertThat(timeline.history(ALICE, "w1").orElseThrow().retracted()).isTrue();
    }

    @Test
    void a_redelivered_correction_or_retraction_changes_nothing_even_in_overlapping_batches() {
        List<EventEnvelope> events = List.of(
                win(ALICE, "w1", FocusArea.REST, LocalDateTime.of(2026, 11, 18, 9, 0), BERLIN),
                checkIn(ALICE, "c1", 2, 2, ToleranceWindow.WITHIN, LocalDateTime.of(2026, 11, 18, 8, 0), BERLIN),
                winCorrected(ALICE, "w1", 2, "Again", FocusArea.FEELINGS, LocalDateTime.of(2026, 11, 9, 0, 0), BERLIN),
                winCorrected(ALICE, "w1", 3, "Back", FocusArea.MOVEMENT, LocalDateTime.of(2026, 11, 20, 0, 0), BERLIN),
                retracted(ALICE, "c1", 2, EntryKind.CHECK_IN, LocalDateTime.of(2026, 11, 18, 8, 0), BERLIN));
        events.forEach(projection::apply);
        List<Document> oneByOne = snapshot();

        events.forEach(projection::apply);
        projection.apply(events);
        projection.apply(List.of(events.get(3), events.get(2)));
        assertThat(snapshot()).isEqualTo(oneByOne);

        store.wipe();
        store.ensureIndexes();
        projection.apply(events.subList(0, 3));
        projection.apply(events.subList(1, 5));
        assertThat(snapshot()).as("overlapping batches").isEqualTo(oneByOne);

        store.wipe();
        store.ensureIndexes();
        projection.apply(events);
        assertThat(snapshot()).as("one batch").isEqualTo(oneByOne);
        assertThat(trends.week(ALICE, YearWeek.parse("2026-W46")).wins()).isZero();
        WeekTrend w47 = trends.week(ALICE, YearWeek.parse("2026-W47"));
        assertThat(w47.winsByFocusArea()).containsOnly(entry("MOVEMENT", 1));
        assertThat(w47.checkIns()).isZero();
        assertThat(w47.daysShownUp()).isEqualTo(1);
    }

    @Test
    void a_correction_redelivered_after_only_the_timeline_was_written_still_moves_the_win_out_of_its_old_week() {
        applied(win(ALICE, "w1", FocusArea.REST, LocalDateTime.of(2026, 11, 18, 9, 0), BERLIN));
        List<Document> weeksBefore = store.weeks().find().into(new ArrayList<>());
        EventEnvelope moved = applied(
                winCorrected(ALICE, "w1", 2, "Moved", FocusArea.REST, LocalDateTime.of(2026, 11, 9, 0, 0), BERLIN));
        List<Document> complete = snapshot();
        // The batch died after writing the timeline: the weeks are as they were before it (the summary too).
        store.weeks().drop();
        store.weeks().insertMany(weeksBefore);
        store.history().deleteMany(new Document("sequence", 2L));
        store.journals()
                .updateOne(new Document("_id", ALICE), new Document("$set", new Document(ReadModel.POSITION, 1L)));

        projection.apply(moved);

        assertThat(snapshot()).isEqualTo(complete);
        assertThat(trends.week(ALICE, YearWeek.parse("2026-W47")).wins()).isZero();
        assertThat(trends.week(ALICE, YearWeek.parse("2026-W46")).wins()).isEqualTo(1);
    }

    @Test
    void an_entrys_history_lists_every_version_oldest_first_with_the_names_of_what_changed() {
        EventEnvelope logged = applied(win(ALICE, "w1", FocusArea.REST, LocalDateTime.of(2026, 11, 18, 9, 0), BERLIN));
        EventEnvelope corrected = applied(winCorrected(
                ALICE, "w1", 2, "Today I w1", FocusArea.REST, LocalDateTime.of(2026, 11, 9, 0, 0), BERLIN));
        EventEnvelope retraction =
                applied(retracted(ALICE, "w1", 3, EntryKind.WIN, LocalDateTime.of(2026, 11, 9, 0, 0), BERLIN));

        EntryHistory history = timeline.history(ALICE, "w1").orElseThrow();

        assertThat(history.kind()).isEqualTo("WIN");
        assertThat(history.versions()).extracting(EntryVersion::version).containsExactly(1, 2, 3);
        assertThat(history.versions())
                .extracting(EntryVersion::type)
                .containsExactly("WinLogged", "WinCorrected", "EntryRetracted");
        assertThat(history.versions())
                .extracting(EntryVersion::correlationId)
                .containsExactly(logged.correlationId(), corrected.correlationId(), retraction.correlationId());
        assertThat(history.versions())
                .extracting(EntryVersion::recordedAt)
                .containsExactly(logged.recordedAt(), corrected.recordedAt(), retraction.recordedAt());
        assertThat(history.versions().get(0).changed()).isEmpty();
        assertThat(history.versions().get(1).changed()).containsExactly("tags", "day");
        assertThat(history.versions().get(1).values().day()).isEqualTo("2026-11-09");
        assertThat(history.versions().get(0).values().win().tags()).containsExactly("t");
        assertThat(history.versions().get(2).values()).isNull();
        assertThat(history.versions().get(2).reason()).isEqualTo("DUPLICATE");
        assertThat(timeline.history(BOB, "w1")).as("another person's entry id").isEmpty();
        assertThat(timeline.entry(BOB, "w1")).isEmpty();
    }

    @Test
    void the_whole_history_is_newest_first_in_pages_with_summaries_that_name_fields_never_values() {
        applied(win(ALICE, "w1", FocusArea.REST, LocalDateTime.of(2026, 11, 18, 9, 0), BERLIN));
        applied(checkIn(ALICE, "c1", 2, 2, ToleranceWindow.WITHIN, LocalDateTime.of(2026, 11, 18, 8, 0), BERLIN));
        applied(winCorrected(
                ALICE, "w1", 2, "A secret sentence", FocusArea.REST, LocalDateTime.of(2026, 11, 9, 0, 0), BERLIN));
        applied(checkInCorrected(
                ALICE, "c1", 2, 4, 2, ToleranceWindow.WITHIN, LocalDateTime.of(2026, 11, 18, 8, 0), BERLIN));
        applied(retracted(ALICE, "c1", 3, EntryKind.CHECK_IN, LocalDateTime.of(2026, 11, 18, 8, 0), BERLIN));
        applied(win(BOB, "b1", FocusArea.REST, LocalDateTime.of(2026, 11, 18, 9, 0), BERLIN));
        HistoryQueries history = new HistoryQueries(store);

        HistoryPage first = history.page(ALICE, 2, null);
        HistoryPage second = history.page(ALICE, 2, Long.parseLong(first.nextCursor()));
        HistoryPage last = history.page(ALICE, 2, Long.parseLong(second.nextCursor()));

        assertThat(first.items()).extracting(HistoryEvent::sequence).containsExactly(5L, 4L);
        assertThat(first.hasMore()).isTrue();
        assertThat(second.items()).extracting(HistoryEvent::sequence).containsExactly(3L, 2L);
        assertThat(last.items()).extracting(HistoryEvent::sequence).containsExactly(1L);
        assertThat(last.hasMore()).isFalse();
        assertThat(last.nextCursor()).isNull();
        List<HistoryEvent> all = new ArrayList<>(first.items());
        all.addAll(second.items());
        all.addAll(last.items());
        assertThat(all)
                .extracting(HistoryEvent::summary)
                .containsExactly(
                        "Check-in retracted: duplicate",
                        "Check-in corrected: mood, note",
                        "Win corrected: text, tags, day",
                        "Check-in recorded",
                        "Win logged");
        assertThat(all)
                .extracting(HistoryEvent::type)
                .containsExactly("EntryRetracted", "CheckInCorrected", "WinCorrected", "CheckInRecorded", "WinLogged");
        assertThat(all).allSatisfy(event -> {
            assertThat(event.typeVersion()).isEqualTo(1);
            assertThat(event.correlationId()).isEqualTo("corr-" + event.sequence());
            assertThat(event.recorded()).isEqualTo(event.occurred().plusSeconds(1));
        });
        assertThat(all.toString()).doesNotContain("secret");
        assertThat(history.page(BOB, 10, null).items())
                .extracting(HistoryEvent::entryId)
                .containsExactly("b1");
        assertThat(history.page("carol", 10, null).items()).isEmpty();
    }

    @Test
    void an_erasure_purges_the_history_and_every_version_and_leaves_only_the_erasure() {
        applied(win(ALICE, "w1", FocusArea.REST, LocalDateTime.of(2026, 11, 18, 9, 0), BERLIN));
        applied(winCorrected(ALICE, "w1", 2, "Moved", FocusArea.REST, LocalDateTime.of(2026, 11, 9, 0, 0), BERLIN));
        EventEnvelope erased = applied(erasure(ALICE));

        assertThat(timeline.history(ALICE, "w1")).isEmpty();
        assertThat(store.timeline().countDocuments(new Document("userId", ALICE)))
                .isZero();
        HistoryPage page = new HistoryQueries(store).page(ALICE, 10, null);
        assertThat(page.items()).extracting(HistoryEvent::sequence).containsExactly(erased.sequence());
        assertThat(page.items().get(0).summary()).isEqualTo("Journal erased: 2 events");
        assertThat(page.hasMore()).isFalse();
        assertThat(store.history().countDocuments(new Document("userId", ALICE)))
                .isEqualTo(1);
    }

    // --- issue 14: the focus area and its stage, the weekly reflection ---

    EventEnvelope focus(String user, FocusArea area, StageOfChange stage, LocalDateTime local, ZoneId zone) {
        return envelope(
                user,
                new FocusAreaChosen(area, stage),
                Occurred.at(local.atZone(zone).toInstant(), zone));
    }

    EventEnvelope reflection(String user, String week, String answer, List<String> winIds, boolean proud) {
        // written "now" (Monday of W48 in Berlin), whatever week it is about
        return envelope(
                user,
                new WeeklyReflectionWritten(week, answer, winIds, proud),
                Occurred.at(LocalDateTime.of(2026, 11, 23, 10, 0).atZone(BERLIN).toInstant(), BERLIN));
    }

    /** Six wins on the days of W47 (16–21 November), w1 on Monday … w6 on Saturday, alternating REST and BOUNDARIES. */
    void sixWinsInW47() {
        for (int i = 1; i <= 6; i++) {
            applied(win(
                    ALICE,
                    "w" + i,
                    i % 2 == 1 ? FocusArea.REST : FocusArea.BOUNDARIES,
                    LocalDateTime.of(2026, 11, 15 + i, 9, 0),
                    BERLIN));
        }
    }

    @Test
    void a_reflection_shows_the_chosen_wins_in_the_order_chosen_with_their_current_text_and_the_affirmation() {
        sixWinsInW47();
        EventEnvelope written = applied(
                reflection(ALICE, "2026-W47", "By resting before I was empty", List.of("w5", "w1", "w4"), true));
        applied(winCorrected(
                ALICE,
                "w1",
                2,
                "Today I rested without guilt",
                FocusArea.REST,
                LocalDateTime.of(2026, 11, 16, 0, 0),
                BERLIN));

        WeekTrend w47 = trends.week(ALICE, YearWeek.parse("2026-W47"));

        assertThat(w47.reflection()).isNotNull();
        assertThat(w47.reflection().answer()).isEqualTo("By resting before I was empty");
        assertThat(w47.reflection().proudOfShowingUp()).isTrue();
        assertThat(w47.reflection().written()).isEqualTo(written.recordedAt());
        assertThat(w47.reflection().chosenWins()).extracting(WeekTrend.Win::id).containsExactly("w5", "w1", "w4");
        assertThat(w47.reflection().chosenWins())
                .extracting(WeekTrend.Win::text)
                .containsExactly("Today I w5", "Today I rested without guilt", "Today I w4");
        assertThat(w47.wins()).isEqualTo(6);
        assertThat(w47.daysShownUp()).isEqualTo(6);
        assertThat(w47.closingLine()).isEqualTo("I'm proud of myself for showing up.");
        assertThat(trends.week(ALICE, YearWeek.parse("2026-W48")).reflection())
                .as("another week")
                .isNull();
        assertThat(trends.week(BOB, YearWeek.parse("2026-W47")).reflection())
                .as("another person")
                .isNull();
        assertThat(trends.series(ALICE, YearWeek.parse("2026-W47"), 1).get(0).reflection())
                .as("the series shows no reflection")
                .isNull();
    }

    @Test
    void a_chosen_win_moved_to_another_week_or_retracted_is_left_out_of_the_reflection_and_a_win_moved_back_returns() {
        sixWinsInW47();
        applied(reflection(ALICE, "2026-W47", null, List.of("w2", "w3", "w6"), false));

        applied(winCorrected(
                ALICE, "w3", 2, "Today I w3", FocusArea.REST, LocalDateTime.of(2026, 11, 10, 0, 0), BERLIN));
        applied(retracted(ALICE, "w6", 2, EntryKind.WIN, LocalDateTime.of(2026, 11, 21, 0, 0), BERLIN));

        WeekTrend w47 = trends.week(ALICE, YearWeek.parse("2026-W47"));
        assertThat(w47.reflection().chosenWins()).extracting(WeekTrend.Win::id).containsExactly("w2");
        assertThat(w47.reflection().answer()).isNull();
        assertThat(w47.reflection().proudOfShowingUp()).isFalse();
        assertThat(w47.wins()).isEqualTo(4);
        WeekTrend w46 = trends.week(ALICE, YearWeek.parse("2026-W46"));
        assertThat(w46.wins()).isEqualTo(1);
        assertThat(w46.reflection())
                .as("the reflection stays with its own week")
                .isNull();

        applied(winCorrected(
                ALICE, "w3", 3, "Today I w3, back", FocusArea.REST, LocalDateTime.of(2026, 11, 20, 0, 0), BERLIN));

        assertThat(trends.week(ALICE, YearWeek.parse("2026-W47")).reflection().chosenWins())
                .extracting(WeekTrend.Win::text)
                .containsExactly("Today I w2", "Today I w3, back");
    }

    @Test
    void writing_a_weeks_reflection_again_replaces_it_and_a_reflection_of_a_quiet_week_is_a_week_of_zeros() {
        sixWinsInW47();
        applied(reflection(ALICE, "2026-W47", "First", List.of("w1", "w2", "w3", "w4", "w5"), true));
        applied(reflection(ALICE, "2026-W47", "Second thoughts", List.of("w6"), false));
        applied(reflection(ALICE, "2026-W45", "A quiet week, and I rested", List.of(), true));

        WeekTrend w47 = trends.week(ALICE, YearWeek.parse("2026-W47"));
        assertThat(w47.reflection().answer()).isEqualTo("Second thoughts");
        assertThat(w47.reflection().chosenWins()).extracting(WeekTrend.Win::id).containsExactly("w6");
        assertThat(w47.reflection().proudOfShowingUp()).isFalse();
        WeekTrend w45 = trends.week(ALICE, YearWeek.parse("2026-W45"));
        assertThat(w45.reflection().answer()).isEqualTo("A quiet week, and I rested");
        assertThat(w45.reflection().chosenWins()).isEmpty();
        assertThat(w45.reflection().proudOfShowingUp()).isTrue();
        assertThat(w45.wins()).isZero();
        assertThat(w45.checkIns()).isZero();
        assertThat(w45.daysShownUp()).isZero();
        assertThat(w45.mood()).isNull();
        assertThat(w45.winsOfTheWeek()).isEmpty();
        assertThat(store.weeks().find(new Document("_id", ALICE + "|2026-W45")).first())
                .containsEntry("daysShownUp", 0)
                .containsEntry("checkInsWithinWindow", 0)
                .containsEntry("wins", 0);
    }

    @Test
    void a_focus_area_chosen_in_a_week_applies_from_that_week_on_also_to_later_weeks_without_events_of_their_own() {
        applied(win(ALICE, "w44", FocusArea.BOUNDARIES, LocalDateTime.of(2026, 10, 27, 9, 0), BERLIN));
        applied(focus(
                ALICE,
                FocusArea.BOUNDARIES,
                StageOfChange.CONTEMPLATION,
                LocalDateTime.of(2026, 11, 4, 20, 0),
                BERLIN));
        applied(win(ALICE, "b1", FocusArea.BOUNDARIES, LocalDateTime.of(2026, 11, 10, 9, 0), BERLIN));
        applied(win(ALICE, "b2", FocusArea.BOUNDARIES, LocalDateTime.of(2026, 11, 11, 9, 0), BERLIN));
        applied(win(ALICE, "r1", FocusArea.REST, LocalDateTime.of(2026, 11, 12, 9, 0), BERLIN));
        applied(focus(ALICE, FocusArea.BOUNDARIES, StageOfChange.ACTION, LocalDateTime.of(2026, 11, 25, 8, 0), BERLIN));
        // back-dated into a week before the second choice, after it was made: that week keeps the first choice
        applied(win(ALICE, "b3", FocusArea.BOUNDARIES, LocalDateTime.of(2026, 11, 17, 9, 0), BERLIN));

        assertThat(trends.week(ALICE, YearWeek.parse("2026-W44")).focus())
                .as("before the first choice")
                .isNull();
        assertThat(trends.week(ALICE, YearWeek.parse("2026-W44")).winsInFocusArea())
                .isNull();
        WeekTrend w45 = trends.week(ALICE, YearWeek.parse("2026-W45"));
        assertThat(w45.focus()).isEqualTo(new WeekTrend.Focus("BOUNDARIES", "CONTEMPLATION", "2026-W45"));
        assertThat(w45.winsInFocusArea()).as("a quiet week is zeros").isZero();
        WeekTrend w46 = trends.week(ALICE, YearWeek.parse("2026-W46"));
        assertThat(w46.focus()).isEqualTo(new WeekTrend.Focus("BOUNDARIES", "CONTEMPLATION", "2026-W45"));
        assertThat(w46.winsInFocusArea()).isEqualTo(2);
        assertThat(trends.week(ALICE, YearWeek.parse("2026-W47")).focus().stage())
                .isEqualTo("CONTEMPLATION");
        assertThat(trends.week(ALICE, YearWeek.parse("2026-W47")).winsInFocusArea())
                .isEqualTo(1);
        assertThat(trends.week(ALICE, YearWeek.parse("2026-W48")).focus())
                .isEqualTo(new WeekTrend.Focus("BOUNDARIES", "ACTION", "2026-W48"));
        assertThat(trends.week(ALICE, YearWeek.parse("2026-W52")).focus())
                .as("a later week with no event of its own")
                .isEqualTo(new WeekTrend.Focus("BOUNDARIES", "ACTION", "2026-W48"));
        assertThat(trends.week(BOB, YearWeek.parse("2026-W48")).focus())
                .as("another person")
                .isNull();
        assertThat(trends.focusHistory(ALICE))
                .extracting(FocusChoice::week, FocusChoice::area, FocusChoice::stage)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2026-W45", "BOUNDARIES", "CONTEMPLATION"),
                        org.assertj.core.groups.Tuple.tuple("2026-W48", "BOUNDARIES", "ACTION"));
        assertThat(trends.weeks(ALICE, List.of(YearWeek.parse("2026-W48"), YearWeek.parse("2026-W46"))))
                .extracting(WeekTrend::week, WeekTrend::winsInFocusArea)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2026-W48", 0),
                        org.assertj.core.groups.Tuple.tuple("2026-W46", 2));
    }

    @Test
    void the_practices_events_are_exact_under_redelivery_overlapping_batches_and_a_replay_from_the_start() {
        List<EventEnvelope> events = List.of(
                win(ALICE, "w1", FocusArea.REST, LocalDateTime.of(2026, 11, 16, 9, 0), BERLIN),
                focus(ALICE, FocusArea.REST, StageOfChange.PREPARATION, LocalDateTime.of(2026, 11, 16, 10, 0), BERLIN),
                win(ALICE, "w2", FocusArea.REST, LocalDateTime.of(2026, 11, 17, 9, 0), BERLIN),
                reflection(ALICE, "2026-W47", "Slowly", List.of("w2", "w1"), true),
                win(ALICE, "w3", FocusArea.FEELINGS, LocalDateTime.of(2026, 11, 9, 9, 0), BERLIN),
                reflection(ALICE, "2026-W46", "Earlier week, written later", List.of("w3"), true),
                winCorrected(ALICE, "w1", 2, "Moved", FocusArea.REST, LocalDateTime.of(2026, 11, 10, 0, 0), BERLIN),
                focus(ALICE, FocusArea.FEELINGS, StageOfChange.ACTION, LocalDateTime.of(2026, 11, 18, 10, 0), BERLIN),
                retracted(ALICE, "w2", 2, EntryKind.WIN, LocalDateTime.of(2026, 11, 17, 0, 0), BERLIN),
                reflection(BOB, "2026-W47", "Bob's", List.of(), false));
        events.forEach(projection::apply);
        List<Document> oneByOne = snapshot();

        events.forEach(projection::apply);
        projection.apply(events);
        projection.apply(List.of(events.get(5), events.get(3), events.get(1)));
        assertThat(snapshot()).as("redelivered").isEqualTo(oneByOne);

        store.wipe();
        store.ensureIndexes();
        projection.apply(events.subList(0, 6));
        projection.apply(events.subList(2, 10));
        assertThat(snapshot()).as("overlapping batches").isEqualTo(oneByOne);

        store.wipe();
        store.ensureIndexes();
        projection.apply(events);
        assertThat(snapshot()).as("one batch, as a rebuild replays it").isEqualTo(oneByOne);

        WeekTrend w47 = trends.week(ALICE, YearWeek.parse("2026-W47"));
        assertThat(w47.reflection().chosenWins())
                .as("w2 retracted, w1 moved to W46")
                .isEmpty();
        assertThat(w47.reflection().answer()).isEqualTo("Slowly");
        assertThat(w47.focus()).isEqualTo(new WeekTrend.Focus("FEELINGS", "ACTION", "2026-W47"));
        WeekTrend w46 = trends.week(ALICE, YearWeek.parse("2026-W46"));
        assertThat(w46.reflection().chosenWins()).extracting(WeekTrend.Win::id).containsExactly("w3");
        assertThat(w46.focus()).isNull();
        assertThat(w46.wins()).isEqualTo(2);
        assertThat(trends.week(BOB, YearWeek.parse("2026-W47")).reflection().answer())
                .isEqualTo("Bob's");
    }

    @Test
    void an_entry_sharing_its_id_with_a_journal_level_event_is_not_mistaken_for_it() {
        EventEnvelope chosen =
                focus(ALICE, FocusArea.REST, StageOfChange.ACTION, LocalDateTime.of(2026, 11, 16, 10, 0), BERLIN);
        EventEnvelope written = reflection(ALICE, "2026-W47", "x", List.of(), true);
        String focusId = chosen.payload().entryId();
        String reflectionId = written.payload().entryId();
        applied(win(ALICE, focusId, FocusArea.REST, LocalDateTime.of(2026, 11, 16, 9, 0), BERLIN));
        applied(win(ALICE, reflectionId, FocusArea.REST, LocalDateTime.of(2026, 11, 17, 9, 0), BERLIN));

        applied(chosen);
        applied(written);

        WeekTrend w47 = trends.week(ALICE, YearWeek.parse("2026-W47"));
        assertThat(w47.wins()).isEqualTo(focusId.equals(reflectionId) ? 1 : 2);
        assertThat(w47.winsInFocusArea()).isEqualTo(w47.wins());
        assertThat(timeline.entry(ALICE, focusId)).isPresent();
        assertThat(timeline.history(ALICE, focusId).orElseThrow().versions()).hasSize(1);
    }

    @Test
    void the_whole_history_records_the_practices_events_without_the_answer_the_chosen_wins_or_the_area() {
        applied(focus(
                ALICE,
                FocusArea.SELF_COMPASSION,
                StageOfChange.PRECONTEMPLATION,
                LocalDateTime.of(2026, 11, 16, 10, 0),
                BERLIN));
        applied(reflection(ALICE, "2026-W47", "A private sentence", List.of(), true));
        applied(win(ALICE, "w-secret-id", FocusArea.REST, LocalDateTime.of(2026, 11, 17, 9, 0), BERLIN));
        applied(reflection(ALICE, "2026-W47", null, List.of("w-secret-id"), false));

        List<HistoryEvent> all = new HistoryQueries(store).page(ALICE, 10, null).items();

        assertThat(all)
                .extracting(HistoryEvent::type)
                .containsExactly("WeeklyReflectionWritten", "WinLogged", "WeeklyReflectionWritten", "FocusAreaChosen");
        assertThat(all)
                .extracting(HistoryEvent::summary)
                .containsExactly(
                        "Weekly reflection written for 2026-W47",
                        "Win logged",
                        "Weekly reflection written for 2026-W47",
                        "Focus area chosen");
        assertThat(all.get(0).entryId())
                .as("a journal-level event is about no entry")
                .isNull();
        assertThat(all.get(3).entryId()).isNull();
        assertThat(all.toString())
                .doesNotContain("private")
                .doesNotContain("SELF_COMPASSION")
                .doesNotContain("PRECONTEMPLATION");
    }

    @Test
    void an_erasure_purges_the_focus_history_and_the_reflections_and_a_replay_brings_none_back() {
        List<EventEnvelope> journal = List.of(
                win(ALICE, "w1", FocusArea.REST, LocalDateTime.of(2026, 11, 16, 9, 0), BERLIN),
                focus(ALICE, FocusArea.REST, StageOfChange.ACTION, LocalDateTime.of(2026, 11, 16, 10, 0), BERLIN),
                reflection(ALICE, "2026-W45", "Quiet", List.of(), true),
                reflection(ALICE, "2026-W47", "Rest", List.of("w1"), true));
        journal.forEach(projection::apply);
        applied(focus(BOB, FocusArea.BOUNDARIES, StageOfChange.ACTION, LocalDateTime.of(2026, 11, 16, 10, 0), BERLIN));
        EventEnvelope erased = applied(erasure(ALICE));

        assertThat(store.focus().countDocuments(new Document("_id", ALICE))).isZero();
        assertThat(store.weeks().countDocuments(new Document("userId", ALICE))).isZero();
        assertThat(trends.week(ALICE, YearWeek.parse("2026-W47")).focus()).isNull();
        assertThat(trends.week(ALICE, YearWeek.parse("2026-W45")).reflection()).isNull();
        assertThat(trends.week(BOB, YearWeek.parse("2026-W47")).focus())
                .as("everyone else kept")
                .isNotNull();

        projection.apply(journal); // redelivered after the erasure
        projection.apply(erased);
        assertThat(store.focus().countDocuments(new Document("_id", ALICE))).isZero();
        assertThat(trends.week(ALICE, YearWeek.parse("2026-W47")).reflection()).isNull();
    }

    @Test
    void a_reflection_and_a_focus_written_into_an_emptied_read_store_are_forgotten_so_the_replay_rebuilds_them_whole() {
        List<EventEnvelope> earlier = List.of(
                win(ALICE, "w1", FocusArea.REST, LocalDateTime.of(2026, 11, 16, 9, 0), BERLIN),
                focus(ALICE, FocusArea.REST, StageOfChange.ACTION, LocalDateTime.of(2026, 11, 9, 10, 0), BERLIN));
        List<EventEnvelope> later = List.of(
                reflection(ALICE, "2026-W45", "Quiet", List.of(), true),
                focus(
                        ALICE,
                        FocusArea.BOUNDARIES,
                        StageOfChange.PREPARATION,
                        LocalDateTime.of(2026, 11, 23, 10, 0),
                        BERLIN));
        projection.apply(earlier);
        store.wipe();
        store.ensureIndexes();
        projection.apply(later);

        projection.forget(later);
        assertThat(snapshot()).isEmpty();
        projection.apply(earlier);
        projection.apply(later);

        assertThat(trends.focusHistory(ALICE)).extracting(FocusChoice::stage).containsExactly("ACTION", "PREPARATION");
        assertThat(trends.week(ALICE, YearWeek.parse("2026-W47")).focus().area())
                .isEqualTo("REST");
        assertThat(trends.week(ALICE, YearWeek.parse("2026-W45")).reflection().answer())
                .isEqualTo("Quiet");
    }

    // Issue 14: the journal-level events (the focus, the weekly reflection) are in the whole history and on no entry's
    // timeline; they count in no week's totals (the reflection is kept on its week, the focus in the focus history).
    @Test
    void a_focus_choice_and_a_reflection_are_in_the_whole_history_without_their_content_and_are_no_entry() {
        LocalDateTime monday = LocalDateTime.of(2026, 11, 16, 9, 0);
        applied(win(ALICE, "w1", FocusArea.BOUNDARIES, monday, BERLIN));
        applied(envelope(
                ALICE,
                new FocusAreaChosen(FocusArea.BOUNDARIES, StageOfChange.CONTEMPLATION),
                Occurred.at(monday.plusHours(1).atZone(BERLIN).toInstant(), BERLIN)));
        EventEnvelope reflection = envelope(
                ALICE,
                new WeeklyReflectionWritten("2026-W47", "A private answer", List.of("w1"), true),
                Occurred.at(monday.plusHours(2).atZone(BERLIN).toInstant(), BERLIN));
        applied(reflection);
        applied(reflection); // redelivered

        List<HistoryEvent> all = new HistoryQueries(store).page(ALICE, 10, null).items();

        assertThat(all).extracting(HistoryEvent::sequence).containsExactly(3L, 2L, 1L);
        assertThat(all)
                .extracting(HistoryEvent::summary)
                .containsExactly("Weekly reflection written for 2026-W47", "Focus area chosen", "Win logged");
        assertThat(all)
                .extracting(HistoryEvent::type)
                .containsExactly("WeeklyReflectionWritten", "FocusAreaChosen", "WinLogged");
        assertThat(all).extracting(HistoryEvent::entryId).containsExactly(null, null, "w1");
        assertThat(all.toString()).doesNotContain("private", "BOUNDARIES", "CONTEMPLATION");
        assertThat(store.timeline().countDocuments(new Document("userId", ALICE)))
                .isEqualTo(1);
        WeekTrend week = trends.week(ALICE, YearWeek.of(2026, 47));
        assertThat(week.wins()).isEqualTo(1);
        assertThat(week.daysShownUp()).isEqualTo(1);
        assertThat(week.reflection().chosenWins()).extracting(WeekTrend.Win::id).containsExactly("w1");
        assertThat(week.focus()).isEqualTo(new WeekTrend.Focus("BOUNDARIES", "CONTEMPLATION", "2026-W47"));
        assertThat(store.journals().find(new Document("_id", ALICE)).first().get("lastSequence"))
                .isEqualTo(3L);
    }

    // --- issue 15: the changes feed ---

    /** Every change of the person after {@code after}, read {@code limit} at a time as an app would. */
    List<ChangePage> changePages(String user, long after, int limit) {
        ChangeQueries changes = new ChangeQueries(store);
        List<ChangePage> pages = new ArrayList<>();
        ChangePage page;
        do {
            page = changes.page(user, after, limit);
            if (page.hasMore()) {
                assertThat(page.nextAfter())
                        .as("a page with more after it moves on")
                        .isGreaterThan(after);
            }
            pages.add(page);
            after = page.nextAfter();
        } while (page.hasMore());
        return pages;
    }

    /** What an app's local copy holds after applying the changes in order: entries by id. */
    static Map<String, TimelineEntry> appliedInOrder(List<Change> changes) {
        Map<String, TimelineEntry> copy = new java.util.LinkedHashMap<>();
        for (Change change : changes) {
            switch (change.change()) {
                case ENTRY_SAVED -> copy.put(change.entry().id(), change.entry());
                case ENTRY_RETRACTED -> copy.remove(change.retracted().id());
                case JOURNAL_ERASED -> copy.clear();
                case FOCUS_CHOSEN, REFLECTION_WRITTEN -> {
                    // not entries: see the_focus_and_the_weekly_reflections_come_as_changes_of_their_own
                }
            }
        }
        return copy;
    }

    @Test
    void
            the_changes_feed_pages_by_sequence_with_every_change_once_in_order_and_an_app_applying_them_holds_the_timeline() {
        applied(win(ALICE, "w1", FocusArea.REST, LocalDateTime.of(2026, 11, 18, 9, 0), BERLIN));
        applied(win(BOB, "b1", FocusArea.REST, LocalDateTime.of(2026, 11, 18, 9, 0), BERLIN));
        projection.apply(List.of(
                checkIn(ALICE, "c1", 2, 2, ToleranceWindow.WITHIN, LocalDateTime.of(2026, 11, 18, 8, 0), BERLIN),
                winCorrected(
                        ALICE,
                        "w1",
                        2,
                        "Today I rested, really",
                        FocusArea.SELF_COMPASSION,
                        LocalDateTime.of(2026, 11, 9, 7, 0),
                        BERLIN),
                win(BOB, "b2", FocusArea.REST, LocalDateTime.of(2026, 11, 19, 9, 0), BERLIN),
                checkInCorrected(
                        ALICE, "c1", 2, 4, 2, ToleranceWindow.WITHIN, LocalDateTime.of(2026, 11, 18, 8, 30), BERLIN)));
        applied(retracted(ALICE, "c1", 3, EntryKind.CHECK_IN, LocalDateTime.of(2026, 11, 18, 8, 30), BERLIN));
        applied(win(ALICE, "w2", FocusArea.BOUNDARIES, LocalDateTime.of(2026, 11, 20, 21, 0), BERLIN));
        applied(win(ALICE, "w3", FocusArea.REST, LocalDateTime.of(2026, 11, 21, 21, 0), BERLIN));

        List<ChangePage> pages = changePages(ALICE, 0, 2);

        assertThat(pages).extracting(ChangePage::nextAfter).containsExactly(2L, 4L, 6L, 7L);
        assertThat(pages).extracting(ChangePage::hasMore).containsExactly(true, true, true, false);
        List<Change> all = pages.stream().flatMap(p -> p.items().stream()).toList();
        assertThat(all).extracting(Change::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(all)
                .extracting(Change::type)
                .containsExactly(
                        "WinLogged",
                        "CheckInRecorded",
                        "WinCorrected",
                        "CheckInCorrected",
                        "EntryRetracted",
                        "WinLogged",
                        "WinLogged");
        Change corrected = all.get(2);
        assertThat(corrected.change()).isEqualTo(Change.Kind.ENTRY_SAVED);
        assertThat(corrected.entry().id()).isEqualTo("w1");
        assertThat(corrected.entry().sequence())
                .as("the sequence it was logged with")
                .isEqualTo(1);
        assertThat(corrected.entry().version()).isEqualTo(2);
        assertThat(corrected.entry().day()).isEqualTo("2026-11-09");
        assertThat(corrected.entry().win().text()).isEqualTo("Today I rested, really");
        assertThat(corrected.entry().win().focusArea()).isEqualTo("SELF_COMPASSION");
        assertThat(corrected.entry().corrected().version()).isEqualTo(2);
        assertThat(all.get(0).entry().win().text())
                .as("the first change is the win as logged")
                .isEqualTo("Today I w1");
        assertThat(all.get(0).entry().corrected()).isNull();
        Change tombstone = all.get(4);
        assertThat(tombstone.change()).isEqualTo(Change.Kind.ENTRY_RETRACTED);
        assertThat(tombstone.entry()).isNull();
        assertThat(tombstone.retracted()).isEqualTo(new Change.Tombstone("c1", "CHECK_IN", 3, "DUPLICATE"));
        assertThat(all).allSatisfy(change -> assertThat(change.recorded()).isNotNull());

        TimelinePage now = timeline.page(ALICE, null, null, null, 100, null);
        assertThat(appliedInOrder(all))
                .as("an app that applied every change in order holds exactly the timeline as it stands")
                .containsOnlyKeys("w1", "w2", "w3")
                .containsValues(now.items().toArray(TimelineEntry[]::new));
        assertThat(now.items()).hasSize(3);
        for (TimelineEntry entry : now.items()) {
            assertThat(timeline.entry(ALICE, entry.id()))
                    .contains(appliedInOrder(all).get(entry.id()));
        }
    }

    @Test
    void the_changes_after_a_sequence_start_right_after_it_and_after_the_latest_there_are_none() {
        for (int i = 1; i <= 5; i++) {
            applied(win(ALICE, "w" + i, FocusArea.REST, LocalDateTime.of(2026, 11, 16, 9, i), BERLIN));
        }
        ChangeQueries changes = new ChangeQueries(store);

        assertThat(changes.page(ALICE, 3, 10).items())
                .extracting(Change::sequence)
                .containsExactly(4L, 5L);
        assertThat(changes.page(ALICE, 3, 10).nextAfter()).isEqualTo(5);
        ChangePage caughtUp = changes.page(ALICE, 5, 10);
        assertThat(caughtUp.items()).isEmpty();
        assertThat(caughtUp.hasMore()).isFalse();
        assertThat(caughtUp.nextAfter()).as("nothing new: the same after again").isEqualTo(5);
        assertThat(changes.latest(ALICE)).isEqualTo(5);
        assertThat(changes.page("carol", 0, 10)).isEqualTo(new ChangePage(List.of(), false, 0));
        assertThat(changes.latest("carol")).isZero();
    }

    @Test
    void another_persons_changes_never_appear_even_at_the_same_sequences() {
        applied(win(ALICE, "a1", FocusArea.REST, LocalDateTime.of(2026, 11, 18, 9, 0), BERLIN));
        applied(win(BOB, "b1", FocusArea.REST, LocalDateTime.of(2026, 11, 18, 9, 0), BERLIN));
        applied(win(BOB, "b2", FocusArea.REST, LocalDateTime.of(2026, 11, 18, 10, 0), BERLIN));
        applied(retracted(BOB, "b1", 2, EntryKind.WIN, LocalDateTime.of(2026, 11, 18, 9, 0), BERLIN));

        List<Change> alices = changePages(ALICE, 0, 100).get(0).items();
        List<Change> bobs = changePages(BOB, 0, 100).get(0).items();

        assertThat(alices).extracting(c -> c.entry().id()).containsExactly("a1");
        assertThat(bobs).extracting(Change::sequence).containsExactly(1L, 2L, 3L);
        assertThat(bobs.toString()).doesNotContain("a1");
        assertThat(alices.toString()).doesNotContain("b1").doesNotContain("b2");
    }

    @Test
    void after_an_erasure_the_feed_starts_with_the_erasure_so_an_app_that_was_behind_forgets_its_copy() {
        applied(win(ALICE, "w1", FocusArea.REST, LocalDateTime.of(2026, 11, 18, 9, 0), BERLIN));
        applied(win(ALICE, "w2", FocusArea.REST, LocalDateTime.of(2026, 11, 18, 10, 0), BERLIN));
        EventEnvelope erased = applied(erasure(ALICE));
        applied(win(ALICE, "w1", FocusArea.BOUNDARIES, LocalDateTime.of(2026, 11, 19, 9, 0), BERLIN));

        for (long after : new long[] {0, 1, 2}) {
            List<Change> changes = changePages(ALICE, after, 1).stream()
                    .flatMap(p -> p.items().stream())
                    .toList();
            assertThat(changes).extracting(Change::sequence).containsExactly(3L, 4L);
            assertThat(changes.get(0).change()).isEqualTo(Change.Kind.JOURNAL_ERASED);
            assertThat(changes.get(0).type()).isEqualTo("JournalErased");
            assertThat(changes.get(0).sequence()).isEqualTo(erased.sequence());
            assertThat(appliedInOrder(changes)).containsOnlyKeys("w1");
            assertThat(appliedInOrder(changes).get("w1").win().focusArea()).isEqualTo("BOUNDARIES");
        }
        assertThat(changePages(ALICE, 3, 10).get(0).items())
                .extracting(Change::sequence)
                .containsExactly(4L);
    }

    @Test
    void a_redelivered_batch_leaves_the_changes_feed_as_it_was() {
        List<EventEnvelope> batch = List.of(
                win(ALICE, "w1", FocusArea.REST, LocalDateTime.of(2026, 11, 18, 9, 0), BERLIN),
                winCorrected(ALICE, "w1", 2, "Again", FocusArea.REST, LocalDateTime.of(2026, 11, 18, 9, 0), BERLIN),
                retracted(ALICE, "w1", 3, EntryKind.WIN, LocalDateTime.of(2026, 11, 18, 9, 0), BERLIN));
        projection.apply(batch);
        List<ChangePage> before = changePages(ALICE, 0, 100);

        projection.apply(batch);
        projection.apply(batch.subList(1, 3));

        assertThat(changePages(ALICE, 0, 100)).isEqualTo(before);
        assertThat(before.get(0).items())
                .extracting(Change::change)
                .containsExactly(Change.Kind.ENTRY_SAVED, Change.Kind.ENTRY_SAVED, Change.Kind.ENTRY_RETRACTED);
    }

    @Test
    void the_focus_and_the_weekly_reflections_come_as_changes_of_their_own_in_their_place_in_the_sequence() {
        LocalDateTime monday = LocalDateTime.of(2026, 11, 16, 9, 0);
        applied(win(ALICE, "w1", FocusArea.BOUNDARIES, monday, BERLIN));
        applied(envelope(
                ALICE,
                new FocusAreaChosen(FocusArea.BOUNDARIES, StageOfChange.CONTEMPLATION),
                Occurred.at(monday.plusDays(6).atZone(BERLIN).toInstant(), BERLIN)));
        applied(envelope(
                ALICE,
                new WeeklyReflectionWritten("2026-W47", "I said no twice", List.of("w1"), true),
                Occurred.at(monday.plusDays(7).atZone(BERLIN).toInstant(), BERLIN)));
        applied(envelope(
                ALICE,
                new WeeklyReflectionWritten("2026-W47", null, List.of(), false),
                Occurred.at(monday.plusDays(8).atZone(BERLIN).toInstant(), BERLIN)));
        applied(envelope(
                BOB,
                new FocusAreaChosen(FocusArea.REST, StageOfChange.ACTION),
                Occurred.at(monday.atZone(BERLIN).toInstant(), BERLIN)));

        List<Change> changes = changePages(ALICE, 1, 2).stream()
                .flatMap(p -> p.items().stream())
                .toList();

        assertThat(changes).extracting(Change::sequence).containsExactly(2L, 3L, 4L);
        assertThat(changes)
                .extracting(Change::change)
                .containsExactly(
                        Change.Kind.FOCUS_CHOSEN, Change.Kind.REFLECTION_WRITTEN, Change.Kind.REFLECTION_WRITTEN);
        assertThat(changes.get(0).focus())
                .as("chosen on Sunday 22 November: week 47")
                .isEqualTo(new Change.Focus("BOUNDARIES", "CONTEMPLATION", "2026-W47"));
        assertThat(changes.get(0).type()).isEqualTo("FocusAreaChosen");
        assertThat(changes.get(1).reflection())
                .isEqualTo(new Change.Reflection("2026-W47", "I said no twice", List.of("w1"), true));
        assertThat(changes.get(2).reflection())
                .as("the week's reflection as rewritten: no answer, no wins")
                .isEqualTo(new Change.Reflection("2026-W47", null, List.of(), false));
        assertThat(changes).allSatisfy(change -> {
            assertThat(change.entry()).isNull();
            assertThat(change.retracted()).isNull();
        });
        assertThat(changePages(BOB, 0, 10).get(0).items())
                .extracting(Change::focus)
                .containsExactly(new Change.Focus("REST", "ACTION", "2026-W47"));
    }

    @Test
    void a_consent_given_and_withdrawn_is_in_the_whole_history_keeps_the_zone_and_the_summary_knows_the_weeks() {
        LocalDateTime monday = LocalDateTime.of(2026, 11, 16, 9, 0);
        applied(win(ALICE, "w1", FocusArea.BOUNDARIES, monday, BERLIN));
        applied(envelope(
                ALICE,
                new AnalyticsConsentGiven(),
                Occurred.at(monday.plusHours(1).atZone(UTC).toInstant(), UTC)));
        EventEnvelope withdrawn = envelope(
                ALICE,
                new AnalyticsConsentWithdrawn(),
                Occurred.at(monday.plusHours(2).atZone(UTC).toInstant(), UTC));
        applied(withdrawn);
        applied(withdrawn); // redelivered

        List<HistoryEvent> all = new HistoryQueries(store).page(ALICE, 10, null).items();

        assertThat(all)
                .extracting(HistoryEvent::summary)
                .containsExactly("Consent to analytics withdrawn", "Consent to analytics given", "Win logged");
        assertThat(all).extracting(HistoryEvent::entryId).containsExactly(null, null, "w1");
        Document summary = store.journals().find(new Document("_id", ALICE)).first();
        assertThat(summary.getString("zone")).isEqualTo(BERLIN.getId()); // a consent is made in no zone of theirs
        assertThat(summary.get("analytics", Document.class))
                .containsEntry("consenting", false)
                .containsEntry("weeks", List.of("2026-W47"));
        assertThat(store.timeline().countDocuments(new Document("userId", ALICE)))
                .isEqualTo(1);
    }
}
