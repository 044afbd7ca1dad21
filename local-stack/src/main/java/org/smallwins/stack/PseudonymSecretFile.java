package org.smallwins.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The secret of the analytics pseudonyms in the local stack (issue 16): 32 random bytes, base64url, made once in the
 * data directory ({@code analytics/pseudonym-secret}, owner-only) and kept, so a person's pseudonym stays the same
 * across restarts of the same release period. Deployments set {@code SMALLWINS_ANALYTICS_PSEUDONYM_SECRET} themselves.
 */
final class PseudonymSecretFile {

    static final String DIRECTORY = "analytics";
    static final String FILE = "pseudonym-secret";

    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private PseudonymSecretFile() {}

    /** The secret kept in {@code dataDirectory}, made on first use. */
    static String loadOrCreate(Path dataDirectory) throws IOException {
        Path directory = dataDirectory.resolve(DIRECTORY);
        Path file = directory.resolve(FILE);
        Files.createDirectories(directory);
        Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            Path temporary = Files.createTempFile(
                    directory, FILE, ".new", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            try {
                Files.writeString(
                        temporary,
                        Base64.getUrlEncoder().withoutPadding().encodeToString(random),
                        StandardCharsets.UTF_8);
                try {
                    Files.move(temporary, file);
                } catch (FileAlreadyExistsException raced) {
                    // another start made it meanwhile: keep that one
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
        Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (secret.length() < 32) {
            throw new IOException(file + " holds no pseudonym secret of at least 32 characters");
        }
        return secret;
    }
}
