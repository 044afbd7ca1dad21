package org.smallwins.crud;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The baseline's reads on their own: the same refusals as the query service, before any SQL runs, and weeks computed
 * from the same weekly vocabulary (the SQL itself is exercised by the benchmark against PostgreSQL).
 */
@WebMvcTest(
        controllers = ReadController.class,
        properties = "spring.security.oauth2.resourceserver.jwt.issuer-uri=https://issuer.test")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReadControllerTest {

    /** Sunday 23:30 in UTC: already Monday of the next week in Auckland. */
    static final Instant NOW = Instant.parse("2026-11-29T23:30:00Z");

    @Autowired
    MockMvc http;

    @MockitoBean
    JdbcTemplate jdbc;

    @MockitoBean
    JwtDecoder tokens;

    @TestBean
    Clock clock;

    static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    MockHttpServletRequestBuilder asAlice(MockHttpServletRequestBuilder request) {
        return request.with(jwt().jwt(token -> token.subject("alice")));
    }

    static ResultActions refused(ResultActions response, String field, String rule) throws Exception {
        return response.andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://smallwins.dev/problems/invalid-query"))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].code").value(rule));
    }

    @Test
    void timeline_queries_that_cannot_be_used_are_refused_before_any_sql() throws Exception {
        refused(http.perform(asAlice(get("/api/timeline").param("kind", "MOOD"))), "kind", "kind.unknown");
        refused(http.perform(asAlice(get("/api/timeline").param("limit", "101"))), "limit", "limit.range");
        refused(http.perform(asAlice(get("/api/timeline").param("from", "yesterday"))), "from", "from.format");
        refused(
                http.perform(
                        asAlice(get("/api/timeline").param("from", "2026-11-10").param("to", "2026-11-09"))),
                "to",
                "to.before-from");
        refused(http.perform(asAlice(get("/api/timeline").param("cursor", "forged"))), "cursor", "cursor.invalid");
        verifyNoInteractions(jdbc);
    }

    @Test
    void weeks_that_cannot_be_used_are_refused_before_any_sql() throws Exception {
        refused(http.perform(asAlice(get("/api/trends/weeks").param("count", "105"))), "count", "count.range");
        refused(http.perform(asAlice(get("/api/trends/weeks").param("until", "2025-W53"))), "until", "until.format")
                .andExpect(jsonPath("$.detail").value("Use an ISO week such as 2026-W48."));
        refused(http.perform(asAlice(get("/api/trends/weeks/2026-W54"))), "week", "week.format");
        verifyNoInteractions(jdbc);
    }

    @Test
    void one_week_reads_its_monday_to_sunday_and_current_is_the_week_in_the_persons_zone() throws Exception {
        given(jdbc.queryForList(anyString(), eq(String.class), eq("alice"))).willReturn(List.of("Pacific/Auckland"));

        http.perform(asAlice(get("/api/trends/weeks/current")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.week").value("2026-W49"))
                .andExpect(jsonPath("$.weekStart").value("2026-11-30"))
                .andExpect(jsonPath("$.weekEnd").value("2026-12-06"))
                .andExpect(jsonPath("$.wins").value(0))
                .andExpect(jsonPath("$.winsOfTheWeek").isEmpty())
                .andExpect(jsonPath("$.closingLine").value("I'm proud of myself for showing up."));

        verify(jdbc)
                .query(
                        anyString(),
                        any(RowMapper.class),
                        eq("alice"),
                        eq(LocalDate.of(2026, 11, 30)),
                        eq(LocalDate.of(2026, 12, 6)));
    }

    @Test
    void a_series_reads_from_the_monday_of_its_first_week_to_the_sunday_of_its_last_across_the_53rd_week()
            throws Exception {
        http.perform(asAlice(get("/api/trends/weeks").param("until", "2027-W01").param("count", "3")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].week").value("2026-W52"))
                .andExpect(jsonPath("$[1].week").value("2026-W53"))
                .andExpect(jsonPath("$[2].week").value("2027-W01"))
                .andExpect(jsonPath("$[2].weekEnd").value("2027-01-10"));

        verify(jdbc)
                .query(
                        anyString(),
                        any(RowMapper.class),
                        eq("alice"),
                        eq(LocalDate.of(2026, 12, 21)),
                        eq(LocalDate.of(2027, 1, 10)));
    }
}
