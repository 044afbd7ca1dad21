package org.smallwins.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Backend-for-frontend sign-in: OpenID Connect authorization code with PKCE; the tokens stay in the server-side session
 * (the browser holds only the HttpOnly, SameSite session cookie); every form carries a CSRF token; pages may load only
 * this app's own styles and images, and no script at all.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

    /**
     * Pages load only this app's own styles and images and no script; forms go to this app, and signing out may be
     * redirected on to the identity provider's sign-out endpoint.
     */
    static String pagePolicy(WebProperties properties) {
        String signOut = properties.signOutUrl() == null
                ? ""
                : " "
                        + UriComponentsBuilder.fromUri(properties.signOutUrl())
                                .replacePath(null)
                                .replaceQuery(null)
                                .toUriString();
        return "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'" + signOut
                + "; base-uri 'none'; frame-ancestors 'none'";
    }

    @Bean
    SecurityFilterChain pages(HttpSecurity http, ClientRegistrationRepository registrations, WebProperties properties)
            throws Exception {
        DefaultOAuth2AuthorizationRequestResolver withPkce =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        withPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/",
                                "/welcome",
                                "/signed-out",
                                "/app.css",
                                "/favicon.svg",
                                "/actuator/health",
                                "/actuator/info",
                                "/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2Login(login -> login.loginPage("/welcome")
                        .authorizationEndpoint(a -> a.authorizationRequestResolver(withPkce))
                        .defaultSuccessUrl("/today", true))
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessHandler(signOut(properties)))
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(c -> c.policyDirectives(pagePolicy(properties))));
        return http.build();
    }

    /** After this app's session ends, the provider's session ends too (when it names a sign-out endpoint). */
    static LogoutSuccessHandler signOut(WebProperties properties) {
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            String back = UriComponentsBuilder.fromUriString(
                            request.getRequestURL().toString())
                    .replacePath("/signed-out")
                    .replaceQuery(null)
                    .toUriString();
            if (properties.signOutUrl() == null
                    || !(authentication != null && authentication.getPrincipal() instanceof OidcUser user)) {
                response.sendRedirect(back);
                return;
            }
            String url = UriComponentsBuilder.fromUri(properties.signOutUrl())
                    .queryParam("id_token_hint", user.getIdToken().getTokenValue())
                    .queryParam("post_logout_redirect_uri", back)
                    .encode()
                    .toUriString();
            redirect(response, url);
        };
    }

    private static void redirect(HttpServletResponse response, String url) throws IOException {
        response.sendRedirect(url);
    }
}
