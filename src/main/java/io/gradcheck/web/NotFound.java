package io.gradcheck.web;

/** A resource that does not exist, with a sentence saying which. */
public final class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message, null, false, false);
    }
}
