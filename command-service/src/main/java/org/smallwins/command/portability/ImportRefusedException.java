package org.smallwins.command.portability;

import java.util.List;

/**
 * An import refused before anything was stored. Names positions in the file ({@code events[17].text}) and rules,
 * never a value from it.
 */
public class ImportRefusedException extends RuntimeException {

    /** What kind of refusal: the file cannot be read as JSON (400), or it is JSON but not an importable export (422). */
    public enum Kind {
        MALFORMED,
        INVALID
    }

    /**
     * One thing at fault: where in the file, which rule, and a sentence about the rule.
     *
     * @param inBody whether {@code field} is a place in the file's JSON (a path such as {@code events[17].text}), rather
     *               than a line and column where it stops being JSON
     */
    public record Fault(String field, String rule, String detail, boolean inBody) {

        /** A fault at a place in the file's JSON. */
        public Fault(String field, String rule, String detail) {
            this(field, rule, detail, true);
        }
    }

    private final Kind kind;
    private final List<Fault> faults;

    public ImportRefusedException(Kind kind, List<Fault> faults) {
        super(kind + " import: " + faults.size() + " fault(s)", null, false, false);
        this.kind = kind;
        this.faults = List.copyOf(faults);
    }

    static ImportRefusedException invalid(String field, String rule, String detail) {
        return new ImportRefusedException(Kind.INVALID, List.of(new Fault(field, rule, detail)));
    }

    public Kind kind() {
        return kind;
    }

    public List<Fault> faults() {
        return faults;
    }
}
