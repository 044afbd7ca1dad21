package org.smallwins.crud;

import java.util.List;

/** Same shape as the command service's request. */
public record LogWinRequest(String winId, String text, String focusArea, List<String> tags, String day, String zone) {

    @Override
    public String toString() {
        return "LogWinRequest[winId=" + winId + "]";
    }
}
