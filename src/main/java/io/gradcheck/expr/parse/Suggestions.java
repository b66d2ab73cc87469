package io.gradcheck.expr.parse;

import io.gradcheck.expr.parse.Catalogue;
import io.gradcheck.expr.parse.Declarations;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** "did you mean `arctan`?": the nearest known name by edit distance, when one is near enough to be meant. */
final class Suggestions {

    private Suggestions() {
    }

    /** The nearest function, constant or declared name to an unknown word; null when none is close. */
    static String nearest(String word, Declarations declarations) {
        List<String> names = new ArrayList<>(Catalogue.functions().keySet());
        names.addAll(Catalogue.aliases());
        names.addAll(declarations.shapes().keySet());
        names.add("pi");
        return nearest(word, names);
    }

    static String nearest(String word, Collection<String> names) {
        if (word.length() < 3) {
            return null;
        }
        int allowed = word.length() <= 4 ? 1 : 2;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : names) {
            int d = distance(word, name, allowed);
            if (d <= allowed && d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Levenshtein distance, giving up (returning limit + 1) once the lengths alone are too far apart. */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
