package io.gradcheck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The core is plain Java: expr/ and check/ know nothing of Spring, JPA or HTTP. Features point one way, and no
 * two packages depend on each other, directly or around a loop.
 */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.gradcheck");

    @Test
    void theCoreUsesNoFramework() {
        noClasses().that().resideInAnyPackage("io.gradcheck.expr..", "io.gradcheck.check..", "io.gradcheck.plot..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..",
                        "org.hibernate..", "tools.jackson..", "com.fasterxml..", "io.swagger..")
                .check(CLASSES);
    }

    @Test
    void theCoreDoesNotReachIntoTheFeatures() {
        noClasses().that().resideInAnyPackage("io.gradcheck.expr..", "io.gradcheck.check..")
                .should().dependOnClassesThat().resideInAnyPackage("io.gradcheck.web..", "io.gradcheck.expressions..",
                        "io.gradcheck.problems..", "io.gradcheck.submissions..")
                .check(CLASSES);
    }

    @Test
    void featureDependenciesPointOneWay() {
        // submissions use problems; problems never reach into submissions
        noClasses().that().resideInAnyPackage("io.gradcheck.problems..", "io.gradcheck.checks..",
                        "io.gradcheck.expressions..")
                .should().dependOnClassesThat().resideInAnyPackage("io.gradcheck.submissions..")
                .check(CLASSES);
    }

    @Test
    void onlyTheParserTalksToExp4j() {
        noClasses().that().resideOutsideOfPackage("io.gradcheck.expr.parse..")
                .should().dependOnClassesThat().resideInAnyPackage("net.objecthunter..")
                .check(CLASSES);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.gradcheck.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void sharedPartsKnowNoFeature() {
        noClasses().that().resideInAnyPackage("io.gradcheck.web..", "io.gradcheck.errors..")
                .should().dependOnClassesThat().resideInAnyPackage("io.gradcheck.problems..",
                        "io.gradcheck.submissions..", "io.gradcheck.checks..", "io.gradcheck.expressions..",
                        "io.gradcheck.learn..", "io.gradcheck.lti..")
                .check(CLASSES);
    }

    @Test
    void theCheckIsAOneWayPipeline() {
        // plan → sample → reference → judge → diagnose: no stage reaches back to one that runs it
        String[][] notBack = {
            {"Diagnoser", "PartJudge", "Sampling", "Sampler", "Planner", "Checker"},
            {"Evidence", "PartJudge", "Sampling", "Sampler", "Planner", "Checker"},
            {"PartJudge", "Sampling", "Sampler", "Planner", "Checker"},
            {"Reference", "Diagnoser", "Evidence", "PartJudge", "Sampling", "Sampler", "Planner", "Checker"},
            {"Sampling", "Diagnoser", "Evidence", "PartJudge", "Planner", "Checker"},
            {"Planner", "Diagnoser", "Evidence", "PartJudge", "Sampling", "Sampler", "Reference", "Checker"}};
        for (String[] rule : notBack) {
            String[] earlier = java.util.Arrays.stream(rule).skip(1).map(n -> "io.gradcheck.check." + n)
                    .toArray(String[]::new);
            noClasses().that().haveFullyQualifiedName("io.gradcheck.check." + rule[0])
                    .should().dependOnClassesThat().haveNameMatching(
                            String.join("|", java.util.Arrays.stream(earlier).map(n -> n.replace(".", "\\.")
                                    + "(\\$.*)?").toList()))
                    .check(CLASSES);
        }
    }
}
