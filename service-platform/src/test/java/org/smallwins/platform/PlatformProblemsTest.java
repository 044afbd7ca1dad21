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

import jakarta.servlet.RequestDispatcher;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
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

        record Entry(String text, int mood, List<String> tags, List<Label> labels) {}

        record Label(String name) {}

        /** An answer with optional members: the ones without a value are left out. */
        record Answer(String text, String note, List<String> tags, Integer mood) {}

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

        @PostMapping(path = "/echo", consumes = MediaType.APPLICATION_JSON_VALUE)
        Answer echo(@RequestBody Entry entry) {
            return new Answer(entry.text(), null, entry.tags() == null ? List.of() : entry.tags(), null);
        }

        @GetMapping(path = "/answer", produces = MediaType.APPLICATION_JSON_VALUE)
        Answer answer() {
            return new Answer("a win", null, List.of(), 3);
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
     * The one problem shape: status, {@code application/problem+json}, and exactly {@code type} (our URI, never
     * {@code about:blank}), {@code title}, {@code status}, {@code detail}, {@code instance} (the request path) and
     * {@code code} (the last segment of the type), with {@code errors} only for field problems; no member is null.
     */
    ResultActions problem(ResultActions response, int status, String code, String title) throws Exception {
        assertThat(members(response))
                .as("the problem's members, none of them null")
                .containsAll(List.of("type", "title", "status", "detail", "instance", "code"))
                .isSubsetOf("type", "title", "status", "detail", "instance", "code", "errors");
        String path = response.andReturn().getRequest().getRequestURI();
        response.andExpect(status().is(status))
                .andExpect(content().contentType(PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").value(title))
                .andExpect(jsonPath("$.detail").isString())
                .andExpect(jsonPath("$.instance").value(path))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.type").value(platform(code)));
        var errors = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(body(response))
                .path("errors");
        for (var error : errors) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            error.properties().forEach(member -> names.add(member.getKey()));
            assertThat(names)
                    .as("an error's members")
                    .containsAll(List.of("field", "code", "message"))
                    .isSubsetOf("field", "pointer", "code", "message");
        }
        return response;
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

        problem(response, 400, "wrong-type", "Wrong type")
                .andExpect(jsonPath("$.errors[0].field").value("count"))
                .andExpect(jsonPath("$.errors[0].code").value("type"));
        assertThat(body(response)).doesNotContain(SECRET);
    }

    @Test
    void a_refused_query_is_a_400_naming_the_field_and_the_rule() throws Exception {
        problem(http.perform(get("/api/test/refused").with(jwt())), 400, "invalid-query", "Invalid query")
                .andExpect(jsonPath("$.detail").value("Use an ISO week such as 2026-W48."))
                .andExpect(jsonPath("$.errors[0].field").value("week"))
                .andExpect(jsonPath("$.errors[0].code").value("week.format"))
                .andExpect(jsonPath("$.errors[0].pointer").doesNotExist())
                .andExpect(header().exists("X-Correlation-Id"));
    }

    @Test
    void a_body_that_is_not_json_is_a_400_without_echoing_it() throws Exception {
        var response = http.perform(post("/api/test/entries")
                .with(jwt().jwt(j -> j.subject("malformed")))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"" + SECRET + "\", "));

        problem(response, 400, "malformed-json", "Unreadable body");
        assertThat(body(response)).doesNotContain(SECRET);
    }

    @Test
    void a_property_named_twice_is_a_400_never_read_as_its_last_value() throws Exception {
        var response = http.perform(post("/api/test/echo")
                .with(jwt().jwt(j -> j.subject("duplicate")))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"a win\", \"mood\": 3, \"text\": \"" + SECRET + "\"}"));

        problem(response, 400, "malformed-json", "Unreadable body")
                .andExpect(
                        jsonPath("$.detail").value("The request body is not valid JSON, or names a property twice."));
        assertThat(body(response)).doesNotContain(SECRET).doesNotContain("a win");
    }

    @Test
    void a_field_of_the_wrong_json_type_is_a_400_naming_the_field_never_coerced() throws Exception {
        var response = http.perform(post("/api/test/entries")
                .with(jwt().jwt(j -> j.subject("wrong-type")))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"" + SECRET + "\", \"mood\": \"3\"}"));

        problem(response, 400, "wrong-type", "Wrong type")
                .andExpect(jsonPath("$.errors[0].field").value("mood"))
                .andExpect(jsonPath("$.errors[0].pointer").value("/mood"))
                .andExpect(jsonPath("$.errors[0].code").value("type"));
        assertThat(body(response)).doesNotContain(SECRET).doesNotContain("\"3\"");
    }

    @Test
    void a_missing_body_is_a_400() throws Exception {
        problem(
                http.perform(post("/api/test/entries")
                        .with(jwt().jwt(j -> j.subject("no-body")))
                        .contentType(MediaType.APPLICATION_JSON)),
                400,
                "unreadable-body",
                "Unreadable body");
    }

    @Test
    void no_token_is_a_401_with_a_bearer_challenge() throws Exception {
        problem(http.perform(get("/api/test/weeks").param("count", "3")), 401, "unauthorized", "Sign-in needed")
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, org.hamcrest.Matchers.startsWith("Bearer")));
    }

    @Test
    void a_token_that_does_not_verify_is_a_401_saying_the_token_is_invalid() throws Exception {
        given(tokens.decode("forged")).willThrow(new BadJwtException("signature does not verify"));

        var response =
                http.perform(get("/api/test/weeks").param("count", "3").header("Authorization", "Bearer forged"));

        problem(response, 401, "unauthorized", "Sign-in needed")
                .andExpect(header().string(
                                HttpHeaders.WWW_AUTHENTICATE,
                                org.hamcrest.Matchers.containsString("error=\"invalid_token\"")));
        assertThat(body(response)).doesNotContain("forged");
    }

    @Test
    void an_unknown_path_is_a_404_problem_in_our_words_not_the_frameworks() throws Exception {
        var response = http.perform(get("/api/test/nowhere").with(jwt()));

        problem(response, 404, "not-found", "Not found")
                .andExpect(jsonPath("$.detail").value("There is nothing at this path."));
        assertThat(body(response)).doesNotContain("static resource").doesNotContain("No endpoint");
    }

    @Test
    void a_method_the_endpoint_does_not_take_is_a_405_problem_naming_the_allowed_one() throws Exception {
        var response = http.perform(delete("/api/test/entries").with(jwt()));

        problem(response, 405, "method-not-allowed", "Method not allowed")
                .andExpect(header().string(HttpHeaders.ALLOW, "POST"));
        assertThat(body(response)).doesNotContain("DELETE");
    }

    @Test
    void an_accept_header_naming_nothing_the_endpoint_answers_is_a_406_problem_still_in_json() throws Exception {
        var response = http.perform(
                get("/api/test/answer").accept(MediaType.APPLICATION_XML).with(jwt()));

        problem(response, 406, "not-acceptable", "Not acceptable")
                .andExpect(jsonPath("$.detail").value(PlatformProblemHandler.NOT_ACCEPTABLE_DETAIL));
        assertThat(PlatformProblemHandler.NOT_ACCEPTABLE_DETAIL)
                .as("an endpoint may answer CSV or server-sent events: the sentence must not promise JSON")
                .doesNotContain("JSON");
    }

    @Test
    void a_body_that_is_not_json_by_its_content_type_is_a_415_problem() throws Exception {
        var response = http.perform(post("/api/test/entries")
                .with(jwt().jwt(j -> j.subject("plain-text")))
                .contentType(MediaType.TEXT_PLAIN)
                .content(SECRET));

        problem(response, 415, "unsupported-media-type", "Unsupported media type");
        assertThat(body(response)).doesNotContain(SECRET).doesNotContain("text/plain");
    }

    @Test
    void a_missing_query_parameter_is_a_400_naming_it() throws Exception {
        problem(http.perform(get("/api/test/weeks").with(jwt())), 400, "invalid-query", "Invalid query")
                .andExpect(jsonPath("$.errors[0].field").value("count"))
                .andExpect(jsonPath("$.errors[0].code").value("parameter.required"));
    }

    @Test
    void an_unknown_body_property_is_a_400_naming_it_by_pointer_never_its_value() throws Exception {
        var response = http.perform(post("/api/test/entries")
                .with(jwt().jwt(j -> j.subject("typo")))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"a win\", \"mood\": 3, \"tag\": [\"" + SECRET + "\"]}"));

        problem(response, 400, "unknown-property", "Unknown property")
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("tag"))
                .andExpect(jsonPath("$.errors[0].pointer").value("/tag"))
                .andExpect(jsonPath("$.errors[0].code").value("property.unknown"));
        assertThat(body(response)).doesNotContain(SECRET).doesNotContain("labels");
    }

    @Test
    void an_unknown_property_deep_in_the_body_is_named_by_its_whole_pointer() throws Exception {
        problem(
                        http.perform(post("/api/test/entries")
                                .with(jwt().jwt(j -> j.subject("deep-typo")))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"text\": \"a win\", \"mood\": 3, "
                                        + "\"labels\": [{\"name\": \"a\"}, {\"colour\": \"red\"}]}")),
                        400,
                        "unknown-property",
                        "Unknown property")
                .andExpect(jsonPath("$.errors[0].field").value("labels[1].colour"))
                .andExpect(jsonPath("$.errors[0].pointer").value("/labels/1/colour"));
    }

    @Test
    void a_lone_surrogate_is_a_400_naming_the_field_never_stored_as_a_replacement_character() throws Exception {
        var response = http.perform(post("/api/test/echo")
                .with(jwt().jwt(j -> j.subject("surrogate")))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"Today I \\ud800 rested\", \"mood\": 3}"));

        problem(response, 400, "invalid-text", "Invalid text")
                .andExpect(jsonPath("$.errors[0].field").value("text"))
                .andExpect(jsonPath("$.errors[0].pointer").value("/text"))
                .andExpect(jsonPath("$.errors[0].code").value("text.unicode"));
        assertThat(body(response)).doesNotContain("rested");
    }

    @Test
    void a_lone_low_surrogate_in_a_list_is_a_400_naming_its_place() throws Exception {
        problem(
                        http.perform(post("/api/test/echo")
                                .with(jwt().jwt(j -> j.subject("surrogate-in-list")))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"text\": \"a win\", \"mood\": 3, \"tags\": [\"ok\", \"x\\udc00\"]}")),
                        400,
                        "invalid-text",
                        "Invalid text")
                .andExpect(jsonPath("$.errors[0].field").value("tags[1]"))
                .andExpect(jsonPath("$.errors[0].pointer").value("/tags/1"));
    }

    @Test
    void valid_text_of_every_kind_comes_back_byte_for_byte_and_null_members_are_left_out() throws Exception {
        // an emoji (a surrogate pair), a ZWJ sequence, a combining accent (not normalised), right-to-left text
        String text =
                "Today I \uD83C\uDF31 grew \uD83D\uDC69\u200D\uD83D\uDCBB e\u0301 \u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627";
        byte[] sent = ("{\"text\": \"" + text + "\", \"mood\": 3, \"tags\": [\"\u00E9t\u00E9\"]}")
                .getBytes(StandardCharsets.UTF_8);

        var response = http.perform(post("/api/test/echo")
                        .with(jwt().jwt(j -> j.subject("unicode")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(sent))
                .andExpect(status().isOk());

        byte[] answered = response.andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(answered, StandardCharsets.UTF_8))
                .isEqualTo("{\"text\":\"" + text + "\",\"tags\":[\"\u00E9t\u00E9\"]}");
        assertThat(members(response)).containsExactlyInAnyOrder("text", "tags");
    }

    @Test
    void a_body_over_the_limit_is_a_413_and_never_reaches_the_controller() throws Exception {
        var response = http.perform(post("/api/test/entries")
                .with(jwt().jwt(j -> j.subject("large")))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"" + SECRET + "x".repeat(2048) + "\", \"mood\": 3}"));

        problem(response, 413, "body-too-large", "Request too large")
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
                        "too-many-writes",
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

        problem(response, 500, "internal", "Something went wrong");
        assertThat(body(response)).doesNotContain(SECRET).doesNotContain("IllegalStateException");
    }

    @Test
    void an_unreachable_store_is_a_503_asking_to_send_the_same_request_again() throws Exception {
        var response = http.perform(get("/api/test/unavailable").with(jwt()));

        problem(response, 503, "store-unavailable", "Temporarily unavailable")
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"));
        assertThat(body(response)).doesNotContain(SECRET).doesNotContain("ConnectException");
    }

    @Test
    void an_error_outside_the_controllers_is_answered_in_the_same_shape_for_the_path_that_failed() throws Exception {
        var response = http.perform(get("/error")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 400)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/test/rejected"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("bad-request"))
                .andExpect(jsonPath("$.type").value(platform("bad-request")))
                .andExpect(jsonPath("$.instance").value("/api/test/rejected"));
        assertThat(members(response))
                .containsExactlyInAnyOrder("type", "title", "status", "detail", "instance", "code");
    }

    @Test
    void an_unavailable_error_outside_the_controllers_carries_retry_after() throws Exception {
        http.perform(get("/error")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 503)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/test/weeks"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("service-unavailable"))
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"));
    }

    @Test
    void a_token_that_does_not_allow_the_request_is_a_403_problem_with_a_bearer_challenge() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/test/weeks");
        MockHttpServletResponse response = new MockHttpServletResponse();

        PlatformSecurityConfiguration.problemAccessDenied()
                .handle(request, response, new AccessDeniedException("scope " + SECRET));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).isEqualTo(PROBLEM_JSON);
        assertThat(response.getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.getContentAsString());
        assertThat(json.path("type").asString()).isEqualTo(platform("forbidden"));
        assertThat(json.path("code").asString()).isEqualTo("forbidden");
        assertThat(json.path("title").asString()).isEqualTo("Not allowed");
        assertThat(json.path("instance").asString()).isEqualTo("/api/test/weeks");
        assertThat(response.getContentAsString()).doesNotContain(SECRET);
    }

    @Test
    void every_problem_code_is_its_types_last_segment_and_unique() {
        var codes = new java.util.HashSet<String>();
        for (ProblemType type : ProblemType.values()) {
            assertThat(type.type().toString()).isEqualTo(Problems.TYPE_PREFIX + type.code());
            assertThat(codes.add(type.code())).as(type.code()).isTrue();
            assertThat(type.code()).matches("[a-z]+(-[a-z]+)*");
        }
    }
}
