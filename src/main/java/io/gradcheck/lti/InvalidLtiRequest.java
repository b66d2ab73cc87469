package io.gradcheck.lti;

import java.util.List;

/** An LTI API request (a platform registration, a filter) with missing or malformed fields: a 400 listing each. */
public final class InvalidLtiRequest extends RuntimeException {

    private final List<String> errors;

    public InvalidLtiRequest(List<String> errors) {
        super(String.join("; ", errors), null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
