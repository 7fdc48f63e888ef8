package dev.hearken.experiment.assign;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Results, statistics, conversions and the experiments' lifecycle are plain Java, tested without Quarkus or AWS; the handlers
 * and the API records adapt HTTP and SQS to them without calling AWS themselves.
 */
@AnalyzeClasses(packages = "dev.hearken.experiment.assign", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] DOMAIN = {"dev.hearken.experiment.assign.results..",
            "dev.hearken.experiment.assign.stats..", "dev.hearken.experiment.assign.conversion..",
            "dev.hearken.experiment.assign.port..", "dev.hearken.experiment.assign.lifecycle.."};

    @ArchTest
    static final ArchRule the_domain_imports_nothing_from_quarkus_aws_or_jackson = noClasses()
            .that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.quarkus..", "jakarta..", "io.smallrye..", "software.amazon..", "com.amazonaws..",
                    "com.fasterxml..", "org.jboss..", "dev.hearken.aws..", "dev.hearken.experiment.assign.api..",
                    "dev.hearken.experiment.assign.aws..", "dev.hearken.experiment.assign.config..",
                    "dev.hearken.experiment.assign.function..");

    @ArchTest
    static final ArchRule the_domain_uses_only_the_jdk_commons_math_and_the_experiment_kernel = classes()
            .that().resideInAnyPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "org.apache.commons.math3..", "dev.hearken.experiment.assignment..",
                    "dev.hearken.experiment.service..", "dev.hearken.experiment.port..", DOMAIN[0], DOMAIN[1],
                    DOMAIN[2], DOMAIN[3], DOMAIN[4]);

    @ArchTest
    static final ArchRule handlers_and_api_records_do_not_call_the_aws_sdk = noClasses()
            .that().resideInAnyPackage("dev.hearken.experiment.assign.function..", "dev.hearken.experiment.assign.api..")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon..");
}
