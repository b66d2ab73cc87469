package io.gradcheck.check;

/**
 * A check that cannot be run as asked: the request is malformed (BAD_REQUEST), or the question itself has no
 * answer here (QUESTION: an empty domain, constraints no point satisfies) — the author's error, never a verdict
 * against the learner; or its work does not fit in the work budget (WORK_BUDGET).
 */
public final class CheckException extends RuntimeException {

    public enum Kind {
        BAD_REQUEST("invalid-check"),
        QUESTION("invalid-question"),
        /** The work the check needs is over its work budget ({@link Budget}): its detail names the limit. */
        WORK_BUDGET("work-budget-exceeded");

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
