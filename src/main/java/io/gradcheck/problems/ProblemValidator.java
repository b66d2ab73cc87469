package io.gradcheck.problems;

import io.gradcheck.check.CheckException;
import io.gradcheck.check.CheckReport;
import io.gradcheck.check.Checker;
import io.gradcheck.check.DiagnosisKind;
import io.gradcheck.check.Verdict;
import io.gradcheck.expr.ExpressionException;
import io.gradcheck.problems.ProblemSetDefinition.PartDefinition;
import io.gradcheck.problems.ProblemSetDefinition.ProblemDefinition;
import io.gradcheck.problems.ProblemSetDefinition.WrongAnswer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The same validation for a file and for the API: required fields, unique keys, and — the point of it — every
 * reference passes its own check and every known wrong answer fails with its stated diagnosis. References are
 * verified, never trusted.
 */
public final class ProblemValidator {

    /** Validation runs with a fixed seed, so that a set that validated once validates again. */
    static final long SEED = 20261122L;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> KINDS = Arrays.stream(DiagnosisKind.values())
            .filter(DiagnosisKind::isDiagnosisOfAWrongAnswer).map(DiagnosisKind::text).collect(Collectors.toSet());

    private final Checker checker;

    public ProblemValidator(Checker checker) {
        this.checker = checker;
    }

    public void validate(ProblemSetDefinition set) {
        List<String> errors = new ArrayList<>();
        if (set.slug() == null || !SLUG.matcher(set.slug()).matches() || set.slug().length() > 100) {
            errors.add("slug must be lower-case words joined by hyphens (at most 100 characters), got `"
                    + set.slug() + "`");
        }
        require(errors, "title", set.title(), 300);
        if (set.problems() == null || set.problems().isEmpty()) {
            errors.add("problems: a set needs at least one problem");
        } else {
            Set<String> keys = new HashSet<>();
            for (int i = 0; i < set.problems().size(); i++) {
                ProblemDefinition p = set.problems().get(i);
                String where = "problem `" + (p.key() == null ? "#" + (i + 1) : p.key()) + "`";
                if (p.key() != null && !keys.add(p.key())) {
                    errors.add(where + ": key is used twice in this set");
                }
                validate(p, where, errors);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidProblemSet(errors);
        }
    }

    private void validate(ProblemDefinition p, String where, List<String> errors) {
        if (p.key() == null || !SLUG.matcher(p.key()).matches()) {
            errors.add(where + ": key must be lower-case words joined by hyphens");
        }
        require(errors, where + ": title", p.title(), 300);
        require(errors, where + ": statement", p.statement(), 20_000);
        require(errors, where + ": function", p.function(), 4_000);
        if (p.maxAttempts() != null && p.maxAttempts() < 1) {
            errors.add(where + ": maxAttempts must be at least 1");
        }
        if (p.transposedCredit() != null && !(p.transposedCredit() >= 0 && p.transposedCredit() <= 1)) {
            errors.add(where + ": transposedCredit must be from 0 to 1");
        }
        if (p.parts() == null || p.parts().isEmpty()) {
            errors.add(where + ": parts: a problem needs at least one part");
            return;
        }
        Map<String, Object> references = new HashMap<>();
        for (PartDefinition part : p.parts()) {
            if (part.wrt() == null || references.containsKey(part.wrt())) {
                errors.add(where + ": parts: each part needs its own wrt");
                return;
            }
            if (part.reference() == null) {
                errors.add(where + ": part `" + part.wrt() + "`: reference is required");
                return;
            }
            if (part.weight() != null && !(part.weight() > 0)) {
                errors.add(where + ": part `" + part.wrt() + "`: weight must be positive");
            }
            references.put(part.wrt(), part.reference());
        }
        CheckReport reference = run(p, references, where, errors);
        if (reference == null) {
            return;
        }
        for (CheckReport.PartReport part : reference.parts()) {
            if (part.verdict() != Verdict.CORRECT) {
                errors.add(where + ": part `" + part.wrt() + "`: the reference fails its own check ("
                        + part.verdict().text() + "): " + part.diagnosis().message());
            }
        }
        List<WrongAnswer> wrong = p.wrongAnswers() == null ? List.of() : p.wrongAnswers();
        for (int i = 0; i < wrong.size(); i++) {
            validateWrongAnswer(p, wrong.get(i), where + ": wrongAnswers[" + i + "]", references, errors);
        }
    }

    private void validateWrongAnswer(ProblemDefinition p, WrongAnswer w, String where, Map<String, Object> references,
            List<String> errors) {
        if (w.wrt() == null || p.part(w.wrt()) == null) {
            errors.add(where + ": wrt `" + w.wrt() + "` is not one of the problem's parts");
            return;
        }
        if (!KINDS.contains(w.diagnosis())) {
            errors.add(where + ": diagnosis must be one of " + String.join(", ", KINDS.stream().sorted().toList()));
            return;
        }
        Map<String, Object> answers = new HashMap<>(references);
        answers.put(w.wrt(), w.answer());
        CheckReport report = run(p, answers, where, errors);
        if (report == null) {
            return;
        }
        CheckReport.PartReport part = report.parts().stream().filter(r -> r.wrt().equals(w.wrt())).findFirst()
                .orElseThrow();
        if (part.verdict() == Verdict.CORRECT) {
            errors.add(where + ": `" + w.answer() + "` is actually correct");
        } else if (!part.diagnosis().kind().text().equals(w.diagnosis())) {
            errors.add(where + ": `" + w.answer() + "` is diagnosed " + part.diagnosis().kind().text() + ", not "
                    + w.diagnosis() + " (" + part.diagnosis().message() + ")");
        }
    }

    private CheckReport run(ProblemDefinition p, Map<String, Object> answers, String where, List<String> errors) {
        try {
            return checker.check(p.toCheck(answers, SEED));
        } catch (ExpressionException | CheckException e) {
            errors.add(where + ": " + e.getMessage());
            return null;
        }
    }

    private static void require(List<String> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(field + " is required");
        } else if (value.length() > max) {
            errors.add(field + " is longer than " + max + " characters");
        }
    }
}
