package dev.hearken.understanding;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.hearken.understanding");

    @Test
    void the_runtime_uses_no_ml_library_json_library_framework_or_cloud_sdk() {
        // Lingua and Tribuo are build/training tools (provided scope); the runtime must stay plain, small and
        // GraalVM-native friendly.
        noClasses().that().resideOutsideOfPackage("dev.hearken.understanding.training..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.tribuo..", "com.github.pemistahl..", "com.fasterxml..", "io.quarkus..", "software.amazon..",
                        "com.oracle.labs..", "kotlin..")
                .check(CLASSES);
    }

    @Test
    void the_runtime_does_not_depend_on_the_training_and_evaluation_tools() {
        noClasses().that().resideOutsideOfPackage("dev.hearken.understanding.training..")
                .should().dependOnClassesThat().resideInAPackage("dev.hearken.understanding.training..")
                .check(CLASSES);
    }
}
