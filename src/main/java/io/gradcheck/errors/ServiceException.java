package io.gradcheck.errors;

import java.util.Map;

/**
 * A request the service refuses, with its problem type and one sentence saying what to change. Features throw
 * the subclasses; the error handler in web/ turns any of them into problem+json from {@link ProblemType}.
 */
public class ServiceException extends RuntimeException {

    private final ProblemType type;
    private final Map<String, Object> properties;

    public ServiceException(ProblemType type, String message) {
        this(type, message, Map.of());
    }

    /** @param properties extra members of the problem document, such as the list of errors of a problem set */
    public ServiceException(ProblemType type, String message, Map<String, Object> properties) {
        super(message, null, false, false);
        this.type = type;
        this.properties = properties;
    }

    public ProblemType type() {
        return type;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
