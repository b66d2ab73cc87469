package io.gradcheck.web;

/** Too many checks are running and waiting: a 503 with Retry-After, nothing was done. */
public class Overloaded extends RuntimeException {

    private final long retryAfterSeconds;

    public Overloaded(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
