package org.smallwins.command.portability;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.CipherOutputStream;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;

/**
 * A request body kept in a temporary file so it can be read twice (once to check everything, once to store it),
 * without holding it in memory. The file holds journal content, so it is written encrypted (AES-CTR) with a key that
 * exists only in this object's memory, readable only by this process's user, and deleted when closed: a crash leaves
 * an unreadable file behind, never plaintext.
 */
final class Spool implements Closeable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final SecretKey key;
    private final byte[] iv = new byte[16];

    private Spool(Path file) throws GeneralSecurityException {
        this.file = file;
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256, RANDOM);
        this.key = generator.generateKey();
        RANDOM.nextBytes(iv);
    }

    /** Copies the stream into a new spool. */
    static Spool of(InputStream body) throws IOException {
        Path file = Files.createTempFile(
                "smallwins-import-",
                ".bin",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Spool spool;
        try {
            spool = new Spool(file);
        } catch (GeneralSecurityException e) {
            Files.deleteIfExists(file);
            throw new IllegalStateException("AES is not available", e);
        }
        try (OutputStream out = new CipherOutputStream(
                new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024), spool.cipher(Cipher.ENCRYPT_MODE))) {
            body.transferTo(out);
        } catch (IOException | RuntimeException e) {
            spool.close();
            throw e;
        }
        return spool;
    }

    /** Reads the spooled body from the start. */
    InputStream open() throws IOException {
        return new BufferedInputStream(
                new CipherInputStream(Files.newInputStream(file), cipher(Cipher.DECRYPT_MODE)), 64 * 1024);
    }

    private Cipher cipher(int mode) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(mode, key, new IvParameterSpec(iv));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR is not available", e);
        }
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
