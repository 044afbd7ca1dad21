package org.smallwins.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.smallwins.infra.DevTokens;

/** The development issuer's {@code /token}: a person's token, or (issue 16) an analyst's with scope analytics:read. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DevTokenEndpointTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    static HttpResponse<String> get(DevTokenEndpoint endpoint, String query) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(endpoint.url() + "/token?" + query))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void mints_a_persons_token_without_a_scope_and_an_analysts_with_scope_analytics_read_and_no_other_scope()
            throws Exception {
        DevTokens tokens = DevTokens.generate(DevTokens.DEFAULT_ISSUER, DevTokens.DEFAULT_AUDIENCE);
        try (DevTokenEndpoint endpoint = DevTokenEndpoint.start(0, tokens)) {
            HttpResponse<String> person = get(endpoint, "user=alice");
            HttpResponse<String> analyst = get(endpoint, "user=ada&scope=analytics:read");
            HttpResponse<String> admin = get(endpoint, "user=ada&scope=admin");

            assertThat(person.statusCode()).isEqualTo(200);
            assertThat(SignedJWT.parse(person.body()).getJWTClaimsSet().getClaim("scope"))
                    .isNull();
            assertThat(analyst.statusCode()).isEqualTo(200);
            assertThat(SignedJWT.parse(analyst.body()).getJWTClaimsSet().getSubject())
                    .isEqualTo("ada");
            assertThat(SignedJWT.parse(analyst.body()).getJWTClaimsSet().getStringClaim("scope"))
                    .isEqualTo("analytics:read");
            assertThat(admin.statusCode()).isEqualTo(400);
        }
    }
}
