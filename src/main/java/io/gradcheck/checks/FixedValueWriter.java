package io.gradcheck.checks;

import io.gradcheck.check.NumericValue;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes a {@link NumericValue} back as the nested arrays it was read from (problem definitions, stored and
 * served): a whole number without a decimal point, as the YAML and JSON documents write them, so that a
 * definition read and written again is the same text ([1, 0, 0] stays [1, 0, 0]).
 */
final class FixedValueWriter extends ValueSerializer<NumericValue> {

    @Override
    public void serialize(NumericValue v, JsonGenerator g, SerializationContext ctxt) {
        double[] d = v.data();
        int[] dims = v.dims();
        if (dims.length == 0) {
            entry(g, d[0]);
            return;
        }
        int rows = dims.length == 1 ? 1 : dims[0];
        int cols = dims.length == 1 ? dims[0] : dims[1];
        if (dims.length == 2) {
            g.writeStartArray(v, rows);
        }
        for (int i = 0; i < rows; i++) {
            g.writeStartArray(null, cols);
            for (int j = 0; j < cols; j++) {
                entry(g, d[i * cols + j]);
            }
            g.writeEndArray();
        }
        if (dims.length == 2) {
            g.writeEndArray();
        }
    }

    private static void entry(JsonGenerator g, double x) {
        if (NumericValue.isWhole(x)) {
            g.writeNumber((long) x);
        } else {
            g.writeNumber(x);
        }
    }
}
