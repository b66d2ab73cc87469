package io.gradcheck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core is plain Java: expr/ and check/ know nothing of Spring, JPA or HTTP. */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.gradcheck");

    @Test
    void theCoreUsesNoFramework() {
        noClasses().that().resideInAnyPackage("io.gradcheck.expr..", "io.gradcheck.check..")
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
    void nothingDependsOnLti() {
        // lti/ listens to "submission graded" and reads problems; no other feature knows it exists
        noClasses().that().resideOutsideOfPackage("io.gradcheck.lti..")
                .should().dependOnClassesThat().resideInAnyPackage("io.gradcheck.lti..")
                .check(CLASSES);
    }
}
