package org.smallwins.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.Occurred;
import org.smallwins.contract.WinLogged;

/** What a journal (the aggregate, the CRUD baseline) does with each of the four decisions. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DecisionTest {

    static final Decision.Event EVENT = new Decision.Event(
            new WinLogged("w1", "I rested", FocusArea.REST, List.of()),
            new Occurred(Instant.parse("2026-11-23T10:00:00Z"), LocalDate.of(2026, 11, 23), "Europe/Berlin"));

    @Test
    void a_record_gives_its_events_in_order() {
        Decision.Event second =
                new Decision.Event(new WinLogged("w2", "I said no", FocusArea.BOUNDARIES, List.of()), EVENT.occurred());
        assertThat(new Decision.Record(List.of(EVENT, second)).eventsOrThrow()).containsExactly(EVENT, second);
    }

    @Test
    void a_retry_gives_no_events() {
        assertThat(new Decision.AlreadyRecorded("w1").eventsOrThrow()).isEmpty();
    }

    @Test
    void a_conflict_is_thrown_naming_the_id() {
        assertThatThrownBy(() -> new Decision.Conflict("w1").eventsOrThrow())
                .isInstanceOfSatisfying(
                        EntryConflictException.class,
                        e -> assertThat(e.entryId()).isEqualTo("w1"));
    }

    @Test
    void a_refusal_is_thrown_with_every_rule() {
        List<Refusal> refusals = List.of(
                new Refusal("text", "text.too-long", "At most 500 characters."),
                new Refusal("zone", "zone.required", "A zone is needed."));
        assertThatThrownBy(() -> new Decision.Refused(refusals).eventsOrThrow())
                .isInstanceOfSatisfying(
                        EntryRefusedException.class,
                        e -> assertThat(e.refusals()).isEqualTo(refusals));
    }
}
