package org.smallwins.journal;

/**
 * Why the journal refused a command. Names the field and the rule, never the submitted value: refusals are shown to
 * callers and may be logged, and journal content must stay out of both.
 *
 * @param field the request field at fault
 * @param rule  a stable, machine-readable rule name such as {@code text.too-long}
 * @param detail a human sentence describing the rule
 */
public record Refusal(String field, String rule, String detail) {}
