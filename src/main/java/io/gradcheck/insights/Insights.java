package io.gradcheck.insights;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** What a class gets wrong in one problem set, problem by problem and part by part. */
@Schema(description = "What the class gets wrong in a problem set, per problem and part, over a time window")
public record Insights(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String set,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String title,
        @Schema(description = "Start of the window (inclusive); absent: from the first submission") Instant since,
        @Schema(description = "End of the window (exclusive); absent: up to now") Instant until,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ProblemInsights> problems) {

    /** One problem of the set (its current parts; a problem without submissions has zero counts). */
    public record ProblemInsights(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String key,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String title,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<PartInsights> parts) {
    }

    /**
     * One part (one wrt). Learners and attempts are counted within the window: a learner's first attempt is
     * their first in the window.
     */
    public record PartInsights(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "x") String wrt,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Learners who answered this part")
            long learners,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long submissions,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Learners right at their first attempt")
            long correctAtFirstAttempt,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Learners right at some attempt")
            long eventuallyCorrect,
            @Schema(description = "correctAtFirstAttempt / learners (absent without learners)", minimum = "0",
                    maximum = "1") Double correctAtFirstAttemptShare,
            @Schema(description = "eventuallyCorrect / learners (absent without learners)", minimum = "0",
                    maximum = "1") Double eventuallyCorrectShare,
            @Schema(description = "Median number of attempts up to the first correct one, over the learners who "
                    + "got there (absent when none did)") Double medianAttemptsToCorrect,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Answers that were not correct, by "
                    + "diagnosis kind, most frequent first") List<Mistake> mistakes,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The most frequent answers that were "
                    + "not correct, grouped by their canonical reading, most learners first") List<WrongAnswer> wrongAnswers) {
    }

    /** How many answers got one diagnosis kind. */
    public record Mistake(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"transposed", "negated", "scaled",
                    "symmetric_only", "partially_correct", "wrong_shape", "undefined", "wrong", "unreadable",
                    "inconclusive"}) String kind,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long submissions,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long learners,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "For scaled: by constant; for "
                    + "partially_correct: by the entries that are wrong; empty for the other kinds") List<Variant> variants) {
    }

    /** One constant of a scaled answer, or one set of wrong entries of a partially correct one. */
    public record Variant(
            @Schema(description = "The constant the answer is off by (scaled)", example = "0.5") Double factor,
            @Schema(description = "The entries that are wrong (partially_correct), 1-based, (row,col) for a matrix")
            List<String> wrongEntries,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long submissions,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long learners) {
    }

    /** Answers that read the same (the engine's canonical text), with how many learners gave them. */
    public record WrongAnswer(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2*A*x", description = "The canonical "
                    + "reading (the answer as typed when it cannot be read), at most 1000 characters") String reading,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "symmetric_only") String diagnosis,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The diagnosis sentence") String message,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long learners,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long submissions) {
    }
}
