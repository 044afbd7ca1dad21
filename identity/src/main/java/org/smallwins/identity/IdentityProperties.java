package org.smallwins.identity;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The development provider's settings.
 *
 * @param keys         the development issuer's key directory (the key pair the services already trust)
 * @param issuer       the {@code iss} of every token (the services check it)
 * @param audience     the {@code aud} of every access token (the services check it)
 * @param clientId     the web app's client id
 * @param clientSecret the web app's client secret
 * @param redirectUri  where the web app receives the authorization code
 * @param afterSignOut where the web app sends a person after signing out
 */
@ConfigurationProperties("smallwins.identity")
public record IdentityProperties(
        Path keys,
        String issuer,
        String audience,
        String clientId,
        String clientSecret,
        URI redirectUri,
        URI afterSignOut) {}
