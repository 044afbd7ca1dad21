package org.smallwins.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Which tokens the services accept. Exactly one key source is used, in this order: {@code jwkSetUri},
 * {@code publicKeyLocation}, else the issuer's OpenID discovery document. Issuer and audience are always checked.
 *
 * @param issuer            expected {@code iss} claim (and discovery location when no key source is set)
 * @param audience          expected {@code aud} entry
 * @param jwkSetUri         where the issuer publishes its signing keys
 * @param publicKeyLocation an RSA public key in PEM form (used by the local development issuer and tests)
 */
@ConfigurationProperties("smallwins.security.jwt")
public record JwtProperties(String issuer, String audience, String jwkSetUri, Resource publicKeyLocation) {
}
