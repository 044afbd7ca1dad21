package org.smallwins.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.smallwins.infra.DevTokens;
import org.springframework.http.ResponseEntity;

/** The provider's {@code /token}: a person's token, or (issue 16) an analyst's with scope analytics:read, nothing else. */
class TokenEndpointTest {

    final DevTokens tokens = DevTokens.generate(DevTokens.DEFAULT_ISSUER, DevTokens.DEFAULT_AUDIENCE);
    final TokenEndpoint endpoint = new TokenEndpoint(tokens);

    @Test
    void mints_a_persons_token_without_a_scope_and_an_analysts_with_scope_analytics_read_and_no_other_scope()
            throws Exception {
        ResponseEntity<String> person = endpoint.token("alice", null);
        ResponseEntity<String> analyst = endpoint.token("ada", "analytics:read");
        ResponseEntity<String> admin = endpoint.token("ada", "admin");

        assertThat(person.getStatusCode().value()).isEqualTo(200);
        assertThat(SignedJWT.parse(person.getBody()).getJWTClaimsSet().getSubject())
                .isEqualTo("alice");
        assertThat(SignedJWT.parse(person.getBody()).getJWTClaimsSet().getClaim("scope"))
                .isNull();
        assertThat(analyst.getStatusCode().value()).isEqualTo(200);
        assertThat(SignedJWT.parse(analyst.getBody()).getJWTClaimsSet().getSubject())
                .isEqualTo("ada");
        assertThat(SignedJWT.parse(analyst.getBody()).getJWTClaimsSet().getStringClaim("scope"))
                .isEqualTo("analytics:read");
        assertThat(admin.getStatusCode().value()).isEqualTo(400);
        assertThat(admin.getBody()).doesNotContain("admin");
    }

    @Test
    void a_missing_or_malformed_user_name_is_refused_without_a_token() {
        assertThat(endpoint.token(null, null).getStatusCode().value()).isEqualTo(400);
        assertThat(endpoint.token("no spaces", null).getStatusCode().value()).isEqualTo(400);
        assertThat(endpoint.token("no spaces", null).getBody()).startsWith("Ask for /token?user=NAME");
    }
}
