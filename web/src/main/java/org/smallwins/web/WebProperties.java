package org.smallwins.web;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the web app finds the two services, and the identity provider's sign-out endpoint (OpenID Connect
 * RP-initiated logout; none: signing out ends only this app's session).
 */
@ConfigurationProperties("smallwins.web")
public record WebProperties(URI commandUrl, URI queryUrl, URI signOutUrl) {}
