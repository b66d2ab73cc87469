package io.gradcheck.expr.parse;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The names a run of letters may split into, as a trie built once: the longest name starting at a position is
 * found in one walk along the text, however many names are declared (instead of trying every name in turn).
 */
final class NameTrie {

    private static final class Node {
        private final Map<Character, Node> next = new HashMap<>(4);
        private String name;
    }

    private final Node root = new Node();

    NameTrie(Collection<String> names) {
        for (String name : names) {
            Node node = root;
            for (int i = 0; i < name.length(); i++) {
                node = node.next.computeIfAbsent(name.charAt(i), c -> new Node());
            }
            node.name = name;
        }
    }

    /** The longest name that is spelled from {@code from} and ends at or before {@code end}; null when none. */
    String longest(CharSequence text, int from, int end) {
        Node node = root;
        String best = null;
        for (int i = from; i < end && node != null; i++) {
            node = node.next.get(text.charAt(i));
            if (node != null && node.name != null) {
                best = node.name;
            }
        }
        return best;
    }
}
