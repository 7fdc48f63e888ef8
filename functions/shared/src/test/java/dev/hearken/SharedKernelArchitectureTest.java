package dev.hearken;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The whole shared kernel is plain Java: every function and the unit tests use it without Quarkus
 * or AWS, and it must stay native-image friendly. Libraries it may use are listed here on purpose.
 */
@AnalyzeClasses(packages = "dev.hearken", importOptions = ImportOption.DoNotIncludeTests.class)
class SharedKernelArchitectureTest {

    @ArchTest
    static final ArchRule theSharedKernelImportsNoFrameworkOrCloudSdk = noClasses()
            .that().resideInAPackage("dev.hearken..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.quarkus..", "jakarta..", "javax.inject..", "software.amazon..", "com.amazonaws..",
                    "io.smallrye..", "org.eclipse.microprofile..", "com.fasterxml.jackson..");
}
