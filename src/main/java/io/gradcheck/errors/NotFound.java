package io.gradcheck.errors;

/** A resource that does not exist, with a sentence saying which. */
public final class NotFound extends ServiceException {

    public NotFound(String message) {
        super(ProblemType.NOT_FOUND, message);
    }
}
