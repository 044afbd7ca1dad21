package org.smallwins.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.smallwins.command", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The journal's rules know nothing of HTTP, Kafka, JDBC or how events leave the service. */
    @ArchTest
    static final ArchRule the_journal_domain_is_free_of_web_and_infrastructure = noClasses()
            .that().resideInAPackage("org.smallwins.command.journal")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.web..", "jakarta.servlet..", "org.springframework.http..",
                    "org.springframework.kafka..", "org.apache.kafka..", "org.springframework.jdbc..", "java.sql..",
                    "org.smallwins.platform..", "org.smallwins.command.relay..", "org.smallwins.command.journal.web..");

    /** The relay is the only way events leave the service. */
    @ArchTest
    static final ArchRule only_the_relay_talks_to_kafka = noClasses()
            .that().resideOutsideOfPackage("org.smallwins.command.relay..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.kafka..", "org.apache.kafka..");
}
