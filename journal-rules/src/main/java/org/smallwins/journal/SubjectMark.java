package org.smallwins.journal;

import java.util.Objects;
import org.smallwins.contract.AnalyticsConsentGiven;
import org.smallwins.contract.AnalyticsConsentWithdrawn;
import org.smallwins.contract.FocusAreaChosen;
import org.smallwins.contract.JournalEvent;
import org.smallwins.contract.WeeklyReflectionWritten;

/**
 * What a journal remembers of a journal-level subject, one that is not an entry: its focus ({@code journal:focus}) or
 * one week's reflection ({@code journal:reflection:2026-W48}), keyed by the event's {@link JournalEvent#entryId()}. A
 * hash of the current content (never the content, so a snapshot holds no journal text) and how many times it was set.
 *
 * @param contentHash {@link ContentHash} of the current choice or reflection
 * @param version     1 for the first, one more for each replacement
 */
public record SubjectMark(String contentHash, int version) {

    public SubjectMark {
        Objects.requireNonNull(contentHash, "contentHash");
        if (version < 1) {
            throw new IllegalArgumentException("a subject is set at least once");
        }
    }

    /**
     * Whether the event sets a journal-level subject ({@link FocusAreaChosen}, {@link WeeklyReflectionWritten}, and the
     * consent to analytics: {@link AnalyticsConsentGiven} or {@link AnalyticsConsentWithdrawn}, one subject).
     */
    public static boolean setsASubject(JournalEvent event) {
        return event instanceof FocusAreaChosen || event instanceof WeeklyReflectionWritten || isConsent(event);
    }

    /** Whether the event gives or withdraws the consent to analytics (a subject that never sets the latest zone). */
    public static boolean isConsent(JournalEvent event) {
        return event instanceof AnalyticsConsentGiven || event instanceof AnalyticsConsentWithdrawn;
    }

    /** The subject's mark after {@code event}, given its mark before it ({@code null} for none). */
    public static SubjectMark evolve(SubjectMark previous, JournalEvent event) {
        if (!setsASubject(event)) {
            throw new IllegalArgumentException("not a journal-level event: " + event.type());
        }
        return new SubjectMark(ContentHash.of(event), previous == null ? 1 : previous.version() + 1);
    }
}
