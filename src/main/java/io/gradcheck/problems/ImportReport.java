package io.gradcheck.problems;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/** What the last start-up import could not load: one line per file, shown to instructors by the API. */
@Component
public class ImportReport {

    public record ImportError(String file, String message) {
    }

    private final List<ImportError> errors = new CopyOnWriteArrayList<>();

    void clear() {
        errors.clear();
    }

    void add(String file, String message) {
        errors.add(new ImportError(file, message));
    }

    public List<ImportError> errors() {
        return List.copyOf(errors);
    }
}
