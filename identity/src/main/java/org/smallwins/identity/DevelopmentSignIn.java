package org.smallwins.identity;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Development mode: a person signs in with a user name alone (letters, digits, '.', '_' or '-'; the same rule as
 * {@code GET /token?user=NAME}). That name becomes the tokens' subject, so it names their journal.
 */
final class DevelopmentSignIn implements AuthenticationProvider {

    static final Pattern USER = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    public Authentication authenticate(Authentication authentication) {
        String name =
                authentication.getName() == null ? "" : authentication.getName().trim();
        if (!USER.matcher(name).matches()) {
            throw new BadCredentialsException("A user name is letters, digits, '.', '_' or '-' (up to 64).");
        }
        // the factor and when it was given: the ID token's auth_time comes from it
        return UsernamePasswordAuthenticationToken.authenticated(
                name,
                null,
                List.of(
                        new SimpleGrantedAuthority("ROLE_USER"),
                        FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                                .issuedAt(Instant.now())
                                .build()));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
