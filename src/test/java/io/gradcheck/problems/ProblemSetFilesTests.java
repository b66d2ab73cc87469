package io.gradcheck.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gradcheck.check.Checker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every problem of every file in problem-sets/: its reference passes its own check and every known wrong
 * answer fails with its stated diagnosis (the validator runs the real checks).
 */
class ProblemSetFilesTests {

    private static final Path DIR = Path.of("problem-sets");
    private final ProblemValidator validator = new ProblemValidator(new Checker());

    static Stream<Path> files() throws Exception {
        return ProblemSetFiles.list(DIR).stream();
    }

    private static ProblemSetDefinition load(Path file) throws Exception {
        return ProblemSetFiles.read(file.getFileName().toString(), ProblemSetFiles.read(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void everyReferencePassesAndEveryWrongAnswerGetsItsDiagnosis(Path file) throws Exception {
        ProblemSetDefinition set = load(file);
        assertThatCode(() -> validator.validate(set)).doesNotThrowAnyException();
        assertThat(set.source()).isNotBlank();
        assertThat(file.getFileName().toString()).isEqualTo(set.slug() + ".yaml");
    }

    @Test
    void theSetsCoverTheNotes() throws Exception {
        List<ProblemSetDefinition> sets = new ArrayList<>();
        for (Path f : files().toList()) {
            sets.add(load(f));
        }
        assertThat(sets).hasSize(5);
        long problems = sets.stream().mapToLong(s -> s.problems().size()).sum();
        long wrongAnswers = sets.stream().flatMap(s -> s.problems().stream())
                .mapToLong(p -> p.wrongAnswers() == null ? 0 : p.wrongAnswers().size()).sum();
        long errata = sets.stream().flatMap(s -> s.problems().stream()).filter(p -> p.erratum() != null).count();
        assertThat(problems).isGreaterThanOrEqualTo(100);
        assertThat(wrongAnswers).isGreaterThanOrEqualTo(problems);
        assertThat(errata).isGreaterThanOrEqualTo(9);
    }

    /** The two errata the first sets corrected silently are recorded, with the notes' printed answer as a known wrong one. */
    @Test
    void theSilentErrataAreRecordedWithTheNotesPrintedAnswer() throws Exception {
        Map<String, String> printed = Map.of(
                "ds4420-lecture-2/consolidate-point-2", "[-e, -1 + e]",
                "cmu-10606-matrix-differentials/least-squares-gradient", "A^T A x - A b");
        for (Path f : files().toList()) {
            ProblemSetDefinition set = load(f);
            for (var p : set.problems()) {
                String expected = printed.get(set.slug() + "/" + p.key());
                if (expected != null) {
                    assertThat(p.erratum()).as(p.key()).isNotNull();
                    assertThat(p.wrongAnswers()).as(p.key())
                            .anySatisfy(w -> {
                                assertThat(w.printed()).isTrue();
                                assertThat(String.valueOf(w.answer()).replace("\"", "")).isEqualTo(expected);
                            });
                }
            }
        }
    }

    @Test
    void unknownFieldsAreRefusedWithWhereTheyAre() {
        InvalidProblemSet e = catchThrowableOfType(InvalidProblemSet.class, () -> ProblemSetFiles.read("x.yaml", """
                slug: x
                title: X
                problems:
                  - key: a
                    titel: A
                """));
        assertThat(e.getMessage()).startsWith("x.yaml: at problems[0].titel (near line ")
                .endsWith("Unrecognized property \"titel\"");
    }

    @Test
    void duplicateKeysAreRefused() {
        InvalidProblemSet e = catchThrowableOfType(InvalidProblemSet.class, () -> ProblemSetFiles.read("x.yaml", """
                slug: x
                title: X
                title: Y
                """));
        assertThat(e.getMessage()).isEqualTo("x.yaml: line 3: Duplicate Object property \"title\"");
    }

    @Test
    void malformedYamlIsRefused() {
        InvalidProblemSet e = catchThrowableOfType(InvalidProblemSet.class,
                () -> ProblemSetFiles.read("x.yaml", "slug: [unclosed"));
        assertThat(e.getMessage()).startsWith("x.yaml: ");
    }

    @Test
    void aReferenceThatDoesNotParseIsNamed() {
        assertThat(invalid("function: \"x^T x\"", "{wrt: x, reference: \"2 x +\"}", ""))
                .contains("problem `p`: part `x`: the reference fails its own check (invalid): We could not read your "
                        + "answer: missing operand after `+`");
    }

    @Test
    void aReferenceOfTheWrongShapeIsNamed() {
        assertThat(invalid("function: \"x^T x\"", "{wrt: x, reference: \"2 x^T\"}", ""))
                .contains("problem `p`: part `x`: the reference fails its own check (incorrect)");
    }

    @Test
    void aWrongAnswerThatIsActuallyCorrectIsRefused() {
        assertThat(invalid("function: \"x^T x\"", "{wrt: x, reference: \"2 x\"}",
                "    wrongAnswers: [{wrt: x, answer: \"x + x\", diagnosis: scaled}]"))
                .contains("problem `p`: wrongAnswers[0]: `x + x` is actually correct");
    }

    @Test
    void aWrongAnswerWithAnotherDiagnosisIsRefused() {
        assertThat(invalid("function: \"x^T x\"", "{wrt: x, reference: \"2 x\"}",
                "    wrongAnswers: [{wrt: x, answer: \"x\", diagnosis: negated}]"))
                .contains("`x` is diagnosed scaled, not negated");
    }

    @Test
    void duplicateProblemKeysAreRefused() {
        ProblemSetDefinition set = ProblemSetFiles.read("x.yaml", """
                slug: x
                title: X
                problems:
                  - {key: a, title: A, statement: S, variables: {s: {}}, function: "s^2", parts: [{wrt: s, reference: "2 s"}]}
                  - {key: a, title: A, statement: S, variables: {s: {}}, function: "s^2", parts: [{wrt: s, reference: "2 s"}]}
                """);
        InvalidProblemSet e = catchThrowableOfType(InvalidProblemSet.class, () -> validator.validate(set));
        assertThat(e.reasons()).containsExactly("problem `a`: key is used twice in this set");
    }

    @Test
    void problemOptionsAreChecked() {
        assertThat(invalid("function: \"x^T x\"", "{wrt: x, reference: \"2 x\"}", "    maxAttempts: 0\n    transposedCredit: 2"))
                .contains("problem `p`: maxAttempts must be at least 1")
                .contains("problem `p`: transposedCredit must be from 0 to 1");
    }

    @Test
    void aDiagnosisThatChangesWithTheSeedIsRefused() {
        // ones(4) for the L1 norm's sign(x) is right in the entries that happen to be drawn positive: `wrong` at
        // one seed, `partially_correct` at another. Validation tries every wrong answer at SEEDS seeds.
        assertThat(ProblemValidator.SEEDS).isGreaterThanOrEqualTo(5);
        ProblemSetDefinition set = ProblemSetFiles.read("x.yaml", """
                slug: x
                title: X
                problems:
                  - key: p
                    title: P
                    statement: S
                    variables: {x: {shape: [4]}}
                    function: "norm1(x)"
                    parts: [{wrt: x, reference: "sign(x)"}]
                    wrongAnswers: [{wrt: x, answer: "ones(4)", diagnosis: wrong}]
                """);
        InvalidProblemSet e = catchThrowableOfType(InvalidProblemSet.class, () -> validator.validate(set));
        assertThat(e.reasons()).singleElement().asString()
                .startsWith("problem `p`: wrongAnswers[0]: `ones(4)` is diagnosed partially_correct, not wrong at seed ")
                .contains("the diagnosis changes with the seed");
    }

    @Test
    void maxScoreSourceAndPrintedAreChecked() {
        assertThat(invalid("function: \"x^T x\"", "{wrt: x, reference: \"2 x\"}", "    maxScore: 0"))
                .contains("problem `p`: maxScore must be more than 0 and at most 1000");
        assertThat(invalid("function: \"x^T x\"", "{wrt: x, reference: \"2 x\"}",
                "    source: {document: a.txt, lines: [3], notInNotes: \"both\"}"))
                .contains("problem `p`: source takes either document and lines, or notInNotes");
        assertThat(invalid("function: \"x^T x\"", "{wrt: x, reference: \"2 x\"}",
                "    source: {document: a.txt, lines: [9, 3]}"))
                .contains("problem `p`: source.lines must be [line] or [first, last], positive and in order");
        assertThat(invalid("function: \"x^T x\"", "{wrt: x, reference: \"2 x\"}",
                "    wrongAnswers: [{wrt: x, answer: \"x\", diagnosis: scaled, printed: true}]"))
                .contains("problem `p`: wrongAnswers[0]: printed marks the notes' printed version of an erratum, but "
                        + "the problem has no erratum");
    }

    @Test
    void everyProblemOfTheRepositorySaysWhereInTheNotesItIsAndWhatItIsWorth() throws Exception {
        for (Path f : files().toList()) {
            for (var p : load(f).problems()) {
                assertThat(p.source()).as(f + " " + p.key()).isNotNull();
                assertThat(p.maxScoreOrDefault()).as(f + " " + p.key()).isPositive();
                // The statement names it too, as the source says.
                String named = p.source().notInNotes() != null ? "*Not in the notes: " + p.source().notInNotes()
                        : "*Source: `" + p.source().document() + "`, line" + (p.source().lines().size() > 1 ? "s " : " ")
                                + p.source().lines().get(0);
                assertThat(p.statement()).as(f + " " + p.key()).contains(named);
            }
        }
    }

    @Test
    void eachSetStatesOneLayoutConventionInEveryStatementThatNeedsOne() throws Exception {
        java.util.regex.Pattern sentence = java.util.regex.Pattern.compile("\\*Layout \\(these notes[^*]*\\*");
        for (Path f : files().toList()) {
            java.util.Set<String> conventions = new java.util.HashSet<>();
            for (var p : load(f).problems()) {
                var m = sentence.matcher(p.statement());
                boolean needsOne = p.parts().stream().anyMatch(part -> part.layout() != null);
                assertThat(m.find()).as(f + " " + p.key() + " states the set's layout").isEqualTo(needsOne);
                if (needsOne) {
                    conventions.add(m.group());
                }
            }
            assertThat(conventions).as(f + ": one layout convention").hasSize(1);
        }
    }
    @Test
    void aProblemAskingForTheDerivativeAtAKinkIsRefused() {
        ProblemSetDefinition set = ProblemSetFiles.read("x.yaml", """
                slug: x
                title: X
                problems:
                  - {key: p, title: P, statement: S, variables: {x: {value: 0}}, function: "abs(x)",
                     parts: [{wrt: x, reference: "0"}]}
                """);
        InvalidProblemSet e = catchThrowableOfType(InvalidProblemSet.class, () -> validator.validate(set));
        assertThat(e.reasons()).singleElement().asString()
                .startsWith("problem `p`: the function has no derivative with respect to x at its fixed value x = 0");
    }

    @Test
    void aNumericProblemTakesItsDigitsAndARoundingShortOfThemIsInaccurate() {
        String problem = """
                slug: x
                title: X
                problems:
                  - key: p
                    title: P
                    statement: S
                    variables: {x: {value: 1}}
                    function: "exp(x)"
                    %s
                    parts: [{wrt: x, reference: "e"}]
                    wrongAnswers: [{wrt: x, answer: "%s", diagnosis: inaccurate}]
                """;
        assertThatCode(() -> validator.validate(ProblemSetFiles.read("x.yaml", problem.formatted("", "2.7"))))
                .doesNotThrowAnyException();
        // 2.72 is right at the default three digits, but not at the five this problem states
        assertThat(catchThrowableOfType(InvalidProblemSet.class, () -> validator.validate(
                ProblemSetFiles.read("x.yaml", problem.formatted("", "2.72")))).reasons()).singleElement()
                .asString().contains("`2.72` is actually correct");
        assertThatCode(() -> validator.validate(ProblemSetFiles.read("x.yaml",
                problem.formatted("tolerance: {digits: 5}", "2.72")))).doesNotThrowAnyException();
    }


    private String invalid(String function, String part, String extra) {
        ProblemSetDefinition set = ProblemSetFiles.read("x.yaml", """
                slug: x
                title: X
                problems:
                  - key: p
                    title: P
                    statement: S
                    variables: {x: {shape: [3]}}
                    %s
                    parts: [%s]
                %s
                """.formatted(function, part, extra));
        return catchThrowableOfType(InvalidProblemSet.class, () -> validator.validate(set)).getMessage();
    }
}
