package org.smallwins.platform;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text that is valid Unicode: every UTF-16 surrogate in a pair. JSON can carry a lone surrogate as an escape
 * ({@code "\ud800"}), which no UTF-8 store can keep (it would come back as U+FFFD): such text is refused, never
 * repaired. Emoji, combining marks and right-to-left text are valid and kept exactly.
 */
public final class WellFormedText {

    private WellFormedText() {}

    /** Whether every surrogate in the text is part of a high-low pair. */
    public static boolean isWellFormed(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** A Jackson module refusing, wherever a string is read, text that is not well formed. */
    public static SimpleModule module() {
        return new SimpleModule("well-formed-text").addDeserializer(String.class, new Deserializer());
    }

    /** A string that is not valid Unicode; names where it is (Jackson adds the path), never the text. */
    public static final class InvalidTextException extends MismatchedInputException {
        InvalidTextException(JsonParser parser) {
            super(parser, "text is not valid Unicode (a lone surrogate)", String.class);
        }
    }

    private static final class Deserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = super.deserialize(parser, context);
            if (text != null && !isWellFormed(text)) {
                throw new InvalidTextException(parser);
            }
            return text;
        }
    }
}
