package org.smallwins.platform;

import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.CollectionUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Both services are OAuth2 resource servers: every API call needs a valid bearer token, and the caller is the token's
 * {@code sub}. Health probes and API documents are open. Authentication failures are problem details with a
 * {@code WWW-Authenticate} header.
 *
 * <p>Which tokens are accepted is Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*} configuration
 * (issuer-uri, jwk-set-uri, public-key-location, audiences), set from the {@code SMALLWINS_JWT_*} variables in each
 * service's application.yml. The issuer is required.
 */
@AutoConfiguration(before = {OAuth2ResourceServerAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@EnableWebSecurity
@EnableConfigurationProperties({OAuth2ResourceServerProperties.class, PlatformProperties.class})
public class PlatformSecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, PlatformProperties limits, OAuth2ResourceServerProperties tokens)
            throws Exception {
        requireIssuer(tokens.getJwt());
        http.csrf(csrf -> csrf.disable())
                .cors(cors -> cors.configurationSource(corsSource(limits)))
                .addFilterAfter(
                        new WriteRateLimitFilter(limits.writesPerMinute(), limits.writeBurst()),
                        BearerTokenAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        .requestMatchers(ANALYTICS_PATHS)
                        .hasAuthority(ANALYTICS_AUTHORITY)
                        .anyRequest()
                        .access(AuthorizationManagers.allOf(
                                AuthenticatedAuthorizationManager.authenticated(),
                                AuthorizationManagers.not(
                                        AuthorityAuthorizationManager.hasAuthority(ANALYTICS_AUTHORITY)))))
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(contentSecurityPolicy()))
                .oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(problemEntryPoint())
                        .accessDeniedHandler(problemAccessDenied()));
        return http.build();
    }

    /**
     * Issue 16: the analytics endpoints answer only tokens with scope {@code analytics:read} (Spring's authority
     * {@code SCOPE_analytics:read} from the token's {@code scope} claim): a person's token gets 403. An analyst's token
     * is for analytics only: every other API answers it 403, so an analyst never reaches a journal, even one whose
     * owner shares the analyst's subject.
     */
    public static final String ANALYTICS_SCOPE = "analytics:read";

    static final String ANALYTICS_AUTHORITY = "SCOPE_" + ANALYTICS_SCOPE;
    static final String ANALYTICS_PATHS = "/api/analytics/**";

    /** 401 with the bearer challenge ({@code WWW-Authenticate}) and the one problem shape. */
    static AuthenticationEntryPoint problemEntryPoint() {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, failure) -> {
            bearer.commence(request, response, failure);
            ProblemWriter.write(
                    request, response, Problems.of(ProblemType.UNAUTHORIZED, "A valid bearer token is required."));
        };
    }

    /** 403 with the bearer challenge naming the insufficient scope, and the one problem shape. */
    static AccessDeniedHandler problemAccessDenied() {
        BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
        return (request, response, denied) -> {
            bearer.handle(request, response, denied);
            ProblemWriter.write(
                    request, response, Problems.of(ProblemType.FORBIDDEN, "This token does not allow that."));
        };
    }

    /** The API's policy: a browser may load nothing from an API response. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    /**
     * Swagger UI's own pages: its scripts, styles, images and the API document from this service only; inline styles
     * (its components set them) but no inline script, nothing from elsewhere, and never in a frame.
     */
    static final String SWAGGER_UI_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    /** One Content-Security-Policy header per response: Swagger UI's on its own paths, the API's everywhere else. */
    static HeaderWriter contentSecurityPolicy() {
        RequestMatcher swaggerUi = new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"),
                PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/v3/api-docs/**"));
        HeaderWriter swaggerPolicy = new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_POLICY);
        HeaderWriter apiPolicy = new ContentSecurityPolicyHeaderWriter(API_POLICY);
        return (request, response) -> {
            if (swaggerUi.matches(request)) {
                swaggerPolicy.writeHeaders(request, response);
            } else {
                apiPolicy.writeHeaders(request, response);
            }
        };
    }

    /** Browser origins allowed to call the API: none unless configured. */
    static CorsConfigurationSource corsSource(PlatformProperties limits) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(limits.corsAllowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of(
                "Authorization",
                "Content-Type",
                CorrelationIdFilter.HEADER,
                JournalSequence.HEADER,
                IfMatch.HEADER,
                "Last-Event-ID",
                "Confirm-Erasure"));
        cors.setExposedHeaders(List.of(
                CorrelationIdFilter.HEADER,
                JournalSequence.HEADER,
                "Location",
                "ETag",
                "Retry-After",
                "WWW-Authenticate"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }

    /**
     * What Boot's token checks lack: a token must name its subject (the caller's journal), so a blank {@code sub} is
     * refused. Boot adds every such bean to the issuer, audience and time checks of the decoder it builds.
     */
    @Bean
    OAuth2TokenValidator<Jwt> subjectRequired() {
        return new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank());
    }

    /**
     * Tokens signed with a known public key (the local development issuer and tests), with the issuer still checked.
     * Boot builds a public-key decoder only when no issuer is set (with one it turns to the issuer's discovery
     * document), so this one case is built here, with the same checks Boot applies to the others. A JWK set URI, when
     * set, wins; with neither, Boot's decoder discovers the keys at the issuer.
     */
    @Bean
    @Conditional(PublicKeyWithoutJwkSet.class)
    JwtDecoder publicKeyJwtDecoder(
            OAuth2ResourceServerProperties properties, ObjectProvider<OAuth2TokenValidator<Jwt>> additionalValidators)
            throws IOException {
        OAuth2ResourceServerProperties.Jwt jwt = properties.getJwt();
        requireIssuer(jwt);
        RSAPublicKey key;
        try (InputStream in = jwt.getPublicKeyLocation().getInputStream()) {
            key = RsaKeyConverters.x509().convert(in);
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key).build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtIssuerValidator(jwt.getIssuerUri()));
        if (!CollectionUtils.isEmpty(jwt.getAudiences())) {
            validators.add(new JwtClaimValidator<List<String>>(
                    JwtClaimNames.AUD, aud -> aud != null && !Collections.disjoint(aud, jwt.getAudiences())));
        }
        additionalValidators.orderedStream().forEach(validators::add);
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(validators));
        return decoder;
    }

    /**
     * Every token decoder of the service, whichever way it was built (Boot's from an issuer or JWK set, or the
     * public-key one above), is put behind the bounded cache of verified tokens, unless its size is 0.
     */
    @Bean
    static BeanPostProcessor verifiedTokenCache(ObjectProvider<PlatformProperties> settings) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokenCache)) {
                    PlatformProperties limits = settings.getObject();
                    if (limits.tokenCacheSize() > 0) {
                        return new VerifiedTokenCache(decoder, limits.tokenCacheSize(), limits.tokenCacheMaxAge());
                    }
                }
                return bean;
            }
        };
    }

    /** Every token is checked against the issuer: a service without one refuses to start. */
    static void requireIssuer(OAuth2ResourceServerProperties.Jwt jwt) {
        if (!StringUtils.hasText(jwt.getIssuerUri())) {
            throw new IllegalStateException(
                    "SMALLWINS_JWT_ISSUER (spring.security.oauth2.resourceserver.jwt.issuer-uri) "
                            + "must be set: tokens are checked against it");
        }
    }

    /** A public key location is set and no JWK set URI. */
    static class PublicKeyWithoutJwkSet extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            ConditionMessage.Builder message = ConditionMessage.forCondition("Public key with issuer");
            Environment environment = context.getEnvironment();
            if (!StringUtils.hasText(environment.getProperty(PREFIX + "public-key-location"))) {
                return ConditionOutcome.noMatch(
                        message.didNotFind("public-key-location").atAll());
            }
            if (StringUtils.hasText(environment.getProperty(PREFIX + "jwk-set-uri"))) {
                return ConditionOutcome.noMatch(message.found("jwk-set-uri").atAll());
            }
            return ConditionOutcome.match(message.foundExactly("public-key-location"));
        }
    }

    private static final String PREFIX = "spring.security.oauth2.resourceserver.jwt.";

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration =
                new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(PlatformProperties limits) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(
                        limits.maxRequestBody().toBytes(),
                        java.util.Map.of(
                                PlatformProperties.IMPORT_PATH,
                                limits.maxImportBody().toBytes())));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    PlatformProblemHandler platformProblemHandler() {
        return new PlatformProblemHandler();
    }

    /** Boot's own error controller stands back for it. */
    @Bean
    PlatformErrorController platformErrorController() {
        return new PlatformErrorController();
    }

    @Bean
    JournalProblems journalProblems() {
        return new JournalProblems();
    }
}
