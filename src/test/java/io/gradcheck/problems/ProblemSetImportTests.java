package io.gradcheck.problems;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradcheck.GradcheckProperties;
import io.gradcheck.check.Checker;
import io.gradcheck.check.Seeds;
import io.gradcheck.expr.Limits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The start-up import against the real (H2) database and Flyway schema. */
@SpringBootTest
class ProblemSetImportTests {

    @Autowired
    ProblemSetService service;

    @Autowired
    ImportReport report;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    private static final String SET = """
            slug: tiny-import
            title: Tiny
            source: a test
            problems:
              - {key: square, title: Square, statement: "d/ds s^2", variables: {s: {}}, function: "s^2",
                 parts: [{wrt: s, reference: "2 s"}], wrongAnswers: [{wrt: s, answer: "s", diagnosis: scaled}]}
              - {key: cube, title: Cube, statement: "d/ds s^3", variables: {s: {}}, function: "s^3",
                 parts: [{wrt: s, reference: "3 s^2"}]}
            """;

    /** Only this test's sets are touched: the database may be shared with other tests (H2 or PostgreSQL). */
    @BeforeEach
    void clean() {
        jdbc.update("delete from problem where set_id in (select id from problem_set where slug like 'tiny-%')");
        jdbc.update("delete from problem_set where slug like 'tiny-%'");
    }

    private void runImport() throws Exception {
        new ProblemSetImporter(service, report, new GradcheckProperties(null,
                new GradcheckProperties.ProblemSets(dir.toString()))).run(null);
    }

    private List<String> rows() {
        return jdbc.queryForList("select s.slug || '/' || p.problem_key || ' v' || p.version || (case when p.retired "
                + "then ' retired' else '' end) from problem p join problem_set s on p.set_id = s.id "
                + "where s.slug like 'tiny-%' order by 1",
                String.class);
    }

    @Test
    void importingTwiceLeavesTheSameRows() throws Exception {
        Files.writeString(dir.resolve("tiny.yaml"), SET);
        runImport();
        List<String> first = rows();
        Integer version = jdbc.queryForObject("select version from problem_set where slug = 'tiny-import'", Integer.class);
        runImport();
        assertThat(rows()).isEqualTo(first).containsExactly("tiny-import/cube v1", "tiny-import/square v1");
        assertThat(jdbc.queryForObject("select version from problem_set where slug = 'tiny-import'", Integer.class)).isEqualTo(version);
    }

    @Test
    void aChangedFileUpdatesByVersionAndRetiresWhatItDropped() throws Exception {
        Files.writeString(dir.resolve("tiny.yaml"), SET);
        runImport();
        Files.writeString(dir.resolve("tiny.yaml"), SET.replace("\"3 s^2\"", "\"3 s s\"")
                .replace("  - {key: square", "  - {key: squared"));
        runImport();
        assertThat(rows()).containsExactly("tiny-import/cube v2", "tiny-import/square v1 retired", "tiny-import/squared v1");
        assertThat(jdbc.queryForObject("select version from problem_set where slug = 'tiny-import'", Integer.class)).isEqualTo(2);
    }

    @Test
    void anInvalidFileStopsNothingElseAndIsReported() throws Exception {
        Files.writeString(dir.resolve("tiny.yaml"), SET);
        Files.writeString(dir.resolve("broken.yaml"), SET.replace("slug: tiny-import", "slug: tiny-broken")
                .replace("\"2 s\"", "\"2 s + 1\""));
        Files.writeString(dir.resolve("garbled.yaml"), "slug: [");
        runImport();
        assertThat(rows()).containsExactly("tiny-import/cube v1", "tiny-import/square v1");
        assertThat(report.errors()).extracting(ImportReport.ImportError::file).containsExactly("broken.yaml", "garbled.yaml");
        assertThat(report.errors().get(0).message()).startsWith("problem `square`: part `s`: the reference fails its own check");
    }

    @Test
    void importersRacingOnTheSameFileLeaveOneSetAndNoErrors() throws Exception {
        Files.writeString(dir.resolve("tiny.yaml"), SET);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<ImportReport> reports = new java.util.ArrayList<>();
        try {
            List<java.util.concurrent.Future<?>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ImportReport own = new ImportReport();
                reports.add(own);
                runs.add(pool.submit(() -> {
                    new ProblemSetImporter(service, own, new GradcheckProperties(null,
                            new GradcheckProperties.ProblemSets(dir.toString()))).run(null);
                    return null;
                }));
            }
            for (var run : runs) {
                run.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(rows()).containsExactly("tiny-import/cube v1", "tiny-import/square v1");
        assertThat(reports).allSatisfy(r -> assertThat(r.errors()).isEmpty());
    }

    /**
     * Validation (engine checks at several seeds) runs before the write's transaction. The service's checker
     * here reads an observing clock (below), read by every check at its start and at every deadline poll, which
     * looks at the reading thread each time: no transaction, no connection bound to it.
     */
    @Test
    void validationHoldsNoTransactionAndNoConnection() throws Exception {
        ObservingClock.reads.set(0);
        ObservingClock.insideTransaction.set(0);
        Files.writeString(dir.resolve("tiny.yaml"), SET);
        runImport();

        assertThat(report.errors()).isEmpty();
        assertThat(rows()).containsExactly("tiny-import/cube v1", "tiny-import/square v1"); // it was stored
        assertThat(ObservingClock.reads.get()).isGreaterThan(0); // the validation ran its checks
        assertThat(ObservingClock.insideTransaction.get()).as("clock reads inside a transaction").isZero();
    }

    /** The checker every bean gets in this context: the configured one but for its clock. */
    @TestConfiguration
    static class ObservingClock {
        static final AtomicInteger reads = new AtomicInteger();
        static final AtomicInteger insideTransaction = new AtomicInteger();

        @Bean
        @Primary
        Checker observedChecker(Limits limits, GradcheckProperties properties, Seeds seeds, DataSource dataSource) {
            LongSupplier clock = () -> {
                reads.incrementAndGet();
                if (TransactionSynchronizationManager.isActualTransactionActive()
                        || TransactionSynchronizationManager.hasResource(dataSource)) {
                    insideTransaction.incrementAndGet();
                }
                return System.nanoTime();
            };
            return new Checker(limits, properties.checks().defaults(), seeds, properties.checks().bounds(), clock);
        }
    }

    @Test
    void theRepositoryProblemSetsAllImport() throws Exception {
        for (Path f : ProblemSetFiles.list(Path.of("problem-sets"))) {
            Files.copy(f, dir.resolve(f.getFileName()));
        }
        runImport();
        assertThat(report.errors()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from problem", Integer.class)).isGreaterThan(50);
    }
}
