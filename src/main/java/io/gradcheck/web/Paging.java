package io.gradcheck.web;

/**
 * Page and size of a paged list, checked before any query: `?page=2147483647` must be a clear 400, not an
 * offset overflow the database answers with an error.
 */
public final class Paging {

    /** Deepest row a page may start at: deeper lists are narrowed by their filters instead. */
    public static final long MAX_OFFSET = 100_000;

    private Paging() {
    }

    public static void check(int page, int size, int maxSize) {
        if (page < 0 || size < 1 || size > maxSize) {
            throw new OverLimit("page-out-of-range", maxSize, "page must be ≥ 0 and size from 1 to " + maxSize
                    + " (got page " + page + ", size " + size + ")");
        }
        if ((long) page * size > MAX_OFFSET) {
            throw new OverLimit("page-out-of-range", MAX_OFFSET, "page " + page + " of size " + size + " starts at "
                    + "row " + (long) page * size + "; pages start at row " + MAX_OFFSET + " at most: narrow the "
                    + "list with its filters instead");
        }
    }
}
