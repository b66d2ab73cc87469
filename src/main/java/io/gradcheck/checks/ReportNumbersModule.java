package io.gradcheck.checks;

import io.gradcheck.check.NumberList;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Writes a report's {@link NumberList}s (a point's values, the reference, the answer) as JSON arrays straight
 * from their doubles, the same text a list of boxed numbers gave, without boxing each entry again on the way
 * out. Boot adds every {@code JacksonModule} bean to its mapper; a mapper without it writes the same arrays
 * through the list's boxed view.
 */
@Component
public class ReportNumbersModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    public ReportNumbersModule() {
        super("gradcheck-report-numbers");
        addSerializer(NumberList.class, new Writer());
    }

    /** The numbers as Jackson writes a double (the service's fast double writer included). */
    static final class Writer extends ValueSerializer<NumberList> {

        @Override
        public void serialize(NumberList numbers, JsonGenerator g, SerializationContext context) {
            int n = numbers.size();
            g.writeStartArray(numbers, n);
            for (int i = 0; i < n; i++) {
                g.writeNumber(numbers.getDouble(i));
            }
            g.writeEndArray();
        }
    }
}
