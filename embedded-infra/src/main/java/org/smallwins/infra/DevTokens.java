package org.smallwins.infra;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

/**
 * A development token issuer: an RSA key pair and RS256 tokens signed with it. It exists only in the local stack and
 * in tests; the services trust it only when pointed at its public key.
 */
public final class DevTokens {

    public static final String DEFAULT_ISSUER = "http://localhost/small-wins-dev-issuer";
    public static final String DEFAULT_AUDIENCE = "small-wins";

    private final KeyPair keys;
    private final String issuer;
    private final String audience;

    private DevTokens(KeyPair keys, String issuer, String audience) {
        this.keys = keys;
        this.issuer = issuer;
        this.audience = audience;
    }

    public static DevTokens generate(String issuer, String audience) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new DevTokens(generator.generateKeyPair(), issuer, audience);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads the key pair kept in {@code directory}, creating it on first use, so tokens survive restarts. */
    public static DevTokens loadOrCreate(Path directory, String issuer, String audience) throws IOException {
        Path privateFile = directory.resolve("dev-issuer-private.der");
        Path publicFile = directory.resolve("dev-issuer-public.der");
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (Files.exists(privateFile) && Files.exists(publicFile)) {
                PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(privateFile)));
                PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(publicFile)));
                return new DevTokens(new KeyPair(publicKey, privateKey), issuer, audience);
            }
            DevTokens tokens = generate(issuer, audience);
            Files.createDirectories(directory);
            Files.write(privateFile, tokens.keys.getPrivate().getEncoded());
            Files.write(publicFile, tokens.keys.getPublic().getEncoded());
            return tokens;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("unreadable development issuer keys in " + directory, e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return audience;
    }

    /** The key pair itself: for the development identity provider, which signs with it as well. */
    public KeyPair keyPair() {
        return keys;
    }

    /** The public key as PEM, the form the services read from {@code SMALLWINS_JWT_PUBLIC_KEY_LOCATION}. */
    public String publicKeyPem() {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(keys.getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }

    public Path writePublicKey(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, publicKeyPem());
        return file;
    }

    /** A token for {@code subject}, valid for {@code ttl}. */
    public String mint(String subject, Duration ttl) {
        Instant now = Instant.now();
        return sign(new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .build());
    }

    public String mint(String subject) {
        return mint(subject, Duration.ofHours(12));
    }

    /**
     * A token for {@code subject} with a {@code scope} claim (space-separated scopes, as OAuth 2 has it), valid for
     * {@code ttl}: {@code analytics:read} makes an analyst's token.
     */
    public String mint(String subject, String scope, Duration ttl) {
        Instant now = Instant.now();
        return sign(new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .claim("scope", scope)
                .build());
    }

    /** Signs arbitrary claims: for tests of tokens that must be refused. */
    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
