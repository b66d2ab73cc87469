package io.gradcheck.checks;

import io.gradcheck.check.CheckRequest.VariableSpec;
import io.gradcheck.check.NumericValue;
import io.gradcheck.expr.Limits;
import java.lang.reflect.RecordComponent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.introspect.AnnotatedParameter;
import tools.jackson.databind.introspect.NopAnnotationIntrospector;
import tools.jackson.databind.module.SimpleModule;

/**
 * Fixed values as primitive arrays in the service's JSON mapper (issue 16): {@link VariableSpec#value()} is read
 * by {@link FixedValueReader}, capped at the configured {@code gradcheck.engine.max-entries}, and a
 * {@link NumericValue} is written back as nested arrays by {@link FixedValueWriter}. check/ stays free of
 * Jackson: the reader is attached from here, by an annotation introspector that names the one property,
 * rather than by an annotation on the record. Boot adds every {@code JacksonModule} bean to its mapper (and
 * web slice tests pick it up too). The YAML reader of problem-set files keeps its lists, which
 * {@code Values.read} accepts as before.
 */
@Component
public class FixedValuesModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    private final transient FixedValueReader reader;

    /** The configured engine limits; their defaults in a web slice test that has no core beans. */
    @Autowired
    FixedValuesModule(ObjectProvider<Limits> limits) {
        this(limits.getIfAvailable(() -> Limits.DEFAULT).maxEntries());
    }

    /** A module whose reader stores at most {@code maxEntries} entries a value (tests, tools). */
    public FixedValuesModule(int maxEntries) {
        super("gradcheck-fixed-values");
        this.reader = new FixedValueReader(maxEntries);
        addSerializer(NumericValue.class, new FixedValueWriter());
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.insertAnnotationIntrospector(new ValueProperty(reader));
    }

    /** Names the reader for VariableSpec's {@code value} (its constructor parameter, field and accessor). */
    private static final class ValueProperty extends NopAnnotationIntrospector {

        private static final long serialVersionUID = 1L;
        private static final int INDEX = indexOfValue();

        private final transient FixedValueReader reader;

        ValueProperty(FixedValueReader reader) {
            this.reader = reader;
        }

        @Override
        public Object findDeserializer(MapperConfig<?> config, Annotated a) {
            boolean value = a instanceof AnnotatedParameter p ? p.getDeclaringClass() == VariableSpec.class
                    && p.getIndex() == INDEX
                    : a instanceof AnnotatedMember m && m.getDeclaringClass() == VariableSpec.class
                    && "value".equals(m.getName());
            return value ? reader : null;
        }

        private static int indexOfValue() {
            RecordComponent[] components = VariableSpec.class.getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                if (components[i].getName().equals("value")) {
                    return i;
                }
            }
            throw new IllegalStateException("VariableSpec has no value");
        }
    }
}
