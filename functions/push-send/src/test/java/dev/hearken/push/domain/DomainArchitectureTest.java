package dev.hearken.push.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain, ports and services stay plain Java: no Quarkus, no AWS SDK, no JSON library. */
@AnalyzeClasses(packages = "dev.hearken.push", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainArchitectureTest {

    @ArchTest
    static final ArchRule domainPortsAndServicesArePlainJava = noClasses()
            .that().resideInAnyPackage("dev.hearken.push.domain..", "dev.hearken.push.port..", "dev.hearken.push.service..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("io.quarkus..", "software.amazon..", "com.fasterxml..", "jakarta..",
                    "dev.hearken.push.aws..", "dev.hearken.push.provider..", "dev.hearken.push.function..");
}
