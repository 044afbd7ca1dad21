package org.smallwins.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The plain words the pages use for the API's values. */
public final class Words {

    private Words() {}

    /** The window of tolerance, in the words a person would use, in the order from low to high arousal. */
    static final Map<String, String> WINDOW =
            ordered("HYPOAROUSED", "numb and flat", "WITHIN", "within my window", "HYPERAROUSED", "overwhelmed");

    static final Map<String, String> FOCUS_AREAS = ordered(
            "REST", "rest",
            "BOUNDARIES", "boundaries",
            "SELF_COMPASSION", "self-compassion",
            "FEELINGS", "feelings",
            "ASKING_FOR_HELP", "asking for help",
            "NOTICING_PATTERNS", "noticing patterns",
            "CONNECTION", "connection",
            "MOVEMENT", "movement",
            "OTHER", "something else");

    /** The stages of change, as a person would say where they are with their focus area. */
    static final Map<String, String> STAGES = ordered(
            "PRECONTEMPLATION", "not thinking about changing yet",
            "CONTEMPLATION", "thinking about it",
            "PREPARATION", "getting ready",
            "ACTION", "doing it",
            "MAINTENANCE", "keeping it going");

    public static String stage(String value) {
        return STAGES.getOrDefault(value, value == null ? "" : value.toLowerCase(Locale.ROOT));
    }

    public static String window(String value) {
        return WINDOW.getOrDefault(value, value == null ? "" : value.toLowerCase(Locale.ROOT));
    }

    public static String focusArea(String value) {
        return FOCUS_AREAS.getOrDefault(value, value == null ? "" : value.toLowerCase(Locale.ROOT));
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
