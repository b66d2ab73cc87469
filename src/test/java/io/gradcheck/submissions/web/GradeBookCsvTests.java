package io.gradcheck.submissions.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gradcheck.errors.BadRequest;
import io.gradcheck.problems.ProblemSetService.ProblemInfo;
import io.gradcheck.submissions.GradeBook.LearnerPoints;
import io.gradcheck.submissions.SubmissionService.GradeRow;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Both CSV forms read back with Commons CSV: ids as given (commas, quotes), points with a dot, a header row. */
class GradeBookCsvTests {

    private static final List<ProblemInfo> PROBLEMS = List.of(new ProblemInfo("quadratic", "Quadratic", 4),
            new ProblemInfo("norm", "Norm", 1), new ProblemInfo("never", "Never answered", 2));

    private static List<CSVRecord> read(String csv) throws Exception {
        try (CSVParser p = CSVParser.parse(new StringReader(csv),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        }
    }

    @Test
    void gradebookFormHasOneRowPerLearnerAndOneColumnPerProblem() throws Exception {
        StringWriter out = new StringWriter();
        String odd = "lms:\"O'Brien, Pat\"";
        GradeBookCsv.writeGradebook(PROBLEMS, sink -> {
            sink.accept(new LearnerPoints("canvas:12345", Map.of("quadratic", 3.0, "norm", 0.5)));
            sink.accept(new LearnerPoints(odd, Map.of("norm", 1.0 / 3)));
            sink.accept(new LearnerPoints("moodle:7", Map.of("retired", 1.0)));
        }, out);
        String csv = out.toString();
        assertThat(csv).startsWith("learner_id,quadratic,norm,never,total\r\n");
        List<CSVRecord> rows = read(csv);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).toList()).containsExactly("canvas:12345", "3", "0.5", "", "3.5");
        // the id survives its comma and quotes; a third is written with a dot and six decimals
        assertThat(rows.get(1).get("learner_id")).isEqualTo(odd);
        assertThat(rows.get(1).get("norm")).isEqualTo("0.333333");
        assertThat(rows.get(1).get("quadratic")).isEmpty();
        assertThat(rows.get(1).get("total")).isEqualTo("0.333333");
        // a problem no longer in the set has no column and counts for nothing
        assertThat(rows.get(2).toList()).containsExactly("moodle:7", "", "", "", "0");
    }

    @Test
    void longFormKeepsEveryFigure() throws Exception {
        StringWriter out = new StringWriter();
        Instant at = Instant.parse("2026-11-20T10:15:30Z");
        GradeBookCsv.writeLong(sink -> sink.accept(new GradeRow("lms:a,b", "quadratic", 2, 0.5, 0.25, at, 4.0, 2.0)),
                out);
        assertThat(out.toString()).startsWith(
                "learner_id,problem,attempts,best_score,latest_score,latest_at,max_score,points\r\n");
        assertThat(read(out.toString())).singleElement().satisfies(r -> assertThat(r.toList()).containsExactly(
                "lms:a,b", "quadratic", "2", "0.5", "0.25", "2026-11-20T10:15:30Z", "4.0", "2.0"));
    }

    @Test
    void anUnknownFormIsAnInvalidRequest() {
        assertThatThrownBy(() -> GradeBookCsv.Form.of("wide")).isInstanceOf(BadRequest.class)
                .hasMessageContaining("long").hasMessageContaining("gradebook");
        assertThat(GradeBookCsv.Form.of("gradebook")).isEqualTo(GradeBookCsv.Form.GRADEBOOK);
    }
}
