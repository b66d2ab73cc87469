package io.gradcheck.web;

/** A request that contradicts what is stored (a slug taken, say), with a sentence saying what. */
public final class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message, null, false, false);
    }
}
