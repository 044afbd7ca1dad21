package org.smallwins.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The two services over their public APIs, as the signed-in person: every call carries their access token (kept on
 * the server, refreshed when it expires) as a bearer token. Writes carry the id the page generated, so a form sent
 * twice is recorded once.
 */
@Component
class JournalApi {

    static final String REGISTRATION = "smallwins";

    private final RestClient command;
    private final RestClient query;

    JournalApi(RestClient.Builder builder, WebProperties properties, OAuth2AuthorizedClientManager clients) {
        OAuth2ClientHttpRequestInterceptor bearer = new OAuth2ClientHttpRequestInterceptor(clients);
        bearer.setClientRegistrationIdResolver(request -> REGISTRATION);
        this.command = builder.clone()
                .baseUrl(properties.commandUrl().toString())
                .requestInterceptor(bearer)
                .build();
        this.query = builder.clone()
                .baseUrl(properties.queryUrl().toString())
                .requestInterceptor(bearer)
                .build();
    }

    long logWin(String winId, String text, String focusArea, List<String> tags, String zone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("winId", winId);
        body.put("text", text);
        body.put("focusArea", focusArea);
        body.put("tags", tags);
        putZone(body, zone);
        return post("/api/journal/wins", body);
    }

    long recordCheckIn(String checkInId, int mood, int energy, String window, String note, String zone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("checkInId", checkInId);
        body.put("mood", mood);
        body.put("energy", energy);
        body.put("window", window);
        if (note != null && !note.isBlank()) {
            body.put("note", note);
        }
        putZone(body, zone);
        return post("/api/journal/check-ins", body);
    }

    /**
     * The week's reflection, whole (a PUT of the whole value: sent twice, it is recorded once). The answer is left out
     * when blank (none).
     */
    long writeReflection(String isoWeek, String answer, List<String> winIds, boolean proudOfShowingUp, String zone) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (answer != null && !answer.isBlank()) {
            body.put("answer", answer);
        }
        body.put("winIds", winIds);
        body.put("proudOfShowingUp", proudOfShowingUp);
        putZone(body, zone);
        Api.Recorded recorded = command.put()
                .uri("/api/journal/reflections/{isoWeek}", isoWeek)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(Api.Recorded.class);
        return recorded == null ? 0 : recorded.sequence();
    }

    /** The person's IANA zone (needed with their first entry; later ones default to the previous entry's). */
    private static void putZone(Map<String, Object> body, String zone) {
        if (zone != null && !zone.isBlank()) {
            body.put("zone", zone.trim());
        }
    }

    private long post(String path, Map<String, Object> body) {
        Api.Recorded recorded = command.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(Api.Recorded.class);
        return recorded == null ? 0 : recorded.sequence();
    }

    Api.Week week(String week, Long after) {
        return query.get()
                .uri(u -> u.path("/api/trends/weeks/{week}")
                        .queryParamIfPresent("after", java.util.Optional.ofNullable(after))
                        .build(week))
                .retrieve()
                .body(Api.Week.class);
    }

    List<Api.Week> weeks(int count) {
        return query.get()
                .uri(u -> u.path("/api/trends/weeks").queryParam("count", count).build())
                .retrieve()
                .body(new org.springframework.core.ParameterizedTypeReference<List<Api.Week>>() {});
    }

    Api.TimelinePage timeline(String from, String to, int limit, String cursor, Long after) {
        return query.get()
                .uri(u -> u.path("/api/timeline")
                        .queryParamIfPresent("from", java.util.Optional.ofNullable(from))
                        .queryParamIfPresent("to", java.util.Optional.ofNullable(to))
                        .queryParam("limit", limit)
                        .queryParamIfPresent("cursor", java.util.Optional.ofNullable(cursor))
                        .queryParamIfPresent("after", java.util.Optional.ofNullable(after))
                        .build())
                .retrieve()
                .body(Api.TimelinePage.class);
    }
}
