package dev.hearken.experiment.assignment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The assignment core is shared by every function and must stay plain Java. */
@AnalyzeClasses(packages = "dev.hearken.experiment.assignment", importOptions = ImportOption.DoNotIncludeTests.class)
class AssignmentArchitectureTest {

    @ArchTest
    static final ArchRule theAssignmentCoreDependsOnNothingButTheJdk = noClasses()
            .that().resideInAPackage("dev.hearken.experiment.assignment..")
            .should().dependOnClassesThat()
            .resideOutsideOfPackages("java..", "dev.hearken.experiment.assignment..");
}
