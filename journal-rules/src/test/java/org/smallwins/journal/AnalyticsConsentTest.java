package org.smallwins.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smallwins.journal.JournalDeciderTest.BERLIN;
import static org.smallwins.journal.JournalDeciderTest.NOW;
import static org.smallwins.journal.JournalDeciderTest.decide;
import static org.smallwins.journal.JournalDeciderTest.given;
import static org.smallwins.journal.JournalDeciderTest.nothing;
import static org.smallwins.journal.JournalDeciderTest.recorded;

import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.smallwins.contract.AnalyticsConsentGiven;
import org.smallwins.contract.AnalyticsConsentWithdrawn;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.Occurred;
import org.smallwins.contract.WinLogged;

/** Issue 16: the consent to analytics, a journal-level subject that nobody has until they give it. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AnalyticsConsentTest {

    static final SetAnalyticsConsent GIVE = new SetAnalyticsConsent(true);
    static final SetAnalyticsConsent WITHDRAW = new SetAnalyticsConsent(false);
    static final WinLogged WIN = new WinLogged("w1", "Today I asked for help", FocusArea.BOUNDARIES, List.of());

    @Test
    void nobody_consents_until_they_say_so_so_withdrawing_first_records_nothing() {
        assertThat(JournalDecider.consents(nothing())).isFalse();
        assertThat(decide(WITHDRAW, nothing())).isEqualTo(new Decision.AlreadyRecorded(AnalyticsConsentGiven.SUBJECT));
        assertThat(decide(WITHDRAW, given(WIN, Occurred.at(NOW, BERLIN)))).isInstanceOf(Decision.AlreadyRecorded.class);
    }

    @Test
    void giving_consent_is_recorded_now_in_the_persons_latest_zone() {
        assertThat(decide(GIVE, given(WIN, Occurred.at(NOW, BERLIN))))
                .isEqualTo(recorded(new AnalyticsConsentGiven(), Occurred.at(NOW, BERLIN)));
    }

    @Test
    void a_journal_without_a_zone_yet_may_consent_in_utc_and_the_consent_never_becomes_its_latest_zone() {
        var journal = nothing();
        Decision given = decide(GIVE, journal);

        assertThat(given).isEqualTo(recorded(new AnalyticsConsentGiven(), Occurred.at(NOW, ZoneId.of("UTC"))));
        journal.after(given);
        assertThat(journal.latestZone()).isEmpty();
        assertThat(JournalDecider.consents(journal)).isTrue();
    }

    @Test
    void the_same_answer_again_records_nothing_and_a_change_is_recorded_each_time() {
        var journal = given(WIN, Occurred.at(NOW, BERLIN));
        journal.after(decide(GIVE, journal));

        assertThat(decide(GIVE, journal)).isInstanceOf(Decision.AlreadyRecorded.class);
        Decision withdrawn = decide(WITHDRAW, journal);
        assertThat(withdrawn).isEqualTo(recorded(new AnalyticsConsentWithdrawn(), Occurred.at(NOW, BERLIN)));
        journal.after(withdrawn);
        assertThat(JournalDecider.consents(journal)).isFalse();
        assertThat(decide(WITHDRAW, journal)).isInstanceOf(Decision.AlreadyRecorded.class);
        assertThat(decide(GIVE, journal)).isInstanceOf(Decision.Record.class);
        assertThat(journal.subjects.get(AnalyticsConsentGiven.SUBJECT).version())
                .isEqualTo(2);
    }
}
