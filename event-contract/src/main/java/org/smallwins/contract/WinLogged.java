package org.smallwins.contract;

import java.util.List;
import java.util.Objects;

/** A person logged a small win ("Today I rested without guilt"). The day it belongs to is the envelope's local date. */
public record WinLogged(String winId, String text, FocusArea focusArea, List<String> tags) implements JournalEvent {

    public static final String TYPE = "WinLogged";
    public static final int VERSION = 1;

    public WinLogged {
        Objects.requireNonNull(winId, "winId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(focusArea, "focusArea");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    @Override
    public String entryId() {
        return winId;
    }

    @Override
    public <R> R handleWith(Handler<R> handler) {
        return handler.winLogged(this);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int typeVersion() {
        return VERSION;
    }

    /** Never prints the text: journal content must not reach logs by accident. */
    @Override
    public String toString() {
        return "WinLogged[winId=" + winId + ", focusArea=" + focusArea + ", tags=" + tags.size() + "]";
    }
}
