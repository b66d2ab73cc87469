package io.gradcheck.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * Descriptions and required fields for the OpenAPI schemas springdoc derives from records: each feature package
 * keeps a table of its own schemas ({@code name → Doc}) and applies it with {@link #apply} from its customizer.
 */
public final class SchemaDocs {

    /** What a schema is, and the fields every instance carries (none listed: left as springdoc made it). */
    public record Doc(String description, List<String> required) {
    }

    private SchemaDocs() {
    }

    /** The document's schemas by name, or null when it has none (nothing to describe). */
    @SuppressWarnings("rawtypes")
    public static Map<String, Schema> schemas(OpenAPI api) {
        return api.getComponents() == null ? null : api.getComponents().getSchemas();
    }

    /** Applies each doc to the schema of its name, where the document has it. */
    @SuppressWarnings("rawtypes")
    public static void apply(Map<String, Schema> schemas, Map<String, Doc> docs) {
        docs.forEach((name, doc) -> describe(schemas, name, doc.description(), doc.required()));
    }

    /** One schema's description and required fields, where the document has it. */
    @SuppressWarnings("rawtypes")
    public static void describe(Map<String, Schema> schemas, String name, String description, List<String> required) {
        Schema<?> s = schemas.get(name);
        if (s != null) {
            s.setDescription(description);
            if (!required.isEmpty()) {
                s.setRequired(required);
            }
        }
    }
}
