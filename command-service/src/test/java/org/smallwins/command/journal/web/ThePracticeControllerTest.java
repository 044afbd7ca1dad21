package org.smallwins.command.journal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.smallwins.command.journal.EntryAccepted;
import org.smallwins.command.journal.ForJournal;
import org.smallwins.command.journal.JournalMetaData;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.StageOfChange;
import org.smallwins.journal.ChooseFocusArea;
import org.smallwins.journal.EntryOutcome;
import org.smallwins.journal.EntryRefusedException;
import org.smallwins.journal.Refusal;
import org.smallwins.journal.WriteWeeklyReflection;
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
 * The practice over HTTP alone: a focus choice and a week's reflection become typed commands for the caller's journal,
 * and each outcome is its status and shape. The gateway is a mock; the journal's real answers are covered by
 * {@code CommandServiceIntegrationTest} and {@code JournalTest}.
 */
@WebMvcTest(
        controllers = JournalController.class,
        properties = "spring.security.oauth2.resourceserver.jwt.issuer-uri=https://issuer.test")
@ImportAutoConfiguration({PlatformSecurityConfiguration.class, StrictJsonConfiguration.class})
@Import(ThePracticeControllerTest.Meters.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ThePracticeControllerTest {

    static final String SECRET = "I said no to my manager and slept, privately";

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

    static MockHttpServletRequestBuilder putAs(String user, String path, String body) {
        return put(path)
                .with(jwt().jwt(token -> token.subject(user)))
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Correlation-Id", "corr-14")
                .content(body);
    }

    static final String FOCUS = """
            {"area":"BOUNDARIES","stage":"CONTEMPLATION","zone":"Europe/Berlin"}""";

    static final String REFLECTION = """
            {"answer":"  %s  ","winIds":["w3","w1","w2"],"proudOfShowingUp":true}""".formatted(SECRET);

    @SuppressWarnings("unchecked")
    CommandMessage<ForJournal> sent() {
        ArgumentCaptor<CommandMessage<ForJournal>> message = ArgumentCaptor.forClass(CommandMessage.class);
        verify(commands).sendAndWait(message.capture());
        return message.getValue();
    }

    @Test
    void a_focus_choice_is_200_with_what_was_chosen_and_is_sent_typed_to_the_callers_journal() throws Exception {
        given(commands.sendAndWait(any())).willReturn(new EntryAccepted(EntryOutcome.RECORDED, 5, 1));

        mvc.perform(putAs("user-a", "/api/journal/focus", FOCUS))
                .andExpect(status().isOk())
                .andExpect(header().string("Journal-Sequence", "5"))
                .andExpect(jsonPath("$.area").value("BOUNDARIES"))
                .andExpect(jsonPath("$.stage").value("CONTEMPLATION"))
                .andExpect(jsonPath("$.outcome").value("RECORDED"))
                .andExpect(jsonPath("$.sequence").value(5))
                .andExpect(jsonPath("$.version").value(1));

        CommandMessage<ForJournal> message = sent();
        assertThat(message.getPayload())
                .isEqualTo(new ForJournal(
                        "user-a",
                        new ChooseFocusArea(
                                FocusArea.BOUNDARIES,
                                StageOfChange.CONTEMPLATION,
                                Optional.of(ZoneId.of("Europe/Berlin")))));
        assertThat(message.getMetaData()).containsEntry(JournalMetaData.CORRELATION_ID, "corr-14");
    }

    @Test
    void the_same_focus_again_is_200_already_recorded() throws Exception {
        given(commands.sendAndWait(any())).willReturn(new EntryAccepted(EntryOutcome.ALREADY_RECORDED, 7, 2));

        mvc.perform(putAs("user-a", "/api/journal/focus", """
                        {"area":"BOUNDARIES","stage":"ACTION"}"""))
                .andExpect(status().isOk())
                .andExpect(header().string("Journal-Sequence", "7"))
                .andExpect(jsonPath("$.outcome").value("ALREADY_RECORDED"))
                .andExpect(jsonPath("$.version").value(2));
    }

    @Test
    void a_focus_outside_the_vocabulary_is_422_naming_each_field_and_nothing_is_sent() throws Exception {
        mvc.perform(putAs("user-a", "/api/journal/focus", """
                        {"area":"BEING BETTER","stage":"RELAPSE"}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(contains("area", "stage")))
                .andExpect(jsonPath("$.errors[*].code").value(contains("area.unknown", "stage.unknown")))
                .andExpect(content().string(not(containsString("BEING BETTER"))));
        mvc.perform(putAs("user-a", "/api/journal/focus", "{}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].code").value(contains("area.required", "stage.required")));
        verifyNoInteractions(commands);
    }

    @Test
    void a_first_focus_without_a_zone_is_422_from_the_journal() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(new EntryRefusedException(
                        List.of(new Refusal("zone", "zone.required", "Send your IANA time zone."))));

        mvc.perform(putAs("user-a", "/api/journal/focus", """
                        {"area":"REST","stage":"ACTION"}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type", endsWith("/entry-refused")))
                .andExpect(jsonPath("$.errors[0].code").value("zone.required"));
    }

    @Test
    void a_reflection_is_200_without_its_answer_in_the_response_and_is_sent_typed_with_the_wins_in_order()
            throws Exception {
        given(commands.sendAndWait(any())).willReturn(new EntryAccepted(EntryOutcome.RECORDED, 21, 1));

        mvc.perform(putAs("user-b", "/api/journal/reflections/2026-W48", REFLECTION))
                .andExpect(status().isOk())
                .andExpect(header().string("Journal-Sequence", "21"))
                .andExpect(jsonPath("$.isoWeek").value("2026-W48"))
                .andExpect(jsonPath("$.winIds").value(contains("w3", "w1", "w2")))
                .andExpect(jsonPath("$.proudOfShowingUp").value(true))
                .andExpect(jsonPath("$.answered").value(true))
                .andExpect(jsonPath("$.outcome").value("RECORDED"))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(content().string(not(containsString("privately"))));

        assertThat(sent().getPayload())
                .isEqualTo(new ForJournal(
                        "user-b",
                        new WriteWeeklyReflection(
                                "2026-W48",
                                Optional.of("  " + SECRET + "  "),
                                List.of("w3", "w1", "w2"),
                                true,
                                Optional.empty())));
    }

    @Test
    void a_reflection_without_answer_or_affirmation_is_not_answered_and_not_affirmed() throws Exception {
        given(commands.sendAndWait(any())).willReturn(new EntryAccepted(EntryOutcome.RECORDED, 3, 2));

        mvc.perform(putAs("user-b", "/api/journal/reflections/2026-W47", """
                        {"answer":"   ","winIds":[]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.answered").value(false))
                .andExpect(jsonPath("$.proudOfShowingUp").value(false))
                .andExpect(jsonPath("$.winIds").isEmpty());
    }

    @Test
    void the_same_reflection_again_is_200_already_recorded() throws Exception {
        given(commands.sendAndWait(any())).willReturn(new EntryAccepted(EntryOutcome.ALREADY_RECORDED, 21, 1));

        mvc.perform(putAs("user-b", "/api/journal/reflections/2026-W48", REFLECTION))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("ALREADY_RECORDED"))
                .andExpect(header().string("Journal-Sequence", "21"));
    }

    @Test
    void a_reflection_that_cannot_be_read_is_422_naming_every_field_never_a_value_and_nothing_is_sent()
            throws Exception {
        mvc.perform(putAs("user-b", "/api/journal/reflections/2026-48", """
                        {"answer":"%s","winIds":["w1","w2","w3","w4","w5","w6"]}""".formatted("x".repeat(2001))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(contains("isoWeek", "answer", "winIds")))
                .andExpect(jsonPath("$.errors[*].code")
                        .value(contains("isoWeek.format", "answer.too-long", "winIds.too-many")))
                .andExpect(content().string(not(containsString("xxxx"))));
        mvc.perform(putAs("user-b", "/api/journal/reflections/2026-W48", """
                        {"winIds":["w1","w2","w1"]}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("winIds[2]"))
                .andExpect(jsonPath("$.errors[0].code").value("winIds.duplicate"));
        verifyNoInteractions(commands);
    }

    @Test
    void a_win_that_is_not_the_callers_in_that_week_is_422_naming_its_position_never_its_id() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(new EntryRefusedException(List.of(
                        new Refusal("winIds[1]", "winIds.not-in-week", "Choose wins you logged in this week."))));

        mvc.perform(putAs("user-b", "/api/journal/reflections/2026-W48", """
                        {"winIds":["w1","someone-elses-win"]}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("winIds[1]"))
                .andExpect(jsonPath("$.errors[0].code").value("winIds.not-in-week"))
                .andExpect(content().string(not(containsString("someone-elses-win"))));
    }

    @Test
    void a_week_after_the_callers_current_one_is_422_from_the_journal() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(new EntryRefusedException(List.of(new Refusal(
                        "isoWeek", "isoWeek.in-future", "A reflection is written for this week or an earlier one."))));

        mvc.perform(putAs("user-b", "/api/journal/reflections/2026-W50", "{}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("isoWeek.in-future"));
    }

    @Test
    void a_body_that_is_not_the_requests_json_is_400_and_nothing_is_sent() throws Exception {
        mvc.perform(putAs("user-b", "/api/journal/reflections/2026-W48", "{\"answer\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(putAs("user-b", "/api/journal/reflections/2026-W48", """
                        {"answer":false,"winIds":["w1"]}""")).andExpect(status().isBadRequest());
        mvc.perform(putAs("user-b", "/api/journal/reflections/2026-W48", """
                        {"winIds":"w1"}""")).andExpect(status().isBadRequest());
        mvc.perform(putAs("user-a", "/api/journal/focus", "[1]")).andExpect(status().isBadRequest());
        verifyNoInteractions(commands);
    }

    @Test
    void without_a_token_is_401_and_nothing_is_sent() throws Exception {
        mvc.perform(put("/api/journal/focus")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(FOCUS))
                .andExpect(status().isUnauthorized());
        mvc.perform(put("/api/journal/reflections/2026-W48")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REFLECTION))
                .andExpect(status().isUnauthorized());
        verifyNoInteractions(commands);
    }
}
