package org.smallwins.command.portability.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.smallwins.command.accesslog.AccessLog;
import org.smallwins.command.accesslog.AccessRecord;
import org.smallwins.command.journal.JournalHoldsOtherEntriesException;
import org.smallwins.command.portability.ImportRefusedException;
import org.smallwins.command.portability.JournalExport;
import org.smallwins.command.portability.JournalImport;
import org.smallwins.platform.PlatformSecurityConfiguration;
import org.smallwins.platform.StrictJsonConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The HTTP mapping of export, import and the access log alone: formats and headers, each refusal as its problem, the
 * import's own body limit, and what is written to the access log. The export, import and log are mocks; the real ones
 * are covered by {@code PortabilityIntegrationTest}.
 */
@WebMvcTest(
        controllers = PortabilityController.class,
        properties = {
            "spring.security.oauth2.resourceserver.jwt.issuer-uri=https://issuer.test",
            "smallwins.http.max-request-body=1KB",
            "smallwins.http.max-import-body=16KB"
        })
@ImportAutoConfiguration({PlatformSecurityConfiguration.class, StrictJsonConfiguration.class})
@Import(PortabilityControllerTest.Beans.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PortabilityControllerTest {

    @TestConfiguration
    static class Beans {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC);
        }
    }

    @MockitoBean
    JournalExport export;

    @MockitoBean
    JournalImport journalImport;

    @MockitoBean
    AccessLog accessLog;

    @MockitoBean
    JwtDecoder tokens;

    @Autowired
    MockMvc mvc;

    static final String SECRET = "Today I told my sister";

    /** The smallest export there is (a journal without events), as export writes it and import reads it. */
    static final String EMPTY_EXPORT = "{\"format\":\"smallwins-journal-export\",\"formatVersion\":1,"
            + "\"exportedAt\":\"2026-11-30T08:00:00Z\",\"events\":[],\"eventCount\":0}";

    @Test
    void an_export_is_a_streamed_json_attachment_never_cached_and_is_written_to_the_callers_access_log()
            throws Exception {
        given(export.writeJson(eq("user-a"), any())).willAnswer(call -> {
            call.getArgument(1, OutputStream.class).write(EMPTY_EXPORT.getBytes(StandardCharsets.UTF_8));
            return 12L;
        });

        MvcResult started = mvc.perform(get("/api/journal/export")
                        .with(jwt().jwt(t -> t.subject("user-a")))
                        .header("X-Correlation-Id", "corr-export"))
                .andExpect(request().asyncStarted())
                .andReturn();
        mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(header().string(
                                "Content-Disposition", "attachment; filename=\"small-wins-journal-2026-11-30.json\""))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(content().string(EMPTY_EXPORT));

        verify(accessLog).record("user-a", AccessRecord.Action.EXPORT, "corr-export", "json", 12L, "COMPLETED", null);
    }

    @Test
    void a_csv_export_is_text_csv_with_its_own_file_name() throws Exception {
        given(export.writeCsv(eq("user-a"), any())).willAnswer(call -> {
            call.getArgument(1, OutputStream.class).write("kind,id\r\n".getBytes(StandardCharsets.UTF_8));
            return 3L;
        });

        MvcResult started = mvc.perform(get("/api/journal/export?format=csv").with(jwt().jwt(t -> t.subject("user-a"))))
                .andReturn();
        mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string(
                                "Content-Disposition", "attachment; filename=\"small-wins-journal-2026-11-30.csv\""));

        verify(accessLog)
                .record(
                        eq("user-a"),
                        eq(AccessRecord.Action.EXPORT),
                        any(),
                        eq("csv"),
                        eq(3L),
                        eq("COMPLETED"),
                        isNull());
    }

    @Test
    void an_export_in_an_unknown_format_is_a_400_problem_naming_the_parameter_and_nothing_is_exported()
            throws Exception {
        mvc.perform(get("/api/journal/export?format=xlsx").with(jwt().jwt(t -> t.subject("user-a"))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("format"))
                .andExpect(jsonPath("$.errors[0].code").value("format.unknown"));

        verifyNoInteractions(export, accessLog);
    }

    @Test
    void export_import_and_access_log_need_a_token() throws Exception {
        mvc.perform(get("/api/journal/export")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/journal/access-log")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/journal/import")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(EMPTY_EXPORT))
                .andExpect(status().isUnauthorized());

        verifyNoInteractions(export, journalImport, accessLog);
    }

    @Test
    void an_import_that_records_entries_is_201_with_the_journals_sequence_and_is_logged() throws Exception {
        given(journalImport.importInto(eq("user-b"), any(), eq("corr-import")))
                .willReturn(new JournalImport.Result(40, 40, 0, 40));

        mvc.perform(post("/api/journal/import")
                        .with(jwt().jwt(t -> t.subject("user-b")))
                        .header("X-Correlation-Id", "corr-import")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(EMPTY_EXPORT))
                .andExpect(status().isCreated())
                .andExpect(header().string("Journal-Sequence", "40"))
                .andExpect(jsonPath("$.outcome").value("IMPORTED"))
                .andExpect(jsonPath("$.events").value(40))
                .andExpect(jsonPath("$.recorded").value(40))
                .andExpect(jsonPath("$.alreadyRecorded").value(0))
                .andExpect(jsonPath("$.sequence").value(40));

        verify(accessLog).record("user-b", AccessRecord.Action.IMPORT, "corr-import", "json", 40, "IMPORTED", null);
    }

    @Test
    void the_same_import_again_is_200_and_says_it_was_already_imported() throws Exception {
        given(journalImport.importInto(eq("user-b"), any(), any())).willReturn(new JournalImport.Result(40, 0, 40, 40));

        mvc.perform(post("/api/journal/import")
                        .with(jwt().jwt(t -> t.subject("user-b")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(EMPTY_EXPORT))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("ALREADY_IMPORTED"))
                .andExpect(jsonPath("$.recorded").value(0))
                .andExpect(jsonPath("$.alreadyRecorded").value(40));
    }

    @Test
    void an_unreadable_import_is_a_400_problem_naming_where_it_stopped_and_never_a_value() throws Exception {
        given(journalImport.importInto(any(), any(), any()))
                .willThrow(new ImportRefusedException(
                        ImportRefusedException.Kind.MALFORMED,
                        List.of(new ImportRefusedException.Fault(
                                "line 3, column 9", "json.syntax", "The file is not valid JSON."))));

        mvc.perform(post("/api/journal/import")
                        .with(jwt().jwt(t -> t.subject("user-b")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"events\":[\"" + SECRET + "\""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://smallwins.dev/problems/malformed-import"))
                .andExpect(jsonPath("$.errors[0].field").value("line 3, column 9"))
                .andExpect(jsonPath("$.stored").value(0))
                .andExpect(content().string(not(containsString(SECRET))));

        verify(accessLog)
                .record(
                        eq("user-b"),
                        eq(AccessRecord.Action.IMPORT),
                        any(),
                        eq("json"),
                        eq(0L),
                        eq("REFUSED"),
                        isNull());
    }

    @Test
    void an_import_with_an_event_at_fault_is_a_422_problem_naming_its_position_and_rule() throws Exception {
        given(journalImport.importInto(any(), any(), any()))
                .willThrow(new ImportRefusedException(
                        ImportRefusedException.Kind.INVALID,
                        List.of(new ImportRefusedException.Fault(
                                "events[17].payload.text", "text.too-long", "At most 500 characters."))));

        mvc.perform(post("/api/journal/import")
                        .with(jwt().jwt(t -> t.subject("user-b")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(EMPTY_EXPORT))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://smallwins.dev/problems/import-refused"))
                .andExpect(jsonPath("$.errors[0].field").value("events[17].payload.text"))
                .andExpect(jsonPath("$.errors[0].code").value("text.too-long"));
    }

    @Test
    void an_import_into_a_journal_holding_other_entries_is_a_409_problem() throws Exception {
        given(journalImport.importInto(any(), any(), any())).willThrow(new JournalHoldsOtherEntriesException());

        mvc.perform(post("/api/journal/import")
                        .with(jwt().jwt(t -> t.subject("user-b")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(EMPTY_EXPORT))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://smallwins.dev/problems/journal-not-empty"));
    }

    @Test
    void an_import_has_its_own_larger_body_limit_and_other_writes_keep_theirs() throws Exception {
        given(journalImport.importInto(any(), any(), any())).willReturn(new JournalImport.Result(0, 0, 0, 0));
        String eightKilobytes = "{\"format\":\"smallwins-journal-export\",\"formatVersion\":1,\"events\":[{\"pad\":\""
                + "x".repeat(8 * 1024) + "\"}]}";

        mvc.perform(post("/api/journal/import")
                        .with(jwt().jwt(t -> t.subject("user-b")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(eightKilobytes))
                .andExpect(status().isOk());
        mvc.perform(post("/api/journal/import")
                        .with(jwt().jwt(t -> t.subject("user-b")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(eightKilobytes.repeat(3).getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.type").value("https://smallwins.dev/problems/body-too-large"));
        mvc.perform(post("/api/journal/wins")
                        .with(jwt().jwt(t -> t.subject("user-b")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(eightKilobytes))
                .andExpect(status().isContentTooLarge());
    }

    @Test
    void the_access_log_is_the_callers_own_newest_first() throws Exception {
        given(accessLog.of("user-a", 100))
                .willReturn(List.of(
                        new AccessRecord(
                                Instant.parse("2026-11-30T08:00:00Z"),
                                AccessRecord.Action.IMPORT,
                                "corr-2",
                                "json",
                                3,
                                "IMPORTED",
                                null),
                        new AccessRecord(
                                Instant.parse("2026-11-29T08:00:00Z"),
                                AccessRecord.Action.EXPORT,
                                "corr-1",
                                "csv",
                                3,
                                "COMPLETED",
                                null)));

        mvc.perform(get("/api/journal/access-log").with(jwt().jwt(t -> t.subject("user-a"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].action").value("IMPORT"))
                .andExpect(jsonPath("$[0].at").value("2026-11-30T08:00:00Z"))
                .andExpect(jsonPath("$[0].correlationId").value("corr-2"))
                .andExpect(jsonPath("$[1].action").value("EXPORT"))
                .andExpect(jsonPath("$[1].format").value("csv"));
        mvc.perform(get("/api/journal/access-log?limit=0").with(jwt().jwt(t -> t.subject("user-a"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
    }
}
