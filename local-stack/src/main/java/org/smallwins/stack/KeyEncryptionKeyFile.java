package org.smallwins.stack;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Set;

/**
 * The embedded default's key-encryption key (KEK): a Tink AES-256-GCM keyset in JSON, generated once into
 * {@code <data>/keys/}{@value #FILE} (a file only its owner can read, in a directory only its owner can enter) and
 * reused on every later start; command-service reads it through {@code SMALLWINS_KEK_FILE} and wraps every person's
 * data key with it. Whoever deletes it while events remain makes those events unreadable for good: the data keys that
 * open them are wrapped with it. A real deployment keeps its KEK in a KMS instead (see the README).
 */
final class KeyEncryptionKeyFile {

    static final String DIRECTORY = "keys";
    static final String FILE = "kek.json";

    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private KeyEncryptionKeyFile() {}

    /** The KEK file in {@code dataDirectory}, created (once) if there is none; checked to be a readable keyset. */
    static Path loadOrCreate(Path dataDirectory) throws IOException {
        Path directory = dataDirectory.resolve(DIRECTORY);
        Path file = directory.resolve(FILE);
        if (!Files.exists(directory)) {
            Files.createDirectories(directory);
        }
        Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
        if (Files.exists(file)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
            check(file);
            return file;
        }
        Path temporary =
                Files.createTempFile(directory, FILE, ".new", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        try {
            Files.writeString(temporary, generate(), StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file); // never over an existing one
            } catch (FileAlreadyExistsException raced) {
                // another start created it meanwhile: keep that one
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        check(file);
        return file;
    }

    private static String generate() throws IOException {
        try {
            AeadConfig.register();
            return TinkJsonProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IOException("could not generate a key-encryption key", e);
        }
    }

    private static void check(Path file) throws IOException {
        try {
            AeadConfig.register();
            TinkJsonProtoKeysetFormat.parseKeyset(
                    Files.readString(file, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IOException(
                    file + " is not a Tink keyset: it is the key-encryption key every stored data key is wrapped "
                            + "with, so it cannot be replaced without making the stored events unreadable",
                    e);
        }
    }
}
