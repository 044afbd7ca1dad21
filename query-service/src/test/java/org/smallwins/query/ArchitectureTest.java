package org.smallwins.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.smallwins.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Projections and queries are plain code over the read store; HTTP stays in the controllers. */
    @ArchTest
    static final ArchRule read_models_are_free_of_web = noClasses()
            .that().haveSimpleNameNotEndingWith("Controller")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..",
                    "org.springframework.security..");

    /** Only the projection consumer reads the topic. */
    @ArchTest
    static final ArchRule only_the_projection_talks_to_kafka = noClasses()
            .that().resideOutsideOfPackage("org.smallwins.query.projection..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.kafka..", "org.apache.kafka..");
}
