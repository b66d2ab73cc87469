package io.gradcheck.web;

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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Every operation documents the 4xx it can answer, each as application/problem+json of one {@code Problem}
 * schema whose `type` lists the slugs of {@link ProblemType}: a bad request (400) where it takes a body or
 * parameters, 401/403 where a key is needed, 404 where the path names something, and whatever the controller
 * declared itself (409, 412, 422, …). Keyed operations name the roles that may call them.
 */
@Component
class ProblemResponses implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    private static final String REF = "#/components/schemas/" + PROBLEM;

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
                add(responses, "401", "No X-API-Key, or one the service does not know");
                add(responses, "403", "The key's role may not call this operation");
            } else {
                op.setSecurity(List.of(new SecurityRequirement())); // open: said, not left out
            }
            boolean takesInput = op.getRequestBody() != null
                    || (op.getParameters() != null && !op.getParameters().isEmpty());
            if (takesInput) {
                add(responses, "400", "The request cannot be used (malformed JSON, a bad parameter or field)");
            }
            if (path.contains("{")) {
                add(responses, "404", "Nothing exists at this path");
            }
            // whatever a controller declared as a problem answer now points at the one Problem schema
            responses.forEach((code, r) -> {
                if (code.startsWith("4") || code.startsWith("5")) {
                    r.setContent(problemContent());
                }
            });
        }));
    }

    /** The problem-set reads: open, with more for an instructor's key (SecurityConfiguration.RULES). */
    private static boolean optionalKey(String path, PathItem.HttpMethod method) {
        return method == PathItem.HttpMethod.GET && path.startsWith("/api/v1/problem-sets")
                && !path.endsWith("/grades") && !path.contains("/insights") && !path.endsWith("/definition");
    }

    /**
     * The roles a keyed operation accepts (SecurityConfiguration.RULES): submissions and the grade book take
     * an LMS or an instructor key; every other keyed operation an instructor key. Two requirements = either.
     */
    private static List<SecurityRequirement> roles(String path, PathItem.HttpMethod method) {
        boolean lms = (method == PathItem.HttpMethod.POST && path.endsWith("/submissions"))
                || path.startsWith("/api/v1/submissions")
                || (method == PathItem.HttpMethod.GET && path.endsWith("/grades"));
        SecurityRequirement instructor = new SecurityRequirement().addList(OpenApiConfig.INSTRUCTOR_KEY);
        return lms ? List.of(new SecurityRequirement().addList(OpenApiConfig.LMS_KEY), instructor)
                : List.of(instructor);
    }

    private static void add(ApiResponses responses, String code, String description) {
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().description(description));
        }
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
