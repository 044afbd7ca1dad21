package org.smallwins.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.smallwins.query.readstore.ReadStore;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(packages = "org.smallwins.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Projections and queries are plain code over the read store; HTTP stays in the controllers. */
    @ArchTest
    static final ArchRule read_models_are_free_of_web = noClasses()
            .that()
            .haveSimpleNameNotEndingWith("Controller")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.web..", "jakarta.servlet..", "org.springframework.security..");

    /** Only the projection consumer reads the topic. */
    @ArchTest
    static final ArchRule only_the_projection_talks_to_kafka = noClasses()
            .that()
            .resideOutsideOfPackage("org.smallwins.query.projection..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.kafka..", "org.apache.kafka..");

    /** No package needs another that needs it back: read store below projection and queries, web on top. */
    @ArchTest
    static final ArchRule packages_are_free_of_cycles =
            slices().matching("org.smallwins.query.(**)").should().beFreeOfCycles();

    /** Controllers ask the query classes; only those know the read store and how it is stored. */
    @ArchTest
    static final ArchRule controllers_reach_the_read_store_only_through_the_queries = noClasses()
            .that()
            .areAnnotatedWith(RestController.class)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "com.mongodb..",
                    "org.bson..",
                    "org.smallwins.query.readstore..",
                    "org.smallwins.query.projection..")
            .orShould()
            .dependOnClassesThat()
            .belongToAnyOf(ReadStore.class);
}
