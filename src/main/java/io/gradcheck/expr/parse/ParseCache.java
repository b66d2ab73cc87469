package io.gradcheck.expr.parse;

import io.gradcheck.expr.Limits;
import io.gradcheck.expr.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The expressions read most recently, by text, notation, declarations and limits: a course sends the same
 * function with every answer to a problem, and many learners send the same answers, so most texts a service
 * reads it has read before. A parsed expression is immutable (its printed forms are computed once), so one read
 * may serve every check that sends the same text.
 *
 * <p>Bounded in entries and in the length of the texts kept (a long text is read each time), so the memory it
 * holds stays small whatever is sent: at most {@link #CAPACITY} trees of at most {@link #MAX_TEXT} characters.
 * Only successful reads are kept: an error is read again, and says the same.
 */
final class ParseCache {

    /** Entries kept; the least recently used is dropped first. */
    static final int CAPACITY = 1024;
    /** Longer texts are not kept: functions and answers of exercises are far shorter. */
    static final int MAX_TEXT = 300;

    /** Everything a read depends on besides the parser itself. */
    record Key(String text, InputNotation notation, List<Map.Entry<String, Shape>> declarations,
            Limits limits) {
    }

    private static final Map<Key, ParsedExpression> RECENT = new LinkedHashMap<>(CAPACITY * 4 / 3 + 1, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, ParsedExpression> eldest) {
            return size() > CAPACITY;
        }
    };

    private ParseCache() {
    }

    /** The key of a read worth keeping, or null. */
    static Key key(String text, Declarations declarations, Limits limits, InputNotation notation) {
        if (text == null || text.length() > MAX_TEXT) {
            return null;
        }
        return new Key(text, notation, List.copyOf(declarations.shapes().entrySet()), limits);
    }

    static ParsedExpression get(Key key) {
        synchronized (RECENT) {
            return RECENT.get(key);
        }
    }

    static void put(Key key, ParsedExpression parsed) {
        synchronized (RECENT) {
            RECENT.put(key, parsed);
        }
    }

    static int size() {
        synchronized (RECENT) {
            return RECENT.size();
        }
    }

    /** Forgets every read (for tests that count what a read does). */
    static void clear() {
        synchronized (RECENT) {
            RECENT.clear();
        }
    }
}
