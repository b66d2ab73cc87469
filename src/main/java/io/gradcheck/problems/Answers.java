package io.gradcheck.problems;

import io.gradcheck.errors.BadRequest;
import io.gradcheck.problems.ProblemSetDefinition.PartDefinition;
import io.gradcheck.problems.ProblemSetDefinition.ProblemDefinition;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one rule for the answers to a problem, for checks and submissions alike: one non-empty answer per part,
 * keyed by the part's `wrt`, nothing else. A lone `answer` (or the key "") goes to the only part of a one-part
 * problem. Anything else is a 400 before grading, so that a malformed payload never uses up an attempt.
 */
public final class Answers {

    private Answers() {
    }

    /** @param lone the body's `answer`, or null */
    public static Map<String, Object> of(ProblemDefinition problem, Map<String, Object> given, Object lone) {
        Map<String, Object> answers = new LinkedHashMap<>(given == null ? Map.of() : given);
        Object keyless = answers.remove("");
        if (keyless != null && lone != null) {
            throw new BadRequest("give the answer once: as `answer`, or under its part's wrt in `answers`");
        }
        lone = lone != null ? lone : keyless;
        String parts = problem.parts().stream().map(p -> "`" + p.wrt() + "`").collect(Collectors.joining(", "));
        if (lone != null) {
            if (problem.parts().size() != 1) {
                throw new BadRequest("this problem has " + problem.parts().size() + " parts (" + parts + "): give "
                        + "answers by wrt, as {\"answers\": {\"" + problem.parts().get(0).wrt() + "\": \"…\"}}");
            }
            if (answers.putIfAbsent(problem.parts().get(0).wrt(), lone) != null) {
                throw new BadRequest("give the answer once: as `answer`, or under its part's wrt in `answers`");
            }
        }
        for (String wrt : answers.keySet()) {
            if (problem.parts().stream().noneMatch(p -> p.wrt().equals(wrt))) {
                throw new BadRequest("this problem has no part with respect to `" + wrt + "`; its parts: " + parts);
            }
        }
        for (PartDefinition part : problem.parts()) {
            if (isEmpty(answers.get(part.wrt()))) {
                throw new BadRequest("no answer for the part with respect to `" + part.wrt() + "`: send "
                        + "{\"answers\": {\"" + part.wrt() + "\": \"…\"}} (this problem's parts: " + parts + ")");
            }
        }
        return answers;
    }

    /** Missing, blank text, or an empty array (entry by entry) with no entry in it. */
    private static boolean isEmpty(Object answer) {
        if (answer == null) {
            return true;
        }
        if (answer instanceof String s) {
            return s.isBlank();
        }
        if (answer instanceof Collection<?> c) {
            return c.isEmpty();
        }
        return false;
    }
}
