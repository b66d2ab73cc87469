package io.gradcheck.errors;

/** A request that cannot be served as sent (a page size, a learner id, a missing answer), saying what to send. */
public final class BadRequest extends ServiceException {

    public BadRequest(String message) {
        super(ProblemType.INVALID_REQUEST, message);
    }
}
