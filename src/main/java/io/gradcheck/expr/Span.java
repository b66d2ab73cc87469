package io.gradcheck.expr;

/** Where a piece of an expression stands in the text the caller sent: [start, end), 0-based. */
public record Span(int start, int end) {

    public static final Span NONE = new Span(-1, -1);

    public boolean isKnown() {
        return start >= 0;
    }

    public Span union(Span other) {
        if (!isKnown()) {
            return other;
        }
        if (!other.isKnown()) {
            return this;
        }
        return new Span(Math.min(start, other.start), Math.max(end, other.end));
    }

    /** The same place in a longer text in which this one starts at {@code offset} (unknown stays unknown). */
    public Span shifted(int offset) {
        return isKnown() ? new Span(start + offset, end + offset) : this;
    }

    /** 1-based position of the first character, as people count; null when unknown. */
    public Integer position() {
        return isKnown() ? start + 1 : null;
    }
}
