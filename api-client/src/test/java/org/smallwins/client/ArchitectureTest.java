package org.smallwins.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.smallwins.client", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * The client another team takes needs the JDK and Jackson only: no Spring, no HTTP library, nothing of the
     * services (it is generated from the documents, not from the code).
     */
    @ArchTest
    static final ArchRule the_client_needs_only_the_jdk_and_jackson = classes()
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "java..",
                    "javax.net..",
                    "tools.jackson..",
                    "com.fasterxml.jackson.annotation..",
                    "org.jspecify.annotations..",
                    "jakarta.annotation..",
                    "org.smallwins.client..");
}
