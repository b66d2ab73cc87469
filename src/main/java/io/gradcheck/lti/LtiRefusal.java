package io.gradcheck.lti;

/**
 * A launch, login or deep-linking request the tool refuses: shown to the person in the LMS frame as a page with a
 * 4xx status and a sentence saying what is wrong and who can fix it. Nothing is stored for a refused request.
 */
public final class LtiRefusal extends RuntimeException {

    private final int status;
    private final String title;

    public LtiRefusal(int status, String title, String message) {
        super(message, null, false, false);
        this.status = status;
        this.title = title;
    }

    public static LtiRefusal badRequest(String message) {
        return new LtiRefusal(400, "This launch cannot be used", message);
    }

    public static LtiRefusal unauthorized(String message) {
        return new LtiRefusal(401, "This launch could not be verified", message);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
