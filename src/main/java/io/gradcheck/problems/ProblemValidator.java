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
    /**
     * Every reference and every known wrong answer is checked at this many seeds (SEED, SEED + 1, …): a
     * diagnosis that holds at one draw of the variables only would tell learners different things for the same
     * mistake.
     */
    static final int SEEDS = 5;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** What a known wrong answer may be diagnosed as; `unreadable` covers a printed answer whose shapes do not fit. */
    private static final Set<String> KINDS = Arrays.stream(DiagnosisKind.values())
            .filter(k -> k.isDiagnosisOfAWrongAnswer() || k == DiagnosisKind.UNREADABLE).map(DiagnosisKind::text)
            .collect(Collectors.toSet());

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
        if (p.maxScore() != null && !(p.maxScore() > 0 && p.maxScore() <= 1000)) {
            errors.add(where + ": maxScore must be more than 0 and at most 1000");
        }
        validateSource(p.source(), where, errors);
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
        for (int k = 0; k < SEEDS; k++) {
            CheckReport reference = run(p, references, SEED + k, where, errors);
            if (reference == null) {
                return;
            }
            boolean failed = false;
            for (CheckReport.PartReport part : reference.parts()) {
                if (part.verdict() != Verdict.CORRECT) {
                    errors.add(where + ": part `" + part.wrt() + "`: the reference fails its own check ("
                            + part.verdict().text() + (k == 0 ? "" : " at seed " + (SEED + k)) + "): "
                            + part.diagnosis().message());
                    failed = true;
                }
            }
            if (failed) {
                return;
            }
        }
        List<WrongAnswer> wrong = p.wrongAnswers() == null ? List.of() : p.wrongAnswers();
        for (int i = 0; i < wrong.size(); i++) {
            validateWrongAnswer(p, wrong.get(i), where + ": wrongAnswers[" + i + "]", references, errors);
        }
    }

    private static void validateSource(ProblemSetDefinition.ProblemSource source, String where, List<String> errors) {
        if (source == null) {
            return;
        }
        boolean inNotes = source.document() != null || source.lines() != null;
        boolean notInNotes = source.notInNotes() != null;
        if (inNotes == notInNotes) {
            errors.add(where + ": source takes either document and lines, or notInNotes (what the problem is "
                    + "instead)");
            return;
        }
        if (notInNotes) {
            require(errors, where + ": source.notInNotes", source.notInNotes(), 1_000);
            return;
        }
        require(errors, where + ": source.document", source.document(), 200);
        List<Integer> lines = source.lines();
        if (lines == null || lines.isEmpty() || lines.size() > 2 || lines.stream().anyMatch(l -> l == null || l < 1)
                || lines.get(0) > lines.get(lines.size() - 1)) {
            errors.add(where + ": source.lines must be [line] or [first, last], positive and in order");
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
        if (Boolean.TRUE.equals(w.printed()) && p.erratum() == null) {
            errors.add(where + ": printed marks the notes' printed version of an erratum, but the problem has no "
                    + "erratum");
        }
        Map<String, Object> answers = new HashMap<>(references);
        answers.put(w.wrt(), w.answer());
        // The same diagnosis at every seed: one that changes with the draw is refused, naming both.
        for (int k = 0; k < SEEDS; k++) {
            long seed = SEED + k;
            CheckReport report = run(p, answers, seed, where, errors);
            if (report == null) {
                return;
            }
            CheckReport.PartReport part = report.parts().stream().filter(r -> r.wrt().equals(w.wrt())).findFirst()
                    .orElseThrow();
            String at = k == 0 ? "" : " at seed " + seed + " (it was " + w.diagnosis() + " at seed " + SEED
                    + ": the diagnosis changes with the seed)";
            if (part.verdict() == Verdict.CORRECT) {
                errors.add(where + ": `" + w.answer() + "` is actually correct" + at);
                return;
            } else if (!part.diagnosis().kind().text().equals(w.diagnosis())) {
                errors.add(where + ": `" + w.answer() + "` is diagnosed " + part.diagnosis().kind().text() + ", not "
                        + w.diagnosis() + at + " (" + part.diagnosis().message() + ")");
                return;
            }
        }
    }

    private CheckReport run(ProblemDefinition p, Map<String, Object> answers, long seed, String where,
            List<String> errors) {
        try {
            return checker.check(p.toCheck(answers, seed));
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
