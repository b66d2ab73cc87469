package io.gradcheck.problems;

import io.gradcheck.GradcheckProperties;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Loads problem-sets/*.yaml at start-up. Idempotent: an unchanged file (same content hash) is skipped, a changed
 * one is validated and updated by version. An invalid file stops nothing else: it is logged and listed by the API.
 */
@Component
class ProblemSetImporter implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProblemSetImporter.class);

    private final ProblemSetService service;
    private final ImportReport report;
    private final Path directory;

    ProblemSetImporter(ProblemSetService service, ImportReport report, GradcheckProperties properties) {
        this.service = service;
        this.report = report;
        this.directory = Path.of(properties.problemSets().directory());
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        report.clear();
        int imported = 0;
        int unchanged = 0;
        for (Path file : ProblemSetFiles.list(directory)) {
            String name = file.getFileName().toString();
            try {
                String text = ProblemSetFiles.read(file);
                ProblemSetDefinition definition = ProblemSetFiles.read(name, text);
                if (importOnce(definition, ProblemSetFiles.hash(text))) {
                    imported++;
                } else {
                    unchanged++;
                }
            } catch (InvalidProblemSet e) {
                report.add(name, e.getMessage());
                log.warn("problem set {} was not imported: {}", name, e.getMessage());
            } catch (RuntimeException e) {
                report.add(name, "could not be imported: " + e.getMessage());
                log.error("problem set {} failed to import", name, e);
            }
        }
        log.info("problem sets from {}: {} imported, {} unchanged, {} with errors", directory.toAbsolutePath(),
                imported, unchanged, report.errors().size());
    }

    /**
     * Replicas starting together against one database race to insert the same set; the loser's unique key fails,
     * and its second try finds the winner's rows (same content hash) and leaves them.
     */
    private boolean importOnce(ProblemSetDefinition definition, String hash) {
        try {
            return service.importFile(definition, hash);
        } catch (DataIntegrityViolationException e) {
            log.info("problem set {} was being imported concurrently; reading it again", definition.slug());
            return service.importFile(definition, hash);
        }
    }
}
