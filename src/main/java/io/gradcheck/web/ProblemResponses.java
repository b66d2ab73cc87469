package io.gradcheck.web;

import static io.gradcheck.errors.ProblemType.*;

import io.gradcheck.errors.ProblemType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Every operation documents each error it can answer, as application/problem+json of one {@code Problem} schema
 * whose `type` lists the slugs of {@link ProblemType}; each response's description names the types it can carry.
 * What applies by the operation's shape is added here (a body: malformed-request, unsupported-media-type,
 * body-too-large, body-too-slow; parameters or a body: invalid-request; a key: unauthenticated, forbidden; a path
 * naming something: not-found); what only some operations answer is the table {@link #TYPES}, one line per
 * operation (ProblemResponsesTests holds the table to the document and triggers the types it names).
 * Keyed operations name the roles that may call them.
 */
@Component
class ProblemResponses implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    private static final String REF = "#/components/schemas/" + PROBLEM;

    private static final List<ProblemType> EXPRESSION = List.of(EXPRESSION_SYNTAX, UNKNOWN_NAME, SHAPE_MISMATCH,
            BAD_INDEX, WRONG_ARGUMENTS, INVALID_DECLARATION, LIMIT_EXCEEDED);
    private static final List<ProblemType> REQUEST_BOUNDS = List.of(TOO_MANY_VARIABLES, TOO_MANY_ENTRIES,
            TOO_MANY_DRAWN_NUMBERS, TOO_MANY_PARTS, TOO_MANY_CONSTRAINTS, DOMAIN_OUT_OF_RANGE);
    private static final List<ProblemType> ANSWER_BOUNDS = List.of(ANSWER_TOO_LONG, TOO_MANY_ANSWER_ENTRIES,
            EMPTY_ANSWER_ENTRIES);
    /** Graded work: the question may have no answer, the work may be over budget, the server too busy or slow. */
    private static final List<ProblemType> GRADING = List.of(INVALID_CHECK, INVALID_QUESTION, WORK_BUDGET_EXCEEDED,
            OVERLOADED, DEADLINE_EXCEEDED);

    /**
     * operationId → the problem types it answers beyond those of its shape (see the class comment). Found in the
     * code: the exceptions each controller and service it calls can throw (errors/ProblemType is the catalogue).
     * An operation missing here fails ProblemResponsesTests, so a new one is looked at, not left with defaults.
     */
    static final Map<String, List<ProblemType>> TYPES = Map.ofEntries(
            Map.entry("parseExpression", concat(EXPRESSION, REQUEST_BOUNDS)),
            Map.entry("checkDerivative", concat(EXPRESSION, REQUEST_BOUNDS, ANSWER_BOUNDS, GRADING)),
            Map.entry("listProblemSets", List.of(PAGE_OUT_OF_RANGE)),
            Map.entry("getProblemSet", List.of()),
            Map.entry("getProblemSetDefinition", List.of()),
            Map.entry("getProblem", List.of()),
            Map.entry("checkProblem", concat(ANSWER_BOUNDS, GRADING, List.of(PRACTICE_CLOSED, RATE_LIMITED))),
            Map.entry("createProblemSet", List.of(INVALID_PROBLEM_SET, CONFLICT)),
            Map.entry("replaceProblemSet", List.of(INVALID_PROBLEM_SET, CONFLICT, STALE_VERSION, VERSION_REQUIRED)),
            Map.entry("deleteProblemSet", List.of(SET_IN_USE, STALE_VERSION, VERSION_REQUIRED)),
            Map.entry("submitAnswer", concat(ANSWER_BOUNDS, GRADING,
                    List.of(ATTEMPTS_EXHAUSTED, CONFLICT, IDEMPOTENCY_KEY_REUSED))),
            Map.entry("regradeProblem", List.of(INVALID_CHECK, INVALID_QUESTION, WORK_BUDGET_EXCEEDED,
                    DEADLINE_EXCEEDED)),
            Map.entry("getSubmission", List.of()),
            Map.entry("searchSubmissions", List.of(PAGE_OUT_OF_RANGE)),
            Map.entry("gradeBook", List.of()),
            Map.entry("gradeBookCsv", List.of()),
            Map.entry("getInsights", List.of()),
            Map.entry("createInsightsLink", List.of()),
            Map.entry("createLearnerLink", List.of()),
            Map.entry("answerFromLearnerPage", concat(ANSWER_BOUNDS, GRADING, List.of(MISSING_ANSWER,
                    LEARNER_TOKEN_REFUSED, ATTEMPTS_EXHAUSTED, CONFLICT, IDEMPOTENCY_KEY_REUSED))),
            Map.entry("plotAnswer", List.of(NO_PLOT)),
            Map.entry("problemTypePage", List.of()),
            Map.entry("listLtiPlatforms", List.of()),
            Map.entry("getLtiPlatform", List.of()),
            Map.entry("registerLtiPlatform", List.of(INVALID_LTI_REQUEST, CONFLICT)),
            Map.entry("replaceLtiPlatform", List.of(INVALID_LTI_REQUEST, CONFLICT)),
            Map.entry("deleteLtiPlatform", List.of()),
            Map.entry("listLtiPassbacks", List.of(INVALID_LTI_REQUEST)),
            Map.entry("retryLtiPassback", List.of()),
            Map.entry("rotateLtiKey", List.of()),
            // the open LTI documents: JSON only, so an Accept that excludes it is refused
            Map.entry("ltiJwks", List.of(NOT_ACCEPTABLE)),
            Map.entry("ltiConfig", List.of(NOT_ACCEPTABLE)),
            Map.entry("ltiCanvasConfig", List.of(NOT_ACCEPTABLE)));

    @SafeVarargs
    private static List<ProblemType> concat(List<ProblemType>... lists) {
        return Arrays.stream(lists).flatMap(List::stream).toList();
    }

    /** Every problem type the operation can answer: by its shape, then its line of {@link #TYPES}. */
    static List<ProblemType> typesOf(String operationId, Operation op, String path, boolean keyed) {
        List<ProblemType> types = new ArrayList<>();
        if (op.getRequestBody() != null) {
            types.addAll(List.of(MALFORMED_REQUEST, UNSUPPORTED_MEDIA_TYPE, BODY_TOO_LARGE, BODY_TOO_SLOW));
        }
        // a body, or a parameter that can be wrong (a query or header value, a number in the path)
        boolean canBeWrong = op.getParameters() != null && op.getParameters().stream().anyMatch(p ->
                !"path".equals(p.getIn()) || !isString(p.getSchema()));
        if (op.getRequestBody() != null || canBeWrong) {
            types.add(INVALID_REQUEST);
        }
        if (keyed) {
            types.addAll(List.of(UNAUTHENTICATED, FORBIDDEN));
        }
        if (path.contains("{")) {
            types.add(NOT_FOUND);
        }
        types.addAll(TYPES.getOrDefault(operationId, List.of()));
        return types.stream().distinct().toList();
    }

    @Override
    public void customise(OpenAPI api) {
        api.getComponents().addSchemas(PROBLEM, problemSchema());
        api.getComponents().getSchemas().remove("ProblemDetail");
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
            op.setResponses(responses);
            boolean keyed = op.getSecurity() != null && !op.getSecurity().isEmpty();
            if (optionalKey(path, method)) {
                // statements are open; an instructor key adds references and known wrong answers
                op.setSecurity(List.of(new SecurityRequirement().addList(OpenApiConfig.INSTRUCTOR_KEY),
                        new SecurityRequirement()));
            } else if (keyed) {
                op.setSecurity(roles(path, method));
            } else {
                op.setSecurity(List.of(new SecurityRequirement())); // open: said, not left out
            }
            // each status the operation can answer, with the types it carries named in its description
            Map<Integer, List<ProblemType>> byStatus = typesOf(op.getOperationId(), op, path,
                    keyed && !optionalKey(path, method)).stream()
                    .collect(Collectors.groupingBy(t -> t.status().value(), TreeMap::new, Collectors.toList()));
            byStatus.forEach((status, types) -> {
                String code = String.valueOf(status);
                ApiResponse r = responses.containsKey(code) ? responses.get(code) : new ApiResponse();
                String named = types.stream().map(t -> "`" + t.slug() + "` (" + t.title() + ")")
                        .collect(Collectors.joining(", "));
                String said = r.getDescription() == null ? "" : r.getDescription().split("Problem types: ")[0]
                        .replaceAll("[. ]+$", "");  // a second run of the customizer says it once
                r.setDescription(said.isBlank() ? "Problem types: " + named : said + ". Problem types: " + named);
                responses.addApiResponse(code, r);
            });
            // whatever a controller declared as a problem answer now points at the one Problem schema; success
            // bodies that springdoc left as */* are the JSON they are
            responses.forEach((code, r) -> {
                if (code.startsWith("4") || code.startsWith("5")) {
                    r.setContent(problemContent());
                } else if (r.getContent() != null && r.getContent().containsKey("*/*")) {
                    MediaType any = r.getContent().remove("*/*");
                    r.getContent().addMediaType("application/json", any);
                }
            });
            op.setResponses(sorted(responses));
        }));
    }

    /** The problem-set reads: open, with more for an instructor's key (SecurityConfiguration.RULES). */
    private static boolean optionalKey(String path, PathItem.HttpMethod method) {
        return method == PathItem.HttpMethod.GET && path.startsWith("/api/v1/problem-sets")
                && !path.endsWith("/grades") && !path.endsWith("/grades.csv") && !path.contains("/insights") && !path.endsWith("/definition");
    }

    /**
     * The roles a keyed operation accepts (SecurityConfiguration.RULES): submissions and the grade book take
     * an LMS or an instructor key; every other keyed operation an instructor key. Two requirements = either.
     */
    private static List<SecurityRequirement> roles(String path, PathItem.HttpMethod method) {
        boolean lms = (method == PathItem.HttpMethod.POST && path.endsWith("/submissions"))
                || path.startsWith("/api/v1/submissions")
                || (method == PathItem.HttpMethod.GET && (path.endsWith("/grades") || path.endsWith("/grades.csv")));
        SecurityRequirement instructor = new SecurityRequirement().addList(OpenApiConfig.INSTRUCTOR_KEY);
        return lms ? List.of(new SecurityRequirement().addList(OpenApiConfig.LMS_KEY), instructor)
                : List.of(instructor);
    }

    /** OpenAPI 3.1 schemas say their type in `types`, 3.0 ones in `type`. */
    private static boolean isString(Schema<?> schema) {
        return schema != null && ("string".equals(schema.getType())
                || (schema.getTypes() != null && schema.getTypes().equals(java.util.Set.of("string"))));
    }

    /** Success first, then the errors by status, so that a reader (and a generator) sees them in order. */
    private static ApiResponses sorted(ApiResponses responses) {
        ApiResponses sorted = new ApiResponses();
        responses.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(e -> sorted.addApiResponse(e.getKey(), e.getValue()));
        sorted.setExtensions(responses.getExtensions());
        return sorted;
    }

    private static Content problemContent() {
        return new Content().addMediaType("application/problem+json", new MediaType().schema(new Schema<>().$ref(REF)));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        List<String> slugs = Arrays.stream(ProblemType.values()).map(ProblemType::slug).toList();
        Schema type = new StringSchema().format("uri-reference")
                .description("The kind of error, stable: /problems/{slug}, one of: " + String.join(", ", slugs)
                        + ". GET it for a page describing the kind.")
                .example("/problems/invalid-request");
        Map<String, Schema> properties = new java.util.LinkedHashMap<>();
        properties.put("type", type);
        properties.put("title", new StringSchema().description("The kind's title, the same for every instance")
                .example("Invalid request"));
        properties.put("status", new IntegerSchema().format("int32").description("The HTTP status").example(400));
        properties.put("detail", new StringSchema().description("What went wrong this time, and what to do")
                .example("pageSize must be between 1 and 200"));
        properties.put("instance", new StringSchema().format("uri-reference").description("The request's path"));
        ObjectSchema problem = new ObjectSchema();
        problem.setDescription("RFC 9457 problem details; some kinds add members (position for expressions, "
                + "attempts for attempts-exhausted, …)");
        problem.setProperties(properties);
        problem.setRequired(List.of("type", "title", "status"));
        problem.setAdditionalProperties(Boolean.TRUE);
        return problem;
    }
}
