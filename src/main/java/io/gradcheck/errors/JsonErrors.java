package io.gradcheck.errors;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns a JSON or YAML reading failure into a short phrase: where it failed and why, without parser internals. */
public final class JsonErrors {

    private JsonErrors() {
    }

    public static String describe(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof InputCoercionException c) {
            // `points: 2147483648` is well-formed JSON: say that the number is too large, not "syntax error"
            String where = !c.getPath().isEmpty() ? "in field `" + path(c) + "`" : c.getLocation() == null ? ""
                    : "at line " + c.getLocation().getLineNr() + ", column " + c.getLocation().getColumnNr();
            return "a number " + where + " is out of range for its field (whole numbers up to "
                    + Integer.MAX_VALUE + ")";
        }
        if (cause instanceof StreamConstraintsException c) {
            return "the JSON is over a reading limit (" + c.getOriginalMessage() + ")";
        }
        if (cause instanceof StreamReadException s && s.getLocation() != null) {
            return "syntax error at line " + s.getLocation().getLineNr() + ", column " + s.getLocation().getColumnNr();
        }
        if (cause instanceof JacksonException j && !j.getPath().isEmpty()) {
            String path = path(j);
            return cause instanceof UnrecognizedPropertyException
                    ? "unknown field `" + path + "`"
                    : "field `" + path + "` has the wrong type or value";
        }
        return "the body is missing or is not JSON";
    }

    /** Where in the document reading failed, as people write it: problems[0].title. */
    public static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
