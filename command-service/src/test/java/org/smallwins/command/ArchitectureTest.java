package org.smallwins.command;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(packages = "org.smallwins.command", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The journal's rules know nothing of HTTP, Kafka, JDBC or how events leave the service. */
    @ArchTest
    static final ArchRule the_journal_domain_is_free_of_web_and_infrastructure = noClasses()
            .that()
            .resideInAPackage("org.smallwins.command.journal")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework.web..",
                    "jakarta.servlet..",
                    "org.springframework.http..",
                    "org.springframework.kafka..",
                    "org.apache.kafka..",
                    "org.springframework.jdbc..",
                    "java.sql..",
                    "org.smallwins.platform..",
                    "org.smallwins.command.relay..",
                    "org.smallwins.command.journal.web..");

    /** The relay is the only way events leave the service. */
    @ArchTest
    static final ArchRule only_the_relay_talks_to_kafka = noClasses()
            .that()
            .resideOutsideOfPackage("org.smallwins.command.relay..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.kafka..", "org.apache.kafka..");

    /** The relay forwards the stored ciphertext: it can neither fetch a data key nor open a payload. */
    @ArchTest
    static final ArchRule the_relay_holds_no_keys = noClasses()
            .that()
            .resideInAPackage("org.smallwins.command.relay..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.smallwins.command.keys..", "com.google.crypto.tink..")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.smallwins.contract.DataKeyset")
            .because("only the query service obtains keys, and only through the key endpoint");

    /** No package needs another that needs it back. */
    @ArchTest
    static final ArchRule packages_are_free_of_cycles =
            slices().matching("org.smallwins.command.(**)").should().beFreeOfCycles();

    /**
     * Controllers send commands through the {@code CommandGateway}; they never load or append events themselves, nor
     * reach the database under the event store.
     */
    @ArchTest
    static final ArchRule controllers_reach_the_journal_only_through_the_command_gateway = noClasses()
            .that()
            .areAnnotatedWith(RestController.class)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.axonframework.eventsourcing..",
                    "org.axonframework.eventhandling..",
                    "org.springframework.jdbc..",
                    "java.sql..",
                    "javax.sql..",
                    "jakarta.persistence..",
                    "org.springframework.orm..",
                    "org.hibernate..",
                    "org.smallwins.command.eventstore..",
                    "org.smallwins.command.relay..")
            .orShould()
            .dependOnClassesThat(assignableTo("org.axonframework.modelling.command.Repository"))
            .orShould()
            .dependOnClassesThat()
            .areAnnotatedWith("org.axonframework.spring.stereotype.Aggregate");
}
