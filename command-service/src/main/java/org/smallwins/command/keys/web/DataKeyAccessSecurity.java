package org.smallwins.command.keys.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.smallwins.command.keys.KeysProperties;
import org.smallwins.platform.ProblemType;
import org.smallwins.platform.ProblemWriter;
import org.smallwins.platform.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /internal/**} has its own security, ahead of the API's JWT chain: a caller presents the shared key access
 * token ({@code SMALLWINS_KEY_ACCESS_TOKEN}, held by the query service only) as a bearer token, compared in constant
 * time. Anything else is 401. The service does not start without a token, so a blank one can never match.
 */
@Configuration(proxyBeanMethods = false)
class DataKeyAccessSecurity {

    static final String KEY_READER = "KEY_READER";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain dataKeyAccess(HttpSecurity http, KeysProperties properties) throws Exception {
        byte[] expected = requiredToken(properties);
        http.securityMatcher("/internal/**")
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterAfter(new AccessTokenFilter(expected), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAuthority(KEY_READER))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, failure) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            ProblemWriter.write(request, response, keyAccessTokenNeeded());
                        })
                        .accessDeniedHandler((request, response, denied) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            ProblemWriter.write(request, response, keyAccessTokenNeeded());
                        }));
        return http.build();
    }

    private static ProblemDetail keyAccessTokenNeeded() {
        return Problems.of(ProblemType.UNAUTHORIZED, "A valid key access token is required.");
    }

    static byte[] requiredToken(KeysProperties properties) {
        if (!StringUtils.hasText(properties.accessToken())) {
            throw new IllegalStateException("SMALLWINS_KEY_ACCESS_TOKEN (smallwins.keys.access-token) must be set: "
                    + "the query service presents it to fetch data keys");
        }
        return properties.accessToken().getBytes(StandardCharsets.UTF_8);
    }

    /** Authenticates a request whose bearer token is the key access token; leaves every other request anonymous. */
    static final class AccessTokenFilter extends OncePerRequestFilter {

        private static final String PREFIX = "Bearer ";

        private final byte[] expected;

        AccessTokenFilter(byte[] expected) {
            this.expected = expected.clone();
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
                byte[] presented = header.substring(PREFIX.length()).trim().getBytes(StandardCharsets.UTF_8);
                if (MessageDigest.isEqual(presented, expected)) {
                    var authentication = UsernamePasswordAuthenticationToken.authenticated(
                            "query-service", null, List.of(new SimpleGrantedAuthority(KEY_READER)));
                    var context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(authentication);
                    SecurityContextHolder.setContext(context);
                }
            }
            chain.doFilter(request, response);
        }
    }
}
