package io.gradcheck.web;

/**
 * A request over one of the documented limits (docs/limits.md): a 400 whose type names the limit
 * ({@code /problems/<limit>}), with the limit's value in the body, so a client can tell which bound it met.
 */
public class OverLimit extends RuntimeException {

    private final String limit;
    private final long value;

    public OverLimit(String limit, long value, String message) {
        super(message);
        this.limit = limit;
        this.value = value;
    }

    public String limit() {
        return limit;
    }

    public long value() {
        return value;
    }
}
