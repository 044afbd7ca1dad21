package org.smallwins.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.ConnectException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a client sees when a request goes wrong, through the platform's real security, filters and error mapping (the
 * platform registers them for every {@code @WebMvcTest}), in front of a tiny controller: one RFC 9457 problem shape,
 * never a submitted value.
 */
@WebMvcTest(
        properties = {
            "spring.security.oauth2.resourceserver.jwt.issuer-uri=https://issuer.test",
            "smallwins.http.max-request-body=1KB",
            "smallwins.http.writes-per-minute=1",
            "smallwins.http.write-burst=2"
        })
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PlatformProblemsTest {

    static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    static final String SECRET = "Today I told my sister no";
    static final String ABOUT_BLANK = "about:blank";

    @Autowired
    MockMvc http;

    @MockitoBean
    JwtDecoder tokens;

    @SpringBootConfiguration
    @Import(Endpoints.class)
    static class Application {}

    @RestController
    @RequestMapping("/api/test")
    static class Endpoints {

        record Entry(String text, int mood) {}

        @GetMapping("/weeks")
        String weeks(@RequestParam int count) {
            return "ok";
        }

        @GetMapping("/refused")
        String refused() {
            throw new InvalidQueryException("week", "week.format", "Use an ISO week such as 2026-W48.");
        }

        @PostMapping(path = "/entries", consumes = MediaType.APPLICATION_JSON_VALUE)
        ResponseEntity<Void> entries(@RequestBody Entry entry) {
            return ResponseEntity.accepted().build();
        }

        @GetMapping("/broken")
        String broken() {
            throw new IllegalStateException(SECRET);
        }

        @GetMapping("/unavailable")
        String unavailable() throws ConnectException {
            throw new ConnectException(SECRET);
        }
    }

    /**
     * The problem shape: status, content type, {@code type} (absent for {@code about:blank}, the RFC's default: the
     * title is then the HTTP status phrase), {@code title}, {@code status} and a {@code detail} sentence.
     */
    ResultActions problem(ResultActions response, int status, String type, String title) throws Exception {
        assertThat(members(response))
                .as("the problem's members, none of them null")
                .isSubsetOf("type", "title", "status", "detail", "instance", "errors");
        response.andExpect(status().is(status))
                .andExpect(content().contentType(PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").value(title))
                .andExpect(jsonPath("$.detail").isString());
        return ABOUT_BLANK.equals(type)
                ? response.andExpect(jsonPath("$.type").doesNotExist())
                : response.andExpect(jsonPath("$.type").value(type));
    }

    /** The names of the body's members that have a value. */
    static java.util.Set<String> members(ResultActions response) throws Exception {
        var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(body(response));
        java.util.Set<String> names = new java.util.TreeSet<>();
        json.properties()
                .forEach(member -> names.add(member.getValue().isNull() ? member.getKey() + "=null" : member.getKey()));
        return names;
    }

    static String platform(String type) {
        return Problems.TYPE_PREFIX + type;
    }

    static String body(ResultActions response) throws Exception {
        return response.andReturn().getResponse().getContentAsString();
    }

    @Test
    void a_query_parameter_of_the_wrong_type_is_a_400_naming_the_parameter_not_its_value() throws Exception {
        var response =
                http.perform(get("/api/test/weeks").param("count", SECRET).with(jwt()));

        problem(response, 400, platform("wrong-type"), "Wrong type")
                .andExpect(jsonPath("$.errors[0].field").value("count"))
                .andExpect(jsonPath("$.errors[0].rule").value("type"));
        assertThat(body(response)).doesNotContain(SECRET);
    }

    @Test
    void a_refused_query_is_a_400_naming_the_field_and_the_rule() throws Exception {
        problem(http.perform(get("/api/test/refused").with(jwt())), 400, platform("invalid-query"), "Invalid query")
                .andExpect(jsonPath("$.detail").value("Use an ISO week such as 2026-W48."))
                .andExpect(jsonPath("$.errors[0].field").value("week"))
                .andExpect(jsonPath("$.errors[0].rule").value("week.format"))
                .andExpect(header().exists("X-Correlation-Id"));
    }

    @Test
    void a_body_that_is_not_json_is_a_400_without_echoing_it() throws Exception {
        var response = http.perform(post("/api/test/entries")
                .with(jwt().jwt(j -> j.subject("malformed")))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"" + SECRET + "\", "));

        problem(response, 400, platform("malformed-json"), "Unreadable body");
        assertThat(body(response)).doesNotContain(SECRET);
    }

    @Test
    void a_field_of_the_wrong_json_type_is_a_400_naming_the_field_never_coerced() throws Exception {
        var response = http.perform(post("/api/test/entries")
                .with(jwt().jwt(j -> j.subject("wrong-type")))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"" + SECRET + "\", \"mood\": \"3\"}"));

        problem(response, 400, platform("wrong-type"), "Wrong type")
                .andExpect(jsonPath("$.errors[0].field").value("mood"))
                .andExpect(jsonPath("$.errors[0].rule").value("type"));
        assertThat(body(response)).doesNotContain(SECRET).doesNotContain("\"3\"");
    }

    @Test
    void a_missing_body_is_a_400() throws Exception {
        problem(
                http.perform(post("/api/test/entries")
                        .with(jwt().jwt(j -> j.subject("no-body")))
                        .contentType(MediaType.APPLICATION_JSON)),
                400,
                platform("unreadable-body"),
                "Unreadable body");
    }

    @Test
    void no_token_is_a_401_with_a_bearer_challenge() throws Exception {
        problem(
                        http.perform(get("/api/test/weeks").param("count", "3")),
                        401,
                        platform("unauthorized"),
                        "Sign-in needed")
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, org.hamcrest.Matchers.startsWith("Bearer")));
    }

    @Test
    void a_token_that_does_not_verify_is_a_401_saying_the_token_is_invalid() throws Exception {
        given(tokens.decode("forged")).willThrow(new BadJwtException("signature does not verify"));

        var response =
                http.perform(get("/api/test/weeks").param("count", "3").header("Authorization", "Bearer forged"));

        problem(response, 401, platform("unauthorized"), "Sign-in needed")
                .andExpect(header().string(
                                HttpHeaders.WWW_AUTHENTICATE,
                                org.hamcrest.Matchers.containsString("error=\"invalid_token\"")));
        assertThat(body(response)).doesNotContain("forged");
    }

    @Test
    void an_unknown_path_is_a_404_problem() throws Exception {
        problem(http.perform(get("/api/test/nowhere").with(jwt())), 404, ABOUT_BLANK, "Not Found");
    }

    @Test
    void a_method_the_endpoint_does_not_take_is_a_405_problem_naming_the_allowed_one() throws Exception {
        problem(http.perform(delete("/api/test/entries").with(jwt())), 405, ABOUT_BLANK, "Method Not Allowed")
                .andExpect(header().string(HttpHeaders.ALLOW, "POST"));
    }

    @Test
    void a_body_that_is_not_json_by_its_content_type_is_a_415_problem() throws Exception {
        var response = http.perform(post("/api/test/entries")
                .with(jwt().jwt(j -> j.subject("plain-text")))
                .contentType(MediaType.TEXT_PLAIN)
                .content(SECRET));

        problem(response, 415, ABOUT_BLANK, "Unsupported Media Type");
        assertThat(body(response)).doesNotContain(SECRET);
    }

    @Test
    void a_body_over_the_limit_is_a_413_and_never_reaches_the_controller() throws Exception {
        var response = http.perform(post("/api/test/entries")
                .with(jwt().jwt(j -> j.subject("large")))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"" + SECRET + "x".repeat(2048) + "\", \"mood\": 3}"));

        problem(response, 413, platform("body-too-large"), "Request too large")
                .andExpect(jsonPath("$.detail").value("Request bodies are limited to 1 KiB."));
        assertThat(body(response)).doesNotContain(SECRET);
    }

    @Test
    void writes_past_the_burst_are_a_429_with_retry_after_and_another_person_is_not_affected() throws Exception {
        for (int i = 0; i < 2; i++) {
            http.perform(post("/api/test/entries")
                            .with(jwt().jwt(j -> j.subject("busy")))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"text\": \"a win\", \"mood\": 3}"))
                    .andExpect(status().isAccepted());
        }

        problem(
                        http.perform(post("/api/test/entries")
                                .with(jwt().jwt(j -> j.subject("busy")))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"text\": \"a win\", \"mood\": 3}")),
                        429,
                        platform("too-many-writes"),
                        "Slow down a little")
                .andExpect(header().exists(HttpHeaders.RETRY_AFTER));
        http.perform(post("/api/test/entries")
                        .with(jwt().jwt(j -> j.subject("calm")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"a win\", \"mood\": 3}"))
                .andExpect(status().isAccepted());
        http.perform(get("/api/test/weeks").param("count", "3").with(jwt().jwt(j -> j.subject("busy"))))
                .andExpect(status().isOk());
    }

    @Test
    void an_unexpected_failure_is_a_500_problem_without_internals() throws Exception {
        var response = http.perform(get("/api/test/broken").with(jwt()));

        problem(response, 500, platform("internal"), "Something went wrong");
        assertThat(body(response)).doesNotContain(SECRET).doesNotContain("IllegalStateException");
    }

    @Test
    void an_unreachable_store_is_a_503_asking_to_send_the_same_request_again() throws Exception {
        var response = http.perform(get("/api/test/unavailable").with(jwt()));

        problem(response, 503, platform("store-unavailable"), "Temporarily unavailable")
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"));
        assertThat(body(response)).doesNotContain(SECRET).doesNotContain("ConnectException");
    }
}
