package org.smallwins.journal;

import java.util.List;

/** The command breaks one or more rules of the journal; nothing was recorded. */
public class EntryRefusedException extends RuntimeException {

    private final transient List<Refusal> refusals;

    public EntryRefusedException(List<Refusal> refusals) {
        super("entry refused: " + refusals.stream().map(Refusal::rule).toList(), null, false, false);
        this.refusals = List.copyOf(refusals);
    }

    public List<Refusal> refusals() {
        return refusals;
    }
}
