package org.smallwins.command.erasure.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.smallwins.command.erasure.ErasureReceipt;
import org.smallwins.command.erasure.JournalErasure;
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

/**
 * The HTTP mapping of an erasure alone: it happens only when the caller confirms with their own subject, and answers
 * 202 with a receipt holding no journal content. The erasure itself is a mock; the real one is covered by
 * {@code ErasureOverHttpTest}.
 */
@WebMvcTest(
        controllers = ErasureController.class,
        properties = "spring.security.oauth2.resourceserver.jwt.issuer-uri=https://issuer.test")
@ImportAutoConfiguration({PlatformSecurityConfiguration.class, StrictJsonConfiguration.class})
@Import(ErasureControllerTest.Meters.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ErasureControllerTest {

    @TestConfiguration
    static class Meters {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @MockitoBean
    JournalErasure erasure;

    @MockitoBean
    JwtDecoder tokens;

    @Autowired
    MockMvc mvc;

    @Test
    void an_erasure_confirmed_with_the_callers_own_subject_is_202_with_a_receipt() throws Exception {
        given(erasure.erase("user-a", "corr-erase"))
                .willReturn(new ErasureReceipt(
                        "erasure-1",
                        Instant.parse("2026-11-30T08:00:00Z"),
                        "ERASED",
                        12,
                        "key-1",
                        12,
                        "event-12",
                        null,
                        13));

        mvc.perform(delete("/api/journal")
                        .with(jwt().jwt(t -> t.subject("user-a")))
                        .header("Confirm-Erasure", "user-a")
                        .header("X-Correlation-Id", "corr-erase"))
                .andExpect(status().isAccepted())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(header().string("Journal-Sequence", "13"))
                .andExpect(jsonPath("$.erasureId").value("erasure-1"))
                .andExpect(jsonPath("$.erasedAt").value("2026-11-30T08:00:00Z"))
                .andExpect(jsonPath("$.outcome").value("ERASED"))
                .andExpect(jsonPath("$.erasedEvents").value(12))
                .andExpect(jsonPath("$.destroyedKeyId").value("key-1"))
                .andExpect(jsonPath("$.lastSequence").value(12))
                .andExpect(jsonPath("$.lastEventId").value("event-12"));
        verify(erasure).erase("user-a", "corr-erase");
    }

    @Test
    void an_erasure_without_the_confirmation_header_is_a_400_problem_and_erases_nothing() throws Exception {
        mvc.perform(delete("/api/journal").with(jwt().jwt(t -> t.subject("user-a"))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://smallwins.dev/problems/erasure-not-confirmed"))
                .andExpect(jsonPath("$.errors[0].field").value("Confirm-Erasure"))
                .andExpect(jsonPath("$.errors[0].code").value("header.required"));

        verifyNoInteractions(erasure);
    }

    @Test
    void an_erasure_confirmed_with_another_subject_is_a_400_problem_that_does_not_echo_it_and_erases_nothing()
            throws Exception {
        mvc.perform(delete("/api/journal")
                        .with(jwt().jwt(t -> t.subject("user-a")))
                        .header("Confirm-Erasure", "user-b-someone-else"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("header.own-subject"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("user-b-someone-else"))));

        verifyNoInteractions(erasure);
    }

    @Test
    void an_erasure_needs_a_token() throws Exception {
        mvc.perform(delete("/api/journal").header("Confirm-Erasure", "user-a")).andExpect(status().isUnauthorized());

        verifyNoInteractions(erasure);
    }

    @Test
    void an_erasure_of_a_journal_with_nothing_to_erase_is_still_202_and_says_so() throws Exception {
        given(erasure.erase(any(), any()))
                .willReturn(new ErasureReceipt(
                        "erasure-2",
                        Instant.parse("2026-11-30T08:00:00Z"),
                        "NOTHING_TO_ERASE",
                        0,
                        null,
                        0,
                        null,
                        null,
                        0));

        mvc.perform(delete("/api/journal")
                        .with(jwt().jwt(t -> t.subject("user-a")))
                        .header("Confirm-Erasure", "user-a"))
                .andExpect(status().isAccepted())
                .andExpect(header().doesNotExist("Journal-Sequence"))
                .andExpect(jsonPath("$.outcome").value("NOTHING_TO_ERASE"))
                .andExpect(jsonPath("$.erasedEvents").value(0));
    }
}
