package io.gradcheck.submissions.web;

import io.gradcheck.errors.BadRequest;
import io.gradcheck.problems.ProblemSetService.ProblemInfo;
import io.gradcheck.submissions.GradeBook.LearnerPoints;
import io.gradcheck.submissions.SubmissionService.GradeRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The grade book as CSV (RFC 4180, written by Commons CSV), in two forms. {@code long}: one row per learner and
 * problem, every figure the JSON grade book has. {@code gradebook}: what a gradebook imports, one row per learner,
 * one column per problem of the set (its key) holding the points (best score × the problem's maxScore), empty
 * where the learner submitted nothing, then the total. Both stream from the database as rows are read.
 */
final class GradeBookCsv {

    enum Form {
        LONG, GRADEBOOK;

        static Form of(String text) {
            for (Form f : values()) {
                if (f.name().toLowerCase(Locale.ROOT).equals(text)) {
                    return f;
                }
            }
            throw new BadRequest("form must be long (one row per learner and problem) or gradebook (one row per "
                    + "learner, one column per problem)");
        }
    }

    /** Points are written with a dot, at most six decimals, without trailing zeros: 4, 2.5, 0.333333. */
    static final int DECIMALS = 6;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private GradeBookCsv() {
    }

    /** @param rows hands each grade-book row to its argument, in order (GradeBook.stream) */
    static void writeLong(Consumer<Consumer<GradeRow>> rows, Writer out) throws IOException {
        try (CSVPrinter csv = new CSVPrinter(out, FORMAT.builder().setHeader("learner_id", "problem", "attempts",
                "best_score", "latest_score", "latest_at", "max_score", "points").get())) {
            rows.accept(r -> print(csv, List.of(r.learnerId(), r.problem(), r.attempts(), r.bestScore(),
                    r.latestScore(), r.latestAt(), r.maxScore(), r.points())));
        }
    }

    /** @param learners hands each learner's points to its argument, in learner order (GradeBook.streamByLearner) */
    static void writeGradebook(List<ProblemInfo> problems, Consumer<Consumer<LearnerPoints>> learners, Writer out)
            throws IOException {
        List<String> header = new ArrayList<>();
        header.add("learner_id");
        problems.forEach(p -> header.add(p.key()));
        header.add("total");
        try (CSVPrinter csv = new CSVPrinter(out, FORMAT.builder().setHeader(header.toArray(String[]::new)).get())) {
            learners.accept(learner -> print(csv, line(learner, problems)));
        }
    }

    /** A problem retired from the set has no column (its rows stay in the long form) and adds nothing to the total. */
    private static List<Object> line(LearnerPoints learner, List<ProblemInfo> problems) {
        List<Object> cells = new ArrayList<>();
        cells.add(learner.learnerId());
        BigDecimal total = BigDecimal.ZERO;
        for (ProblemInfo p : problems) {
            Double points = learner.points().get(p.key());
            if (points == null) {
                cells.add("");
            } else {
                BigDecimal rounded = round(points);
                cells.add(rounded.toPlainString());
                total = total.add(rounded);
            }
        }
        cells.add(total.stripTrailingZeros().toPlainString());
        return cells;
    }

    static BigDecimal round(double points) {
        BigDecimal d = BigDecimal.valueOf(points).setScale(DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    private static void print(CSVPrinter csv, List<?> cells) {
        try {
            csv.printRecord(cells);
            // each record leaves as it is written: the response streams, memory holds no more than a line
        } catch (IOException e) {
            throw new UncheckedIOException(e);  // the client left: the query stops with it
        }
    }
}
