package io.gradcheck.submissions;

import io.gradcheck.check.CheckReport;
import io.gradcheck.check.CheckReport.PartReport;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the per-part rows (submission_part) of a graded submission. Called inside the transaction that stores
 * or regrades the submission, so a row exists exactly when its submission's current grading does.
 *
 * <p>Verdict, diagnosis and message are those of the grading the learner was given; the canonical reading, the
 * constant of {@code scaled} and the entries of {@code partially_correct} come from the check's report of the
 * same answer.
 */
@Component
class SubmissionParts {

    static final int TEXT = 1000;
    private static final MathContext FACTOR_DIGITS = new MathContext(6);

    private final SubmissionPartRepository rows;
    private final JsonMapper json;

    SubmissionParts(SubmissionPartRepository rows, JsonMapper json) {
        this.rows = rows;
        this.json = json;
    }

    /**
     * The rows of a newly stored submission (call in its transaction, after it has an id). Without a report
     * (a backfilled submission whose problem is retired), the reading is the answer as typed.
     */
    void record(Submission s, Map<String, Object> answers, List<Grading.PartResult> graded, CheckReport report) {
        for (Grading.PartResult part : graded) {
            PartReport checked = report == null ? null
                    : report.parts().stream().filter(r -> r.wrt().equals(part.wrt())).findFirst().orElse(null);
            rows.save(row(s, answers.get(part.wrt()), part, checked));
        }
    }

    /** Replaces the rows of a regraded submission (call in the regrade's transaction). */
    void replace(Submission s, Map<String, Object> answers, List<Grading.PartResult> graded, CheckReport report) {
        rows.deleteBySubmission(s.id());
        record(s, answers, graded, report);
    }

    private SubmissionPart row(Submission s, Object answer, Grading.PartResult part, PartReport checked) {
        CheckReport.Diagnosis d = checked == null ? null : checked.diagnosis();
        boolean same = d != null && d.kind().equals(part.diagnosis());
        Double factor = same && d.factor() != null
                ? new BigDecimal(d.factor()).round(FACTOR_DIGITS).doubleValue() : null;
        String entries = same && d.wrongEntries() != null ? cut(String.join(" ", d.wrongEntries())) : null;
        String reading = checked != null && checked.answer() != null ? checked.answer().canonical() : raw(answer);
        return new SubmissionPart(s, part.wrt(), part.verdict().text(),
                part.diagnosis() == null ? null : part.diagnosis().text(), factor, entries, cut(reading),
                sha256(reading), cut(part.message() == null ? "" : part.message()));
    }

    /** An answer the engine could not read is grouped by its text as typed, trimmed. */
    private String raw(Object answer) {
        if (answer == null) {
            return "(no answer)";
        }
        return answer instanceof String text ? text.strip() : json.writeValueAsString(answer);
    }

    private static String cut(String s) {
        return s.length() <= TEXT ? s : s.substring(0, TEXT - 1) + "…";
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
