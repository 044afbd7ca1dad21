package org.smallwins.command.journal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.LocalDate;
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
import org.smallwins.contract.ToleranceWindow;
import org.smallwins.journal.EntryConflictException;
import org.smallwins.journal.EntryOutcome;
import org.smallwins.journal.EntryRefusedException;
import org.smallwins.journal.LogWin;
import org.smallwins.journal.RecordCheckIn;
import org.smallwins.journal.Refusal;
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
 * The journal's HTTP mapping alone: a request becomes a typed command for the caller's journal (or the named rules
 * it breaks, before anything is sent), and each outcome is its status and problem shape. The gateway is a mock; the
 * real one is covered by the integration tests.
 */
@WebMvcTest(
        controllers = JournalController.class,
        properties = "spring.security.oauth2.resourceserver.jwt.issuer-uri=https://issuer.test")
@ImportAutoConfiguration({PlatformSecurityConfiguration.class, StrictJsonConfiguration.class})
@Import(JournalControllerTest.Meters.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JournalControllerTest {

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

    static MockHttpServletRequestBuilder postAs(String user, String path, String body) {
        return post(path)
                .with(jwt().jwt(token -> token.subject(user)))
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Correlation-Id", "corr-1")
                .content(body);
    }

    @SuppressWarnings("unchecked")
    CommandMessage<ForJournal> sent() {
        ArgumentCaptor<CommandMessage<ForJournal>> message = ArgumentCaptor.forClass(CommandMessage.class);
        verify(commands).sendAndWait(message.capture());
        return message.getValue();
    }

    @Test
    void a_new_win_is_201_and_is_sent_typed_to_the_callers_journal_with_the_correlation_id() throws Exception {
        given(commands.sendAndWait(any())).willReturn(new EntryAccepted(EntryOutcome.RECORDED, 7));

        mvc.perform(postAs("user-a", "/api/journal/wins", """
                        {"winId":"w1","text":"Today I rested","focusArea":"REST","tags":["a, b"],"day":"2026-11-22","zone":"Europe/Berlin"}"""))
                .andExpect(status().isCreated())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.id").value("w1"))
                .andExpect(jsonPath("$.kind").value("WIN"))
                .andExpect(jsonPath("$.outcome").value("RECORDED"))
                .andExpect(jsonPath("$.sequence").value(7))
                .andExpect(header().string("Journal-Sequence", "7"))
                .andExpect(header().string("Location", "/api/timeline/w1"));

        CommandMessage<ForJournal> message = sent();
        assertThat(message.getPayload())
                .isEqualTo(new ForJournal(
                        "user-a",
                        new LogWin(
                                "w1",
                                "Today I rested",
                                FocusArea.REST,
                                List.of("a, b"),
                                Optional.of(LocalDate.of(2026, 11, 22)),
                                Optional.of(ZoneId.of("Europe/Berlin")))));
        assertThat(message.getMetaData()).containsEntry(JournalMetaData.CORRELATION_ID, "corr-1");
    }

    @Test
    void a_new_check_in_is_201_and_leaves_unsent_fields_to_their_defaults() throws Exception {
        given(commands.sendAndWait(any())).willReturn(new EntryAccepted(EntryOutcome.RECORDED, 1));

        mvc.perform(postAs("user-b", "/api/journal/check-ins", """
                        {"checkInId":"c1","mood":2,"energy":4,"window":"HYPOAROUSED"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value("c1"))
                .andExpect(jsonPath("$.kind").value("CHECK_IN"))
                .andExpect(jsonPath("$.outcome").value("RECORDED"))
                .andExpect(jsonPath("$.sequence").value(1))
                .andExpect(header().string("Journal-Sequence", "1"))
                .andExpect(header().string("Location", "/api/timeline/c1"));

        assertThat(sent().getPayload())
                .isEqualTo(new ForJournal(
                        "user-b",
                        new RecordCheckIn(
                                "c1",
                                2,
                                4,
                                ToleranceWindow.HYPOAROUSED,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty())));
    }

    @Test
    void a_retry_is_200_already_recorded_with_the_journals_sequence_as_it_is() throws Exception {
        given(commands.sendAndWait(any())).willReturn(new EntryAccepted(EntryOutcome.ALREADY_RECORDED, 4));

        mvc.perform(postAs("user-a", "/api/journal/wins", """
                        {"winId":"w1","text":"Today I rested","focusArea":"REST","zone":"UTC"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("ALREADY_RECORDED"))
                .andExpect(jsonPath("$.sequence").value(4))
                .andExpect(header().string("Journal-Sequence", "4"))
                .andExpect(header().string("Location", "/api/timeline/w1"));
    }

    @Test
    void an_id_taken_by_other_content_is_409_entry_id_taken() throws Exception {
        given(commands.sendAndWait(any())).willThrow(new EntryConflictException("w1"));

        mvc.perform(postAs("user-a", "/api/journal/wins", """
                        {"winId":"w1","text":"Today I rested","focusArea":"REST","zone":"UTC"}"""))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.type", endsWith("/entry-id-taken")))
                // a changed entry is corrected in place now (PUT with If-Match), not logged again as a new entry
                .andExpect(jsonPath("$.detail", containsString("If-Match")))
                .andExpect(jsonPath("$.detail", not(containsString("Corrections are made as new entries"))))
                .andExpect(jsonPath("$.detail", not(containsString("Today I rested"))));
    }

    @Test
    void a_rule_the_journal_refuses_is_422_naming_field_and_rule() throws Exception {
        given(commands.sendAndWait(any()))
                .willThrow(new EntryRefusedException(List.of(new Refusal(
                        "day", "day.in-future", "A win can be logged for today or an earlier day, not a later one."))));

        mvc.perform(postAs("user-a", "/api/journal/wins", """
                        {"winId":"w1","text":"Today I rested","focusArea":"REST","day":"2999-01-01","zone":"UTC"}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type", endsWith("/entry-refused")))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("day"))
                .andExpect(jsonPath("$.errors[0].pointer").value("/day"))
                .andExpect(jsonPath("$.errors[0].code").value("day.in-future"))
                .andExpect(jsonPath("$.code").value("entry-refused"))
                .andExpect(jsonPath("$.instance").value("/api/journal/wins"));
    }

    @Test
    void a_win_that_cannot_be_read_is_422_naming_every_field_at_fault_and_nothing_is_sent() throws Exception {
        mvc.perform(postAs("user-a", "/api/journal/wins", """
                        {"winId":"not an id!","text":" ","focusArea":"NAPPING","day":"23/11/2026","zone":"Atlantis/Capital"}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].code")
                        .value(org.hamcrest.Matchers.contains(
                                "id.format", "text.required", "focusArea.unknown", "zone.unknown", "day.format")))
                .andExpect(content().string(not(org.hamcrest.Matchers.containsString("NAPPING"))))
                .andExpect(content().string(not(org.hamcrest.Matchers.containsString("Atlantis"))));

        verifyNoInteractions(commands);
    }

    @Test
    void a_check_in_that_cannot_be_read_is_422_naming_every_field_at_fault_and_nothing_is_sent() throws Exception {
        mvc.perform(postAs("user-a", "/api/journal/check-ins", """
                        {"checkInId":"c1","energy":9,"window":"CALM","at":"yesterday","zone":"GMT+1"}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.contains("mood", "energy", "window", "at", "zone")))
                .andExpect(jsonPath("$.errors[*].code")
                        .value(org.hamcrest.Matchers.contains(
                                "mood.required", "energy.range", "window.unknown", "at.format", "zone.unknown")));

        verifyNoInteractions(commands);
    }

    @Test
    void a_value_of_the_wrong_json_type_is_400_and_nothing_is_sent() throws Exception {
        mvc.perform(postAs("user-a", "/api/journal/check-ins", """
                        {"checkInId":"c1","mood":"happy","energy":3,"window":"WITHIN","zone":"UTC"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));

        verifyNoInteractions(commands);
    }

    @Test
    void without_a_token_is_401_and_nothing_is_sent() throws Exception {
        mvc.perform(post("/api/journal/wins")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnauthorized());

        verifyNoInteractions(commands);
    }

    @Test
    void a_misspelt_property_is_400_naming_it_and_nothing_is_sent_never_a_201_that_drops_the_tags() throws Exception {
        mvc.perform(postAs("user-a", "/api/journal/wins", """
                        {"winId":"w1","text":"Today I rested","focusArea":"REST","tag":["sleep"],"zone":"UTC"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("unknown-property"))
                .andExpect(jsonPath("$.errors[0].field").value("tag"))
                .andExpect(jsonPath("$.errors[0].pointer").value("/tag"))
                .andExpect(jsonPath("$.errors[0].code").value("property.unknown"))
                .andExpect(content().string(not(org.hamcrest.Matchers.containsString("sleep"))));

        verifyNoInteractions(commands);
    }

    @Test
    void a_lone_surrogate_in_a_note_is_400_naming_the_field_and_nothing_is_sent() throws Exception {
        mvc.perform(postAs("user-a", "/api/journal/check-ins", """
                        {"checkInId":"c1","mood":3,"energy":3,"window":"WITHIN","note":"tired \\udc00 but ok"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("invalid-text"))
                .andExpect(jsonPath("$.errors[0].field").value("note"))
                .andExpect(jsonPath("$.errors[0].pointer").value("/note"))
                .andExpect(jsonPath("$.errors[0].code").value("text.unicode"))
                .andExpect(content().string(not(org.hamcrest.Matchers.containsString("tired"))));

        verifyNoInteractions(commands);
    }

    @Test
    void the_location_of_a_new_entry_is_on_the_query_service_relative_or_after_the_configured_base_url() {
        assertThat(new JournalController(commands, "").entryLocation("w1")).hasToString("/api/timeline/w1");
        assertThat(new JournalController(commands, "https://read.example/").entryLocation("w-1_x.y"))
                .hasToString("https://read.example/api/timeline/w-1_x.y");
        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> new JournalController(commands, "read.example"));
    }
}
