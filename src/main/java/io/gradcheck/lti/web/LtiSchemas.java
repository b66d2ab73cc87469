package io.gradcheck.lti.web;

import static io.gradcheck.web.SchemaDocs.describe;

import io.gradcheck.web.SchemaDocs;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The LTI administration schemas as a generated client should see them: a registration needs every field
 * (Platforms.validate), a platform and a passback always carry their identifying fields, and a passback's status
 * is one of three words. As CheckSchemas does for the checks, said here rather than on the records.
 */
@Component
class LtiSchemas implements OpenApiCustomizer {

    static final List<String> PASSBACK_STATUSES = List.of("pending", "failed", "sent");

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void customise(OpenAPI api) {
        Map<String, Schema> schemas = SchemaDocs.schemas(api);
        if (schemas == null) {
            return;
        }
        describe(schemas, "Registration", "What the LMS shows when gradcheck is added there: every field is needed; "
                + "URLs absolute http(s), at least one deployment id", List.of("issuer", "clientId", "deploymentIds",
                "authLoginUrl", "authTokenUrl", "jwksUrl"));
        describe(schemas, "Platform", "A registered LMS platform", List.of("id", "issuer", "clientId",
                "deploymentIds", "authLoginUrl", "authTokenUrl", "jwksUrl"));
        describe(schemas, "Passback", "A score on its way to the LMS: its status, tries, next try and last error",
                List.of("id", "submissionId", "learnerId", "set", "problem", "status", "score", "tries"));
        Schema<?> passback = schemas.get("Passback");
        if (passback != null && passback.getProperties() != null && passback.getProperties().get("status") != null) {
            ((Schema) passback.getProperties().get("status")).setEnum(PASSBACK_STATUSES);
        }
    }
}
