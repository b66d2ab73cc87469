package io.gradcheck.check;

/**
 * A check that cannot be run as asked: the request is malformed (BAD_REQUEST), or the question itself has no
 * answer here (QUESTION: an empty domain, constraints no point satisfies) — the author's error, never a verdict
 * against the learner.
 */
public final class CheckException extends RuntimeException {

    public enum Kind {
        BAD_REQUEST("invalid-check"),
        QUESTION("invalid-question");

        private final String slug;

        Kind(String slug) {
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }
    }

    private final Kind kind;

    public CheckException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
