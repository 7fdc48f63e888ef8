package dev.hearken.autoreply;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * auto-reply's domain — the service, guardrails, composer and their ports — is plain Java: AWS, Quarkus and JSON
 * live in the adapters ({@code aws}, {@code zendesk}, {@code store}, {@code mail}, {@code template}) and the
 * Funqy handler ({@code function}) only maps the record to a service call.
 */
@AnalyzeClasses(packages = "dev.hearken.autoreply", importOptions = ImportOption.DoNotIncludeTests.class)
class AutoReplyArchitectureTest {

    @ArchTest
    static final ArchRule the_domain_imports_no_framework_cloud_sdk_or_json = noClasses()
            .that().resideInAPackage("dev.hearken.autoreply.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.quarkus..", "jakarta..", "software.amazon..", "com.amazonaws..", "io.smallrye..",
                    "org.eclipse.microprofile..", "com.fasterxml.jackson..", "org.jboss..", "dev.hearken.aws..",
                    "dev.hearken.integrations..");

    @ArchTest
    static final ArchRule the_handler_does_not_call_the_aws_sdk = noClasses()
            .that().resideInAPackage("dev.hearken.autoreply.function..")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon..");
}
