package org.smallwins.journal;

import java.util.List;

/** A request parsed into a typed command, or the rules it breaks (every field at fault, in request order). */
public sealed interface Parsed<C extends JournalCommand> permits Parsed.Valid, Parsed.Invalid {

    /** The command, or {@link EntryRefusedException} naming every rule the request breaks. */
    C orThrow();

    record Valid<C extends JournalCommand>(C command) implements Parsed<C> {
        @Override
        public C orThrow() {
            return command;
        }
    }

    record Invalid<C extends JournalCommand>(List<Refusal> refusals) implements Parsed<C> {
        public Invalid {
            refusals = List.copyOf(refusals);
        }

        @Override
        public C orThrow() {
            throw new EntryRefusedException(refusals);
        }
    }
}
