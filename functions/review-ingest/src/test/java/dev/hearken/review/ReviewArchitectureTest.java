package dev.hearken.review;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The review context's domain — the review model and parsers, ingest, poll, webhook and insight services with their
 * ports — is plain Java: AWS, Quarkus and JSON live in the adapters ({@code aws}, {@code store}) and the Funqy handlers ({@code function}).
 */
@AnalyzeClasses(packages = "dev.hearken.review", importOptions = ImportOption.DoNotIncludeTests.class)
class ReviewArchitectureTest {

    @ArchTest
    static final ArchRule theDomainImportsNoFrameworkOrCloudSdk = noClasses()
            .that().resideInAnyPackage("dev.hearken.review.ingest..", "dev.hearken.review.poll..",
                    "dev.hearken.review.webhook..", "dev.hearken.review.insight..", "dev.hearken.review.model..",
                    "dev.hearken.review.parse..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.quarkus..", "jakarta..", "software.amazon..", "com.amazonaws..", "io.smallrye..",
                    "org.eclipse.microprofile..", "com.fasterxml.jackson..", "org.jboss..");

    @ArchTest
    static final ArchRule handlersDoNotTalkToAwsDirectly = noClasses()
            .that().resideInAPackage("dev.hearken.review.function..")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon..");
}
