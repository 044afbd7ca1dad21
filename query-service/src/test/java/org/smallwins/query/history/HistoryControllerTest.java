package org.smallwins.query.history;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The whole-history endpoint on its own: what it asks the queries for, and what a client sees. */
@WebMvcTest(
        controllers = HistoryController.class,
        properties = "spring.security.oauth2.resourceserver.jwt.issuer-uri=https://issuer.test")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HistoryControllerTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    HistoryQueries queries;

    @MockitoBean
    JwtDecoder tokens;

    @MockitoBean
    ReadYourWrites visibility;

    MockHttpServletRequestBuilder asAlice(MockHttpServletRequestBuilder request) {
        return request.with(jwt().jwt(token -> token.subject("alice")));
    }

    @Test
    void the_callers_history_is_served_newest_first_with_has_more_and_a_cursor_after_waiting_for_the_write()
            throws Exception {
        given(queries.page("alice", 2, 9L))
                .willReturn(new HistoryPage(
                        List.of(
                                new HistoryEvent(
                                        8,
                                        "WinCorrected",
                                        1,
                                        "w-1",
                                        Instant.parse("2026-11-16T00:00:00Z"),
                                        Instant.parse("2026-11-24T09:00:00Z"),
                                        "req-8",
                                        "Win corrected: text, day"),
                                new HistoryEvent(
                                        7,
                                        "JournalErased",
                                        1,
                                        null,
                                        Instant.parse("2026-11-15T00:00:00Z"),
                                        Instant.parse("2026-11-15T00:00:00Z"),
                                        "req-7",
                                        "Journal erased: 6 events")),
                        true,
                        "7"));

        http.perform(asAlice(get("/api/history")
                        .param("limit", "2")
                        .param("cursor", "9")
                        .param("after", "8")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.items[0].sequence").value(8))
                .andExpect(jsonPath("$.items[0].type").value("WinCorrected"))
                .andExpect(jsonPath("$.items[0].typeVersion").value(1))
                .andExpect(jsonPath("$.items[0].occurred").value("2026-11-16T00:00:00Z"))
                .andExpect(jsonPath("$.items[0].recorded").value("2026-11-24T09:00:00Z"))
                .andExpect(jsonPath("$.items[0].correlationId").value("req-8"))
                .andExpect(jsonPath("$.items[0].summary").value("Win corrected: text, day"))
                .andExpect(jsonPath("$.items[1].entryId").doesNotExist())
                .andExpect(jsonPath("$.hasMore").value(true))
                .andExpect(jsonPath("$.nextCursor").value("7"));
        InOrder order = inOrder(visibility, queries);
        order.verify(visibility).awaitSequence("alice", 8);
        order.verify(queries).page("alice", 2, 9L);
    }

    @Test
    void a_page_size_outside_1_to_100_or_a_cursor_not_issued_here_is_refused_before_anything_is_read()
            throws Exception {
        for (String[] bad : List.of(
                new String[] {"limit", "0", "limit.range"},
                new String[] {"limit", "101", "limit.range"},
                new String[] {"cursor", "0", "cursor.invalid"},
                new String[] {"cursor", "abc", "cursor.invalid"})) {
            http.perform(asAlice(get("/api/history").param(bad[0], bad[1])))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value(bad[0]))
                    .andExpect(jsonPath("$.errors[0].code").value(bad[2]));
        }
        verifyNoInteractions(queries, visibility);
    }

    @Test
    void without_a_token_nothing_is_read() throws Exception {
        given(queries.page(any(), anyInt(), any())).willReturn(new HistoryPage(List.of(), false, null));

        http.perform(get("/api/history")).andExpect(status().isUnauthorized());
        verifyNoInteractions(queries);
    }
}
