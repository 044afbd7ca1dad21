package org.smallwins.command.journal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.smallwins.command.journal.EntryAccepted;
import org.smallwins.command.journal.ForJournal;
import org.smallwins.command.journal.JournalMetaData;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.RetractionReason;
import org.smallwins.contract.ToleranceWindow;
import org.smallwins.journal.CorrectCheckIn;
import org.smallwins.journal.CorrectWin;
import org.smallwins.journal.EntryNotFoundException;
import org.smallwins.journal.EntryOutcome;
import org.smallwins.journal.EntryRefusedException;
import org.smallwins.journal.EntryRetractedException;
import org.smallwins.journal.EntryVersionMismatchException;
import org.smallwins.journal.Refusal;
import org.smallwins.journal.RetractEntry;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Corrections and retractions over HTTP alone: the path's id, the body and {@code If-Match} become a typed command for
 * the caller's journal, and each outcome is its status, {@code ETag} and problem shape. The gateway is a mock; the
 * journal's real answers are covered by {@code CommandServiceIntegrationTest}.
 */
@WebMvcTest(
        controllers = JournalController.class,
        properties = "spring.security.oauth2.resourceserver.jwt.issuer-uri=https://issuer.test")
@ImportAutoConfiguration({PlatformSecurityConfiguration.class, StrictJsonConfiguration.class})
@Import(CorrectingAndRetractingControllerTest.Meters.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CorrectingAndRetractingControllerTest {

    static final String SECRET = "Today I rested without guilt, privately";

    @TestConfiguration
    static class Meters {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @MockitoBean
    CommandGateway commands;

    @MockitoBean
    JwtDecoder tokens;

    @Autowired
    MockMvc mvc;

    static MockHttpServletRequestBuilder putAs(String user, String path, String ifMatch, String body) {
        MockHttpServletRequestBuilder request = put(path)
                .with(jwt().jwt(token -> token.subject(user)))
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Correlation-Id", "corr-7")
                .content(body);
        return ifMatch == null ? request : request.header("If-Match", ifMatch);
    }

    static MockHttpServletRequestBuilder deleteAs(String user, String path, String ifMatch) {
        MockHttpServletRequestBuilder request =
                delete(path).with(jwt().jwt(token -> token.subject(user))).header("X-Correlation-Id", "corr-8");
        return ifMatch == null ? request : request.header("If-Match", ifMatch);
    }

    static final String WIN_BODY = """
            {"text":"%s","focusArea":"SELF_COMPASSION","tags":["evening"],"day":"2026-11-16"}""".formatted(SECRET);

    @SuppressWarnings("unchecked")
    CommandMessage<ForJournal> sent() {
        ArgumentCaptor<CommandMessage<ForJournal>> message = ArgumentCaptor.forClass(CommandMessage.class);
        verify(commands).sendAndWait(message.capture());
        return message.getValue();
    }

    @Test
    void a_win_correction_is_200_with_the_new_etag_and_is_sent_typed_to_the_callers_journal() throws Exception {
        given(commands.sendAndWait(any())).willReturn(new EntryAccepted(EntryOutcome.RECORDED, 9, 2));

        mvc.perform(putAs("user-a", "/api/journal/wins/w1", "\"1\"", WIN_BODY))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(header().string("Journal-Sequence", "9"))
                .andExpect(jsonPath("$.id").value("w1"))
                .andExpect(jsonPath("$.kind").value("WIN"))
                .andExpect(jsonPath("$.outcome").value("RECORDED"))
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.sequence").value(9));

        CommandMessage<ForJournal> message = sent();
        assertThat(message.getPayload())
                .isEqualTo(new ForJournal(
                        "user-a",
                        new CorrectWin(
                                "w1",
                                1,
                                SECRET,
                                FocusArea.SELF_COMPASSION,
                                List.of("evening"),
                                Optional.of(LocalDate.of(2026, 11, 16)),
                                Optional.empty())));
        assertThat(message.getMetaData()).containsEntry(JournalMetaData.CORRELATION_ID, "corr-7");
    }

    @Test
    void a_correction_identical_to_the_current_content_is_200_already_recorded_with_the_current_etag()
            throws Exception {
        given(commands.sendAndWait(any())).willReturn(new EntryAccepted(EntryOutcome.ALREADY_RECORDED, 9, 2));

        mvc.perform(putAs("user-a", "/api/journal/wins/w1", "\"1\"", WIN_BODY))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.outcome").value("ALREADY_RECORDED"));
    }

    @Test
    void a_check_in_correction_is_200_and_leaves_unsent_time_and_zone_to_the_check_ins_own() throws Exception {
        given(commands.sendAndWait(any())).willReturn(new EntryAccepted(EntryOutcome.RECORDED, 4, 3));

        mvc.perform(putAs("user-b", "/api/journal/check-ins/c1", "\"2\"", """
                        {"mood":3,"energy":4,"window":"WITHIN"}"""))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"3\""))
                .andExpect(jsonPath("$.kind").value("CHECK_IN"));

        assertThat(sent().getPayload())
                .isEqualTo(new ForJournal(
                        "user-b",
                        new CorrectCheckIn(
                                "c1",
                                2,
                                3,
                                4,
                                ToleranceWindow.WITHIN,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty())));
    }

    @Test
    void a_retraction_is_204_with_the_retracted_version_and_its_reason_from_the_vocabulary() throws Exception {
        given(commands.sendAndWait(any())).willReturn(new EntryAccepted(EntryOutcome.RECORDED, 12, 2));

        mvc.perform(deleteAs("user-a", "/api/journal/entries/c1?reason=DUPLICATE", "\"1\""))
                .andExpect(status().isNoContent())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(header().string("Journal-Sequence", "12"))
                .andExpect(content().string(""));

        assertThat(sent().getPayload())
                .isEqualTo(
                        new ForJournal("user-a", new RetractEntry("c1", 1, Optional.of(RetractionReason.DUPLICATE))));
    }

    @Test
    void without_if_match_is_428_and_nothing_is_sent() throws Exception {
        mvc.perform(putAs("user-a", "/api/journal/wins/w1", null, WIN_BODY))
                .andExpect(status().isPreconditionRequired())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type", endsWith("/if-match-required")))
                .andExpect(jsonPath("$.status").value(428));
        mvc.perform(deleteAs("user-a", "/api/journal/entries/w1", null)).andExpect(status().isPreconditionRequired());
        verifyNoInteractions(commands);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "1", "W/\"1\"", "\"0\"", "\"one\"", "\"1\", \"2\"", "\"99999999999\""})
    void an_if_match_naming_no_version_is_400_and_nothing_is_sent(String ifMatch) throws Exception {
        mvc.perform(putAs("user-a", "/api/journal/wins/w1", ifMatch, WIN_BODY))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type", endsWith("/if-match-malformed")));
        verifyNoInteractions(commands);
    }

    @Test
    void a_stale_version_is_412_with_the_current_version_as_a_member_and_as_the_etag() throws Exception {
        given(commands.sendAndWait(any())).willThrow(new EntryVersionMismatchException("w1", 3));

        mvc.perform(putAs("user-a", "/api/journal/wins/w1", "\"1\"", WIN_BODY))
                .andExpect(status().isPreconditionFailed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("ETag", "\"3\""))
                .andExpect(jsonPath("$.type", endsWith("/entry-version-mismatch")))
                .andExpect(jsonPath("$.currentVersion").value(3))
                .andExpect(content().string(not(containsString(SECRET))));
    }

    @Test
    void an_entry_the_caller_does_not_have_is_404_never_403() throws Exception {
        given(commands.sendAndWait(any())).willThrow(new EntryNotFoundException("w9"));

        mvc.perform(putAs("user-a", "/api/journal/wins/w9", "\"1\"", WIN_BODY))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type", endsWith("/entry-not-found")));
        mvc.perform(deleteAs("user-a", "/api/journal/entries/w9", "\"1\"")).andExpect(status().isNotFound());
    }

    @Test
    void correcting_a_retracted_entry_is_409_entry_retracted() throws Exception {
        given(commands.sendAndWait(any())).willThrow(new EntryRetractedException("w1"));

        mvc.perform(putAs("user-a", "/api/journal/wins/w1", "\"2\"", WIN_BODY))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type", endsWith("/entry-retracted")));
    }

    @Test
    void a_correction_breaking_a_rule_of_logging_is_422_and_never_echoes_the_text() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(new EntryRefusedException(List.of(
                        new Refusal("day", "day.in-future", "A win can be logged for today or an earlier day."))));

        mvc.perform(putAs("user-a", "/api/journal/wins/w1", "\"1\"", WIN_BODY))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("day.in-future"))
                .andExpect(content().string(not(containsString(SECRET))));
    }

    @Test
    void a_correction_that_cannot_be_read_or_an_unknown_reason_is_422_and_nothing_is_sent() throws Exception {
        mvc.perform(putAs("user-a", "/api/journal/wins/w1", "\"1\"", """
                        {"text":"","focusArea":"CALM","day":"yesterday"}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].code")
                        .value(org.hamcrest.Matchers.contains("text.required", "focusArea.unknown", "day.format")));
        mvc.perform(deleteAs("user-a", "/api/journal/entries/w1?reason=I%20was%20sad", "\"1\""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("reason.unknown"))
                .andExpect(content().string(not(containsString("sad"))));
        verifyNoInteractions(commands);
    }

    @Test
    void without_a_token_is_401_and_nothing_is_sent() throws Exception {
        mvc.perform(put("/api/journal/wins/w1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("If-Match", "\"1\"")
                        .content(WIN_BODY))
                .andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/journal/entries/w1").header("If-Match", "\"1\""))
                .andExpect(status().isUnauthorized());
        verifyNoInteractions(commands);
    }
}
