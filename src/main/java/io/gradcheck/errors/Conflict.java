package io.gradcheck.errors;

/** A request that contradicts what is stored (a slug taken, say), with a sentence saying what. */
public final class Conflict extends ServiceException {

    public Conflict(String message) {
        super(ProblemType.CONFLICT, message);
    }
}
