package org.smallwins.journal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import org.smallwins.contract.AnalyticsConsentGiven;
import org.smallwins.contract.AnalyticsConsentWithdrawn;
import org.smallwins.contract.CheckInCorrected;
import org.smallwins.contract.CheckInRecorded;
import org.smallwins.contract.EntryRetracted;
import org.smallwins.contract.FocusAreaChosen;
import org.smallwins.contract.JournalErased;
import org.smallwins.contract.JournalEvent;
import org.smallwins.contract.WeeklyReflectionWritten;
import org.smallwins.contract.WinCorrected;
import org.smallwins.contract.WinLogged;

/**
 * The SHA-256 of an unambiguous encoding of an entry's content, to recognise a retry without keeping the content.
 * Two different contents never share an encoding: the event type comes first, every string is length-prefixed, every
 * optional value carries a present/absent marker, and a list carries its size before its elements. (The entry id is
 * not part of it: entries are looked up by id.)
 */
public final class ContentHash {

    private ContentHash() {}

    /** Base64url (no padding) of the full 32-byte SHA-256. */
    public static String of(JournalEvent event) {
        Encoding encoding = new Encoding();
        // A correction's content is an entry's content: it hashes as the entry logged with it would.
        encoding.string(entryType(event));
        event.handleWith(new JournalEvent.Handler<Void>() {
            @Override
            public Void winLogged(WinLogged win) {
                encoding.string(win.text());
                encoding.string(win.focusArea().name());
                encoding.strings(win.tags());
                return null;
            }

            @Override
            public Void checkInRecorded(CheckInRecorded checkIn) {
                encoding.integer(checkIn.mood());
                encoding.integer(checkIn.energy());
                encoding.string(checkIn.window().name());
                encoding.optionalString(checkIn.note());
                return null;
            }

            @Override
            public Void winCorrected(WinCorrected win) {
                return winLogged(new WinLogged(win.winId(), win.text(), win.focusArea(), win.tags()));
            }

            @Override
            public Void checkInCorrected(CheckInCorrected checkIn) {
                return checkInRecorded(new CheckInRecorded(
                        checkIn.checkInId(), checkIn.mood(), checkIn.energy(), checkIn.window(), checkIn.note()));
            }

            @Override
            public Void entryRetracted(EntryRetracted retracted) {
                // What a retraction says (kind and reason), so a repeated retraction is recognised as the same one.
                encoding.string(retracted.kind().name());
                encoding.optionalString(
                        retracted.reason() == null ? null : retracted.reason().name());
                return null;
            }

            @Override
            public Void journalErased(JournalErased erased) {
                throw new IllegalArgumentException("an erasure is not a journal entry");
            }

            @Override
            public Void focusAreaChosen(FocusAreaChosen chosen) {
                encoding.string(chosen.area().name());
                encoding.string(chosen.stage().name());
                return null;
            }

            @Override
            public Void weeklyReflectionWritten(WeeklyReflectionWritten reflection) {
                // The week is not part of it, as an entry's id is not: reflections are looked up by week.
                encoding.optionalString(reflection.answer());
                encoding.strings(reflection.winIds());
                encoding.integer(reflection.proudOfShowingUp() ? 1 : 0);
                return null;
            }

            @Override
            public Void analyticsConsentGiven(AnalyticsConsentGiven given) {
                return null; // the type (encoded first) is the whole content
            }

            @Override
            public Void analyticsConsentWithdrawn(AnalyticsConsentWithdrawn withdrawn) {
                return null;
            }
        });
        return encoding.hash();
    }

    private static String entryType(JournalEvent event) {
        if (event instanceof WinCorrected) {
            return WinLogged.TYPE;
        }
        if (event instanceof CheckInCorrected) {
            return CheckInRecorded.TYPE;
        }
        return event.type();
    }

    /** Big-endian ints, UTF-8 strings after their byte length, a 0/1 byte before an optional value. */
    private static final class Encoding {

        private static final byte ABSENT = 0;
        private static final byte PRESENT = 1;

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        void integer(int value) {
            bytes.write(value >>> 24);
            bytes.write(value >>> 16);
            bytes.write(value >>> 8);
            bytes.write(value);
        }

        void string(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            integer(utf8.length);
            bytes.writeBytes(utf8);
        }

        void optionalString(String value) {
            if (value == null) {
                bytes.write(ABSENT);
            } else {
                bytes.write(PRESENT);
                string(value);
            }
        }

        void strings(List<String> values) {
            integer(values.size());
            values.forEach(this::string);
        }

        String hash() {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
                return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JVM", e);
            }
        }
    }
}
