package org.smallwins.platform;

/** A query parameter that cannot be used; answered as a 400 problem naming the parameter (never its value). */
public class InvalidQueryException extends RuntimeException {

    private final String field;
    private final String rule;
    private final String detail;

    public InvalidQueryException(String field, String rule, String detail) {
        super(rule, null, false, false);
        this.field = field;
        this.rule = rule;
        this.detail = detail;
    }

    public Problems.FieldError asFieldError() {
        return new Problems.FieldError(field, rule, detail);
    }
}
