package dev.hearken.experiment.assign.stats;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Results are plain Java: no Quarkus, no AWS, only the JDK, commons-math and the kernel. */
@AnalyzeClasses(packages = {"dev.hearken.experiment.assign.stats", "dev.hearken.experiment.assign.results",
        "dev.hearken.experiment.assign.conversion"}, importOptions = ImportOption.DoNotIncludeTests.class)
class StatsArchitectureTest {

    @ArchTest
    static final ArchRule resultsDependOnlyOnTheJdkCommonsMathAndTheKernel = noClasses()
            .should().dependOnClassesThat()
            .resideOutsideOfPackages("java..", "org.apache.commons.math3..", "dev.hearken.experiment..");
}
