package dev.hearken.ticket;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The ticket domain is plain Java: routing and eligibility are tested without Quarkus, AWS or HTTP. */
@AnalyzeClasses(packages = "dev.hearken.ticket", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_domain_imports_nothing_from_quarkus_aws_http_or_json = noClasses()
            .that().resideInAPackage("dev.hearken.ticket.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.quarkus..", "jakarta..", "software.amazon..", "com.amazonaws..", "com.fasterxml..",
                    "org.eclipse.microprofile..", "dev.hearken.aws..", "dev.hearken.integrations..",
                    "dev.hearken.ticket.aws..", "dev.hearken.ticket.zendesk..", "dev.hearken.ticket.config..",
                    "dev.hearken.ticket.webhook..", "dev.hearken.ticket.worker..", "dev.hearken.ticket.escalation..",
                    "dev.hearken.ticket.admin..");

    @ArchTest
    static final ArchRule handlers_do_not_call_the_aws_sdk = noClasses()
            .that().resideInAnyPackage("dev.hearken.ticket.webhook..", "dev.hearken.ticket.worker..",
                    "dev.hearken.ticket.escalation..")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..");

    @ArchTest
    static final ArchRule functions_do_not_call_aws_directly = noClasses()
            .that().haveSimpleNameEndingWith("Function")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon..");
}
