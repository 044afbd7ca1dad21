package org.smallwins.command.journal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.smallwins.command.journal.ConsentAccepted;
import org.smallwins.command.journal.ForConsent;
import org.smallwins.command.journal.JournalMetaData;
import org.smallwins.journal.EntryOutcome;
import org.smallwins.journal.SetAnalyticsConsent;
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
 * {@code PUT /api/journal/consent} over HTTP alone (issue 16): the answer becomes a typed command for the caller's
 * journal, the same answer again is 200 {@code ALREADY_RECORDED}, a missing or non-boolean answer is a problem, and an
 * analyst's token cannot reach a journal. The gateway is a mock; the journal's real answers are in {@code JournalTest}.
 */
@WebMvcTest(
        controllers = ConsentController.class,
        properties = "spring.security.oauth2.resourceserver.jwt.issuer-uri=https://issuer.test")
@ImportAutoConfiguration({PlatformSecurityConfiguration.class, StrictJsonConfiguration.class})
@Import(ConsentControllerTest.Meters.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConsentControllerTest {

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

    static MockHttpServletRequestBuilder putAs(String user, String body) {
        return put("/api/journal/consent")
                .with(jwt().jwt(token -> token.subject(user)))
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Correlation-Id", "corr-16")
                .content(body);
    }

    @SuppressWarnings("unchecked")
    CommandMessage<ForConsent> sent() {
        ArgumentCaptor<CommandMessage<ForConsent>> message = ArgumentCaptor.forClass(CommandMessage.class);
        verify(commands).sendAndWait(message.capture());
        return message.getValue();
    }

    @Test
    void giving_consent_is_200_recorded_and_is_sent_typed_to_the_callers_journal() throws Exception {
        given(commands.sendAndWait(any())).willReturn(new ConsentAccepted(EntryOutcome.RECORDED, true, 7));

        mvc.perform(putAs("user-a", "{\"analytics\":true}"))
                .andExpect(status().isOk())
                .andExpect(header().string("Journal-Sequence", "7"))
                .andExpect(jsonPath("$.analytics").value(true))
                .andExpect(jsonPath("$.outcome").value("RECORDED"))
                .andExpect(jsonPath("$.sequence").value(7));

        CommandMessage<ForConsent> message = sent();
        assertThat(message.getPayload()).isEqualTo(new ForConsent("user-a", new SetAnalyticsConsent(true)));
        assertThat(message.getMetaData()).containsEntry(JournalMetaData.CORRELATION_ID, "corr-16");
    }

    @Test
    void the_same_answer_again_is_200_already_recorded_even_with_no_journal_yet() throws Exception {
        given(commands.sendAndWait(any())).willReturn(new ConsentAccepted(EntryOutcome.ALREADY_RECORDED, false, 0));

        mvc.perform(putAs("user-b", "{\"analytics\":false}"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Journal-Sequence"))
                .andExpect(jsonPath("$.sequence").value(0))
                .andExpect(jsonPath("$.analytics").value(false))
                .andExpect(jsonPath("$.outcome").value("ALREADY_RECORDED"));
    }

    @Test
    void without_an_answer_it_is_a_422_problem_naming_the_field_and_nothing_is_sent() throws Exception {
        mvc.perform(putAs("user-a", "{}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("analytics"))
                .andExpect(jsonPath("$.errors[0].code").value("analytics.required"));
        verifyNoInteractions(commands);
    }

    @Test
    void an_answer_that_is_not_true_or_false_is_a_400_problem_and_nothing_is_sent() throws Exception {
        for (String body : new String[] {"{\"analytics\":\"yes\"}", "{\"analytics\":\"true\"}", "{\"analytics\":1}"}) {
            mvc.perform(putAs("user-a", body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(content().string(org.hamcrest.Matchers.not(containsString("yes"))));
        }
        verifyNoInteractions(commands);
    }

    @Test
    void an_analysts_token_cannot_reach_a_journal() throws Exception {
        mvc.perform(put("/api/journal/consent")
                        .with(jwt().jwt(token -> token.subject("user-a").claim("scope", "analytics:read")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"analytics\":true}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(commands);
    }
}
