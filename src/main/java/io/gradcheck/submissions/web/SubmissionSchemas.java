package io.gradcheck.submissions.web;

import io.gradcheck.check.DiagnosisKind;
import io.gradcheck.check.Verdict;
import io.gradcheck.web.SchemaDocs;
import io.gradcheck.web.SchemaDocs.Doc;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The submission schemas as a generated client should see them: what each means, which fields every answer
 * carries (`required`, so that generated models make them non-optional), and the verdict and diagnosis words as
 * enums. Said here, as CheckSchemas does for the checks, rather than in annotations on the service's records.
 */
@Component
class SubmissionSchemas implements OpenApiCustomizer {

    private static final Map<String, Doc> DOCS = Map.of(
            "SubmitRequest", new Doc("A learner's answers: by part (`answers`, keyed by each part's wrt) or, for a "
                    + "one-part problem, the lone `answer`; every part needs a non-empty answer (else 400, nothing "
                    + "stored)", List.of("learnerId")),
            "View", new Doc("A stored submission: the answers as sent, the current grading and, after regrades, "
                    + "the earlier ones", List.of("id", "learnerId", "set", "problem", "problemVersion", "attempt",
                    "answers", "verdict", "score", "parts", "seed", "createdAt", "gradedAt", "history")),
            "PartResult", new Doc("One part's grading: verdict, score (0 to 1) and weight; diagnosis, message and "
                    + "feedback when it is not correct", List.of("wrt", "verdict", "score", "weight")),
            "Regrading", new Doc("An earlier grading of a submission, kept when it was regraded",
                    List.of("problemVersion", "verdict", "score", "gradedAt")),
            "GradeRow", new Doc("One learner and problem of the grade book: attempts, best and latest score (0 to "
                    + "1), the latest time, points possible (maxScore) and points = best score × maxScore",
                    List.of("learnerId", "problem", "attempts", "bestScore", "latestScore", "latestAt", "maxScore",
                            "points")),
            "SubmissionPage", new Doc("A page of submissions, newest first",
                    List.of("items", "page", "size", "totalItems", "totalPages")),
            "Regraded", new Doc("How many stored submissions were graded again", List.of("regraded")));

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void customise(OpenAPI api) {
        Map<String, Schema> schemas = SchemaDocs.schemas(api);
        if (schemas == null) {
            return;
        }
        SchemaDocs.apply(schemas, DOCS);
        List<String> verdicts = Arrays.stream(Verdict.values()).map(Verdict::text).toList();
        List<String> kinds = Arrays.stream(DiagnosisKind.values()).map(DiagnosisKind::text).toList();
        for (String name : List.of("View", "PartResult", "Regrading")) {
            Schema<?> s = schemas.get(name);
            if (s != null && s.getProperties() != null && s.getProperties().get("verdict") != null) {
                ((Schema) s.getProperties().get("verdict")).setEnum(verdicts);
            }
        }
        Schema<?> part = schemas.get("PartResult");
        if (part != null && part.getProperties() != null && part.getProperties().get("diagnosis") != null) {
            ((Schema) part.getProperties().get("diagnosis")).setEnum(kinds);
        }
    }
}
