package dev.hearken.push;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The domain, the message format, ports and services stay plain Java (no Quarkus, no AWS SDK, no JSON library);
 * the handlers are adapters that call services, never an AWS SDK client themselves.
 */
@AnalyzeClasses(packages = "dev.hearken.push", importOptions = ImportOption.DoNotIncludeTests.class)
class PushArchitectureTest {

    @ArchTest
    static final ArchRule domainPortsAndServicesArePlainJava = noClasses()
            .that().resideInAnyPackage("dev.hearken.push.domain..", "dev.hearken.push.message..",
                    "dev.hearken.push.port..", "dev.hearken.push.service..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("io.quarkus..", "software.amazon..", "com.amazonaws..", "com.fasterxml..", "jakarta..",
                    "dev.hearken.push.aws..", "dev.hearken.push.provider..", "dev.hearken.push.function..",
                    "dev.hearken.push.config..");

    @ArchTest
    static final ArchRule handlersCallNoAwsSdk = noClasses()
            .that().resideInAPackage("dev.hearken.push.function..")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..");
}
