package org.smallwins.query.trends;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.smallwins.query.visibility.ReadYourWrites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.threeten.extra.YearWeek;

/** The weekly trends and weekly review endpoints on their own: weeks named in requests, and what a client sees. */
@WebMvcTest(
        controllers = TrendsController.class,
        properties = "spring.security.oauth2.resourceserver.jwt.issuer-uri=https://issuer.test")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TrendsControllerTest {

    static final Map<String, Integer> WINDOWS = Map.of("WITHIN", 1, "HYPERAROUSED", 0, "HYPOAROUSED", 1);

    @Autowired
    MockMvc http;

    @MockitoBean
    TrendQueries queries;

    @MockitoBean
    JwtDecoder tokens;

    @MockitoBean
    ReadYourWrites visibility;

    MockHttpServletRequestBuilder asAlice(MockHttpServletRequestBuilder request) {
        return request.with(jwt().jwt(token -> token.subject("alice")));
    }

    static WeekTrend quiet(String week, String monday, String sunday) {
        return new WeekTrend(
                week,
                monday,
                sunday,
                0,
                Map.of(),
                0,
                null,
                null,
                Map.of("WITHIN", 0, "HYPERAROUSED", 0, "HYPOAROUSED", 0),
                0,
                null,
                WeekTrend.CLOSING_LINE);
    }

    static ResultActions refused(ResultActions response, String field, String rule) throws Exception {
        return response.andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://smallwins.dev/problems/invalid-query"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].code").value(rule));
    }

    @Test
    void the_series_ends_this_week_by_default_and_shows_quiet_weeks_as_zeros() throws Exception {
        given(queries.series("alice", null, 12))
                .willReturn(List.of(
                        quiet("2026-W47", "2026-11-16", "2026-11-22"),
                        new WeekTrend(
                                "2026-W48",
                                "2026-11-23",
                                "2026-11-29",
                                3,
                                Map.of("REST", 2, "BOUNDARIES", 1),
                                2,
                                new WeekTrend.Mood(2.5, 2, 3),
                                3.0,
                                WINDOWS,
                                4,
                                null,
                                WeekTrend.CLOSING_LINE)));

        http.perform(asAlice(get("/api/trends/weeks")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$[0].week").value("2026-W47"))
                .andExpect(jsonPath("$[0].wins").value(0))
                .andExpect(jsonPath("$[0].daysShownUp").value(0))
                .andExpect(jsonPath("$[0].mood").doesNotExist())
                .andExpect(jsonPath("$[1].weekStart").value("2026-11-23"))
                .andExpect(jsonPath("$[1].weekEnd").value("2026-11-29"))
                .andExpect(jsonPath("$[1].winsByFocusArea.REST").value(2))
                .andExpect(jsonPath("$[1].mood.average").value(2.5))
                .andExpect(jsonPath("$[1].energyAverage").value(3.0))
                .andExpect(jsonPath("$[1].windowOfTolerance.HYPOAROUSED").value(1))
                .andExpect(jsonPath("$[1].daysShownUp").value(4))
                .andExpect(jsonPath("$[1].winsOfTheWeek").doesNotExist());
    }

    @Test
    void until_and_count_reach_the_queries_as_a_week_and_a_number() throws Exception {
        given(queries.series(any(), any(), anyInt())).willReturn(List.of());

        http.perform(asAlice(get("/api/trends/weeks").param("until", "2026-W01").param("count", "104")))
                .andExpect(status().isOk());

        verify(queries).series("alice", YearWeek.of(2026, 1), 104);
    }

    @Test
    void a_count_outside_1_to_104_is_refused() throws Exception {
        refused(http.perform(asAlice(get("/api/trends/weeks").param("count", "0"))), "count", "count.range");
        refused(http.perform(asAlice(get("/api/trends/weeks").param("count", "105"))), "count", "count.range")
                .andExpect(jsonPath("$.detail").value("Use 1 to 104 weeks."));
        verifyNoInteractions(queries);
    }

    @Test
    void an_until_that_is_not_a_week_is_refused_with_the_weeks_format() throws Exception {
        refused(http.perform(asAlice(get("/api/trends/weeks").param("until", "2026-48"))), "until", "until.format")
                .andExpect(jsonPath("$.detail").value("Use an ISO week such as 2026-W48."));
        refused(http.perform(asAlice(get("/api/trends/weeks").param("until", "2025-W53"))), "until", "until.format");
        verifyNoInteractions(queries);
    }

    @Test
    void one_week_is_served_with_its_wins_and_the_closing_line_for_the_weekly_review() throws Exception {
        given(queries.week("alice", YearWeek.of(2026, 53)))
                .willReturn(new WeekTrend(
                        "2026-W53",
                        "2026-12-28",
                        "2027-01-03",
                        1,
                        Map.of("SELF_COMPASSION", 1),
                        0,
                        null,
                        null,
                        WINDOWS,
                        1,
                        List.of(new WeekTrend.Win(
                                "w-9", "2027-01-01", "Forgave myself for a slow start", "SELF_COMPASSION", List.of())),
                        WeekTrend.CLOSING_LINE));

        http.perform(asAlice(get("/api/trends/weeks/2026-W53")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.week").value("2026-W53"))
                .andExpect(jsonPath("$.weekEnd").value("2027-01-03"))
                .andExpect(jsonPath("$.winsOfTheWeek[0].id").value("w-9"))
                .andExpect(jsonPath("$.winsOfTheWeek[0].text").value("Forgave myself for a slow start"))
                .andExpect(jsonPath("$.closingLine").value("I'm proud of myself for showing up."));
    }

    @Test
    void current_is_this_week_in_the_callers_own_zone() throws Exception {
        given(queries.currentWeek("alice")).willReturn(YearWeek.of(2026, 49));
        given(queries.week("alice", YearWeek.of(2026, 49))).willReturn(quiet("2026-W49", "2026-11-30", "2026-12-06"));

        http.perform(asAlice(get("/api/trends/weeks/current")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.week").value("2026-W49"));
    }

    @Test
    void a_week_that_does_not_exist_or_is_not_a_week_id_is_refused() throws Exception {
        refused(http.perform(asAlice(get("/api/trends/weeks/2025-W53"))), "week", "week.format");
        refused(http.perform(asAlice(get("/api/trends/weeks/2026-W00"))), "week", "week.format");
        refused(http.perform(asAlice(get("/api/trends/weeks/CURRENT"))), "week", "week.format");
        refused(http.perform(asAlice(get("/api/trends/weeks/last-week"))), "week", "week.format")
                .andExpect(jsonPath("$.detail").value("Use an ISO week such as 2026-W48."));
        verifyNoInteractions(queries);
    }

    @Test
    void without_a_token_nothing_is_read() throws Exception {
        http.perform(get("/api/trends/weeks/current"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(queries);
    }

    @Test
    void the_series_and_a_week_wait_for_a_writes_sequence_before_anything_is_read() throws Exception {
        YearWeek w48 = YearWeek.of(2026, 48);
        given(queries.currentWeek("alice")).willReturn(w48);
        given(queries.week("alice", w48)).willReturn(quiet("2026-W48", "2026-11-23", "2026-11-29"));
        given(queries.series("alice", null, 12)).willReturn(List.of());

        http.perform(asAlice(get("/api/trends/weeks").param("after", "4"))).andExpect(status().isOk());
        http.perform(asAlice(get("/api/trends/weeks/current").header("Journal-Sequence", "6")))
                .andExpect(status().isOk());

        InOrder order = org.mockito.Mockito.inOrder(visibility, queries);
        order.verify(visibility).awaitSequence("alice", 4);
        order.verify(queries).series("alice", null, 12);
        order.verify(visibility).awaitSequence("alice", 6);
        order.verify(queries).currentWeek("alice");
        order.verify(queries).week("alice", w48);
    }

    @Test
    void a_negative_sequence_or_a_bad_week_is_refused_before_any_wait() throws Exception {
        refused(http.perform(asAlice(get("/api/trends/weeks").param("after", "-2"))), "after", "sequence.negative");
        refused(http.perform(asAlice(get("/api/trends/weeks/2026-W00").param("after", "2"))), "week", "week.format");
        org.mockito.Mockito.verifyNoInteractions(queries, visibility);
    }

    @Test
    void a_week_shows_its_reflection_with_the_chosen_wins_and_the_focus_area_and_stage_current_at_its_end()
            throws Exception {
        WeekTrend.Win rested = new WeekTrend.Win("w-2", "2026-11-24", "Rested without guilt", "REST", List.of());
        WeekTrend.Win saidNo =
                new WeekTrend.Win("w-1", "2026-11-23", "Said no to a late call", "BOUNDARIES", List.of());
        given(queries.week("alice", YearWeek.of(2026, 48)))
                .willReturn(new WeekTrend(
                        "2026-W48",
                        "2026-11-23",
                        "2026-11-29",
                        2,
                        Map.of("REST", 1, "BOUNDARIES", 1),
                        0,
                        null,
                        null,
                        Map.of("WITHIN", 0, "HYPERAROUSED", 0, "HYPOAROUSED", 0),
                        2,
                        new WeekTrend.Focus("BOUNDARIES", "ACTION", "2026-W47"),
                        1,
                        List.of(saidNo, rested),
                        new WeekTrend.Reflection(
                                "By saying no kindly",
                                List.of(rested, saidNo),
                                true,
                                java.time.Instant.parse("2026-11-29T19:00:00Z")),
                        WeekTrend.CLOSING_LINE));

        http.perform(asAlice(get("/api/trends/weeks/2026-W48")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.focus.area").value("BOUNDARIES"))
                .andExpect(jsonPath("$.focus.stage").value("ACTION"))
                .andExpect(jsonPath("$.focus.since").value("2026-W47"))
                .andExpect(jsonPath("$.winsInFocusArea").value(1))
                .andExpect(jsonPath("$.reflection.answer").value("By saying no kindly"))
                .andExpect(jsonPath("$.reflection.chosenWins[0].id").value("w-2"))
                .andExpect(jsonPath("$.reflection.chosenWins[0].text").value("Rested without guilt"))
                .andExpect(jsonPath("$.reflection.chosenWins[1].id").value("w-1"))
                .andExpect(jsonPath("$.reflection.proudOfShowingUp").value(true))
                .andExpect(jsonPath("$.reflection.written").value("2026-11-29T19:00:00Z"))
                .andExpect(jsonPath("$.closingLine").value("I'm proud of myself for showing up."));
    }

    @Test
    void a_week_before_any_focus_area_and_without_a_reflection_leaves_them_out_and_says_nothing_of_a_gap()
            throws Exception {
        given(queries.week("alice", YearWeek.of(2026, 47))).willReturn(quiet("2026-W47", "2026-11-16", "2026-11-22"));

        String body = http.perform(asAlice(get("/api/trends/weeks/2026-W47")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.wins").value(0))
                .andExpect(jsonPath("$.daysShownUp").value(0))
                .andExpect(jsonPath("$.focus").doesNotExist())
                .andExpect(jsonPath("$.winsInFocusArea").doesNotExist())
                .andExpect(jsonPath("$.reflection").doesNotExist())
                .andReturn()
                .getResponse()
                .getContentAsString();
        org.assertj.core.api.Assertions.assertThat(body.toLowerCase(java.util.Locale.ROOT))
                .doesNotContain("missed")
                .doesNotContain("failed")
                .doesNotContain("streak")
                .doesNotContain("null");
    }

    @Test
    void a_reflection_without_an_answer_leaves_the_answer_out() throws Exception {
        given(queries.week("alice", YearWeek.of(2026, 47)))
                .willReturn(new WeekTrend(
                        "2026-W47",
                        "2026-11-16",
                        "2026-11-22",
                        0,
                        Map.of(),
                        0,
                        null,
                        null,
                        Map.of("WITHIN", 0, "HYPERAROUSED", 0, "HYPOAROUSED", 0),
                        0,
                        null,
                        null,
                        List.of(),
                        new WeekTrend.Reflection(
                                null, List.of(), false, java.time.Instant.parse("2026-11-22T19:00:00Z")),
                        WeekTrend.CLOSING_LINE));

        http.perform(asAlice(get("/api/trends/weeks/2026-W47")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reflection.answer").doesNotExist())
                .andExpect(jsonPath("$.reflection.chosenWins").isEmpty())
                .andExpect(jsonPath("$.reflection.proudOfShowingUp").value(false));
    }
}
