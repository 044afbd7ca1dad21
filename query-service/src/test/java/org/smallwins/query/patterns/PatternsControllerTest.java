package org.smallwins.query.patterns;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.smallwins.journal.week.Weeks;
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

/** The patterns endpoint on its own: the number of weeks asked for, and what a client sees of a quiet week. */
@WebMvcTest(
        controllers = PatternsController.class,
        properties = "spring.security.oauth2.resourceserver.jwt.issuer-uri=https://issuer.test")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PatternsControllerTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    PatternQueries queries;

    @MockitoBean
    JwtDecoder tokens;

    @MockitoBean
    ReadYourWrites visibility;

    MockHttpServletRequestBuilder asAlice(MockHttpServletRequestBuilder request) {
        return request.with(jwt().jwt(token -> token.subject("alice")));
    }

    static ResultActions refused(ResultActions response, String type, String field, String rule) throws Exception {
        return response.andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://smallwins.dev/problems/" + type))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].rule").value(rule));
    }

    static PersonPatterns quiet(int count) {
        return Patterns.of(
                Weeks.ending(YearWeek.of(2026, 48), count).stream()
                        .map(Figures::quiet)
                        .toList(),
                List.of());
    }

    @Test
    void twelve_weeks_are_asked_for_by_default_after_waiting_for_the_callers_write() throws Exception {
        given(queries.patterns("alice", 12)).willReturn(quiet(12));

        http.perform(asAlice(get("/api/patterns").param("after", "7")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.weeks.length()").value(12))
                .andExpect(jsonPath("$.weeks[0].week").value("2026-W37"))
                .andExpect(jsonPath("$.weeks[11].week").value("2026-W48"))
                .andExpect(jsonPath("$.weeks[11].weekStart").value("2026-11-23"))
                .andExpect(jsonPath("$.weeks[11].wins").value(0))
                .andExpect(jsonPath("$.weeks[11].checkIns").value(0))
                .andExpect(jsonPath("$.weeks[11].daysShownUp").value(0))
                .andExpect(jsonPath("$.weeks[11].reflectionWritten").value(false))
                // a quiet week has no averages: absent, never a 0 pretending to be a mood
                .andExpect(jsonPath("$.weeks[11].moodAverage").doesNotExist())
                .andExpect(jsonPath("$.weeks[11].energyAverage").doesNotExist())
                .andExpect(jsonPath("$.weeks[11].shareWithinWindow").doesNotExist())
                .andExpect(jsonPath("$.weeks[11].focusArea").doesNotExist())
                .andExpect(jsonPath("$.weeks[11].winsInFocusArea").doesNotExist())
                .andExpect(jsonPath("$.hardWeeks.length()").value(0))
                .andExpect(jsonPath("$.whatSeemsToHelp.length()").value(0))
                .andExpect(jsonPath("$.focusOverTime.length()").value(0));

        InOrder order = inOrder(visibility, queries);
        order.verify(visibility).awaitSequence("alice", 7);
        order.verify(queries).patterns("alice", 12);
    }

    @Test
    void one_and_104_weeks_are_served() throws Exception {
        given(queries.patterns("alice", 1)).willReturn(quiet(1));
        given(queries.patterns("alice", 104)).willReturn(quiet(104));

        http.perform(asAlice(get("/api/patterns").param("weeks", "1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.weeks.length()").value(1));
        http.perform(asAlice(get("/api/patterns").param("weeks", "104")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.weeks.length()").value(104));
    }

    @Test
    void weeks_outside_1_to_104_or_not_a_number_are_refused_before_anything_is_read() throws Exception {
        refused(
                        http.perform(asAlice(get("/api/patterns").param("weeks", "0"))),
                        "invalid-query",
                        "weeks",
                        "weeks.range")
                .andExpect(jsonPath("$.detail").value("Use 1 to 104 weeks."));
        refused(
                http.perform(asAlice(get("/api/patterns").param("weeks", "105"))),
                "invalid-query",
                "weeks",
                "weeks.range");
        refused(http.perform(asAlice(get("/api/patterns").param("weeks", "twelve"))), "wrong-type", "weeks", "type");
        refused(
                http.perform(asAlice(get("/api/patterns").param("after", "-1"))),
                "invalid-query",
                "after",
                "sequence.negative");
        verifyNoInteractions(queries);
    }

    @Test
    void without_a_token_nothing_is_read() throws Exception {
        http.perform(get("/api/patterns")).andExpect(status().isUnauthorized());
        verifyNoInteractions(queries);
    }

    @Test
    void the_callers_own_subject_is_the_only_person_asked_about() throws Exception {
        given(queries.patterns(anyString(), anyInt())).willReturn(quiet(12));

        http.perform(asAlice(get("/api/patterns"))).andExpect(status().isOk());

        org.mockito.Mockito.verify(queries).patterns("alice", 12);
    }
}
