package io.gradcheck.expr;

/**
 * An expression or a declaration that cannot be read, with a message meant for the person who wrote it.
 * The message is one sentence; the span says where in the text, when the text gives a place.
 */
public final class ExpressionException extends RuntimeException {

    /** Each kind has a stable name the API turns into a problem type. */
    public enum Kind {
        SYNTAX("expression-syntax"),
        UNKNOWN_NAME("unknown-name"),
        SHAPE_MISMATCH("shape-mismatch"),
        BAD_INDEX("bad-index"),
        WRONG_ARGUMENTS("wrong-arguments"),
        INVALID_DECLARATION("invalid-declaration"),
        LIMIT_EXCEEDED("limit-exceeded");

        private final String slug;

        Kind(String slug) {
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }
    }

    private final Kind kind;
    private final Span span;

    public ExpressionException(Kind kind, String message, Span span) {
        super(message, null, false, false);
        this.kind = kind;
        this.span = span == null ? Span.NONE : span;
    }

    public ExpressionException(Kind kind, String message) {
        this(kind, message, Span.NONE);
    }

    public Kind kind() {
        return kind;
    }

    public Span span() {
        return span;
    }
}
