package org.smallwins.platform;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Both services are OAuth2 resource servers: every API call needs a valid bearer token, and the caller is the token's
 * {@code sub}. Health probes and API documents are open. Authentication failures are problem details with a
 * {@code WWW-Authenticate} header.
 */
@AutoConfiguration
@EnableWebSecurity
@EnableConfigurationProperties({JwtProperties.class, PlatformProperties.class})
public class PlatformSecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, PlatformProperties limits) throws Exception {
        BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
        BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();
        http.csrf(csrf -> csrf.disable())
                .cors(cors -> cors.configurationSource(corsSource(limits)))
                .addFilterAfter(new WriteRateLimitFilter(limits.writesPerMinute(), limits.writeBurst(),
                        java.time.Clock.systemUTC()), BearerTokenAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .oauth2ResourceServer(rs -> rs
                        .jwt(Customizer.withDefaults())
                        .authenticationEntryPoint((request, response, e) -> {
                            bearerEntryPoint.commence(request, response, e);
                            ProblemWriter.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized",
                                    "Sign-in needed", "A valid bearer token is required."));
                        })
                        .accessDeniedHandler((request, response, e) -> {
                            bearerDenied.handle(request, response, e);
                            ProblemWriter.write(response, Problems.of(HttpStatus.FORBIDDEN, "forbidden",
                                    "Not allowed", "This token does not allow that."));
                        }));
        return http.build();
    }

    /** Browser origins allowed to call the API: none unless configured. */
    static CorsConfigurationSource corsSource(PlatformProperties limits) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(limits.corsAllowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", CorrelationIdFilter.HEADER));
        cors.setExposedHeaders(List.of(CorrelationIdFilter.HEADER, "Retry-After", "WWW-Authenticate"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }

    @Bean
    JwtDecoder jwtDecoder(JwtProperties properties) throws Exception {
        if (properties.issuer() == null || properties.issuer().isBlank()) {
            throw new IllegalStateException("smallwins.security.jwt.issuer must be set: tokens are checked against it");
        }
        NimbusJwtDecoder decoder;
        if (properties.jwkSetUri() != null && !properties.jwkSetUri().isBlank()) {
            decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        } else if (properties.publicKeyLocation() != null) {
            decoder = NimbusJwtDecoder.withPublicKey(readPublicKey(properties)).build();
        } else {
            decoder = NimbusJwtDecoder.withIssuerLocation(properties.issuer()).build();
        }
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(JwtValidators.createDefaultWithIssuer(properties.issuer()));
        if (properties.audience() != null && !properties.audience().isBlank()) {
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    aud -> aud != null && aud.contains(properties.audience())));
        }
        validators.add(new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    private static RSAPublicKey readPublicKey(JwtProperties properties) throws Exception {
        try (InputStream in = properties.publicKeyLocation().getInputStream()) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            byte[] der = Base64.getDecoder().decode(pem);
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        }
    }

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(PlatformProperties limits) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(limits.maxRequestBody().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    PlatformProblemHandler platformProblemHandler() {
        return new PlatformProblemHandler();
    }
}
