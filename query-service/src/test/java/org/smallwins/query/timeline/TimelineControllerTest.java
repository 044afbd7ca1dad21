package org.smallwins.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.smallwins.apicontract.MockMvcExchanges;
import org.smallwins.platform.NotYetVisibleException;
import org.smallwins.query.visibility.ReadYourWrites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The timeline endpoint on its own: what it asks the queries for, and what a client sees, in seconds. */
@WebMvcTest(
        controllers = TimelineController.class,
        properties = "spring.security.oauth2.resourceserver.jwt.issuer-uri=https://issuer.test")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TimelineControllerTest {

    static final String NOTE = "slept badly, talked to Sam";

    @Autowired
    MockMvc http;

    @MockitoBean
    TimelineQueries queries;

    @MockitoBean
    JwtDecoder tokens;

    @MockitoBean
    ReadYourWrites visibility;

    MockHttpServletRequestBuilder asAlice(MockHttpServletRequestBuilder request) {
        return request.with(jwt().jwt(token -> token.subject("alice")));
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
    void the_callers_own_timeline_is_served_newest_first_with_a_cursor_to_the_next_page() throws Exception {
        given(queries.page("alice", null, null, null, 20, null))
                .willReturn(new TimelinePage(
                        List.of(
                                new TimelineEntry(
                                        "c-2",
                                        "CHECK_IN",
                                        "2026-11-24",
                                        Instant.parse("2026-11-24T07:30:00Z"),
                                        "Pacific/Auckland",
                                        2,
                                        1,
                                        null,
                                        null,
                                        new TimelineEntry.CheckIn(2, 3, "HYPOAROUSED", null)),
                                new TimelineEntry(
                                        "w-1",
                                        "WIN",
                                        "2026-11-23",
                                        Instant.parse("2026-11-23T08:00:00Z"),
                                        "Pacific/Auckland",
                                        1,
                                        2,
                                        new TimelineEntry.Corrected(Instant.parse("2026-11-24T09:00:00Z"), 2),
                                        new TimelineEntry.Win("Said no to extra work", "BOUNDARIES", List.of("work")),
                                        null)),
                        "bmV4dA"));

        http.perform(asAlice(get("/api/timeline")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].id").value("c-2"))
                .andExpect(jsonPath("$.items[0].kind").value("CHECK_IN"))
                .andExpect(jsonPath("$.items[0].occurredAt").value("2026-11-24T07:30:00Z"))
                .andExpect(jsonPath("$.items[0].checkIn.mood").value(2))
                .andExpect(jsonPath("$.items[0].checkIn.window").value("HYPOAROUSED"))
                .andExpect(jsonPath("$.items[0].checkIn.note").doesNotExist())
                .andExpect(jsonPath("$.items[0].win").doesNotExist())
                .andExpect(jsonPath("$.items[1].day").value("2026-11-23"))
                .andExpect(jsonPath("$.items[1].zone").value("Pacific/Auckland"))
                .andExpect(jsonPath("$.items[1].sequence").value(1))
                .andExpect(jsonPath("$.items[0].version").value(1))
                .andExpect(jsonPath("$.items[0].corrected").doesNotExist())
                .andExpect(jsonPath("$.items[1].version").value(2))
                .andExpect(jsonPath("$.items[1].corrected.at").value("2026-11-24T09:00:00Z"))
                .andExpect(jsonPath("$.items[1].corrected.version").value(2))
                .andExpect(jsonPath("$.items[1].win.text").value("Said no to extra work"))
                .andExpect(jsonPath("$.items[1].win.focusArea").value("BOUNDARIES"))
                .andExpect(jsonPath("$.items[1].win.tags[0]").value("work"))
                .andExpect(jsonPath("$.items[1].checkIn").doesNotExist())
                .andExpect(jsonPath("$.nextCursor").value("bmV4dA"));
    }

    @Test
    void filters_reach_the_queries_typed_and_the_journal_is_always_the_tokens_subject() throws Exception {
        given(queries.page(any(), any(), any(), any(), anyInt(), any())).willReturn(new TimelinePage(List.of(), null));

        http.perform(asAlice(get("/api/timeline")
                        .param("kind", "WIN")
                        .param("from", "2026-11-01")
                        .param("to", "2026-11-30")
                        .param("limit", "5")
                        .param("cursor", "abc")
                        .param("userId", "bob")
                        // a user id is no parameter of the API (the document refuses it); this shows it is ignored
                        .with(MockMvcExchanges.outsideTheContract())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isEmpty())
                .andExpect(jsonPath("$.nextCursor").doesNotExist());

        verify(queries).page("alice", "WIN", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), 5, "abc");
    }

    @Test
    void an_unknown_kind_is_refused_before_anything_is_read() throws Exception {
        refused(http.perform(asAlice(get("/api/timeline").param("kind", "MOOD"))), "kind", "kind.unknown");
        verifyNoInteractions(queries);
    }

    @Test
    void a_page_size_outside_1_to_100_is_refused() throws Exception {
        refused(http.perform(asAlice(get("/api/timeline").param("limit", "0"))), "limit", "limit.range")
                .andExpect(jsonPath("$.detail").value("Use a page size from 1 to 100."));
        refused(http.perform(asAlice(get("/api/timeline").param("limit", "101"))), "limit", "limit.range");
        http.perform(asAlice(get("/api/timeline").param("limit", "many")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"))
                .andExpect(jsonPath("$.errors[0].code").value("type"));
        verifyNoInteractions(queries);
    }

    @Test
    void a_day_that_is_not_an_iso_date_is_refused_without_repeating_it() throws Exception {
        var response = http.perform(asAlice(get("/api/timeline").param("from", NOTE)));

        refused(response, "from", "from.format")
                .andExpect(jsonPath("$.detail").value("Use an ISO date such as 2026-11-23."));
        assertThat(response.andReturn().getResponse().getContentAsString()).doesNotContain(NOTE);
        refused(http.perform(asAlice(get("/api/timeline").param("to", "2026-02-30"))), "to", "to.format");
        verifyNoInteractions(queries);
    }

    @Test
    void a_last_day_before_the_first_is_refused() throws Exception {
        refused(
                http.perform(
                        asAlice(get("/api/timeline").param("from", "2026-11-10").param("to", "2026-11-09"))),
                "to",
                "to.before-from");
        verifyNoInteractions(queries);
    }

    @Test
    void a_cursor_this_service_did_not_issue_is_refused() throws Exception {
        given(queries.page(eq("alice"), any(), any(), any(), anyInt(), eq("forged")))
                .willThrow(new TimelineQueries.InvalidCursorException());

        refused(http.perform(asAlice(get("/api/timeline").param("cursor", "forged"))), "cursor", "cursor.invalid");
    }

    @Test
    void without_a_token_nothing_is_read() throws Exception {
        http.perform(get("/api/timeline"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(queries);
    }

    @Test
    void a_read_passing_a_writes_sequence_waits_for_it_before_anything_is_read() throws Exception {
        given(queries.page(any(), any(), any(), any(), anyInt(), any())).willReturn(new TimelinePage(List.of(), null));

        http.perform(asAlice(get("/api/timeline").param("after", "3"))).andExpect(status().isOk());
        http.perform(asAlice(get("/api/timeline").header("Journal-Sequence", "5")))
                .andExpect(status().isOk());
        http.perform(asAlice(get("/api/timeline"))).andExpect(status().isOk());

        InOrder order = inOrder(visibility, queries);
        order.verify(visibility).awaitSequence("alice", 3);
        order.verify(queries).page("alice", null, null, null, 20, null);
        order.verify(visibility).awaitSequence("alice", 5);
        order.verify(queries).page("alice", null, null, null, 20, null);
        order.verify(visibility).awaitSequence("alice", 0);
    }

    @Test
    void a_negative_or_non_numeric_sequence_is_refused_naming_where_it_came_from() throws Exception {
        refused(http.perform(asAlice(get("/api/timeline").param("after", "-1"))), "after", "sequence.negative");
        refused(
                http.perform(asAlice(get("/api/timeline").header("Journal-Sequence", "-4"))),
                "Journal-Sequence",
                "sequence.negative");
        http.perform(asAlice(get("/api/timeline").param("after", "soon")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("after"))
                .andExpect(jsonPath("$.errors[0].code").value("type"));
        http.perform(asAlice(get("/api/timeline").header("Journal-Sequence", "1e9")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("Journal-Sequence"));
        verifyNoInteractions(queries, visibility);
    }

    @Test
    void a_write_not_visible_within_the_wait_is_a_503_problem_with_retry_after_and_no_timeline() throws Exception {
        willThrow(new NotYetVisibleException(2)).given(visibility).awaitSequence("alice", 9);

        http.perform(asAlice(get("/api/timeline").param("after", "9")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "2"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://smallwins.dev/problems/not-yet-visible"))
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(jsonPath("$.items").doesNotExist());
        verifyNoInteractions(queries);
    }

    @Test
    void one_entry_is_served_with_its_version_as_etag_after_waiting_for_the_write() throws Exception {
        given(queries.entry("alice", "w-1"))
                .willReturn(java.util.Optional.of(new TimelineEntry(
                        "w-1",
                        "WIN",
                        "2026-11-16",
                        Instant.parse("2026-11-16T00:00:00Z"),
                        "Europe/Berlin",
                        1,
                        2,
                        new TimelineEntry.Corrected(Instant.parse("2026-11-24T09:00:00Z"), 2),
                        new TimelineEntry.Win("Said no", "BOUNDARIES", List.of()),
                        null)));

        http.perform(asAlice(get("/api/timeline/w-1").param("after", "7")))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.id").value("w-1"))
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.corrected.at").value("2026-11-24T09:00:00Z"))
                .andExpect(jsonPath("$.win.text").value("Said no"));
        InOrder order = inOrder(visibility, queries);
        order.verify(visibility).awaitSequence("alice", 7);
        order.verify(queries).entry("alice", "w-1");
    }

    @Test
    void an_entry_that_is_retracted_unknown_or_another_persons_is_the_same_404_problem() throws Exception {
        given(queries.entry(any(), any())).willReturn(java.util.Optional.empty());
        given(queries.history(any(), any())).willReturn(java.util.Optional.empty());

        for (String path : List.of("/api/timeline/bobs-entry", "/api/timeline/bobs-entry/history")) {
            http.perform(asAlice(get(path)))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("https://smallwins.dev/problems/entry-not-found"))
                    .andExpect(jsonPath("$.status").value(404))
                    .andExpect(header().doesNotExist("ETag"));
        }
        verify(queries).entry("alice", "bobs-entry");
        verify(queries).history("alice", "bobs-entry");
    }

    @Test
    void an_entrys_history_shows_every_version_oldest_first_with_what_changed() throws Exception {
        given(queries.history("alice", "w-1"))
                .willReturn(java.util.Optional.of(new EntryHistory(
                        "w-1",
                        "WIN",
                        true,
                        List.of(
                                new EntryVersion(
                                        1,
                                        "WinLogged",
                                        1,
                                        3,
                                        Instant.parse("2026-11-16T09:00:00Z"),
                                        "req-1",
                                        List.of(),
                                        null,
                                        new EntryVersion.Values(
                                                "2026-11-16",
                                                Instant.parse("2026-11-16T09:00:00Z"),
                                                "Europe/Berlin",
                                                new TimelineEntry.Win("Said no", "BOUNDARIES", List.of()),
                                                null)),
                                new EntryVersion(
                                        2,
                                        "EntryRetracted",
                                        1,
                                        9,
                                        Instant.parse("2026-11-17T09:00:00Z"),
                                        "req-2",
                                        List.of(),
                                        "DUPLICATE",
                                        null)))));

        http.perform(asAlice(get("/api/timeline/w-1/history")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.retracted").value(true))
                .andExpect(jsonPath("$.versions.length()").value(2))
                .andExpect(jsonPath("$.versions[0].type").value("WinLogged"))
                .andExpect(jsonPath("$.versions[0].correlationId").value("req-1"))
                .andExpect(jsonPath("$.versions[0].values.win.text").value("Said no"))
                .andExpect(jsonPath("$.versions[1].reason").value("DUPLICATE"))
                .andExpect(jsonPath("$.versions[1].values").doesNotExist())
                .andExpect(jsonPath("$.versions[1].recordedAt").value("2026-11-17T09:00:00Z"));
    }
}
