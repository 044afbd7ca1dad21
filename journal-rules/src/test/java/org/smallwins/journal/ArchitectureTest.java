package org.smallwins.journal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** The journal's rules are plain Java: the same code decides on the write side, in the baseline, and in tests. */
@AnalyzeClasses(packages = "org.smallwins", importOptions = ArchitectureTest.ThisModuleOnly.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_rules_are_free_of_frameworks_and_stores = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "org.axonframework..",
                    "com.mongodb..",
                    "org.bson..",
                    "org.apache.kafka..",
                    "jakarta..",
                    "javax.persistence..",
                    "java.sql..",
                    "javax.sql..",
                    "tools.jackson..",
                    "com.fasterxml.jackson..")
            .because("journal-rules is the framework-free domain");

    @ArchTest
    static final ArchRule packages_are_free_of_cycles =
            slices().matching("org.smallwins.(**)").should().beFreeOfCycles();

    /** Only this module's own production classes (its {@code target/classes}), not those of the modules it uses. */
    public static final class ThisModuleOnly implements ImportOption {

        private static final String CLASSES = classesDirectory();

        @Override
        public boolean includes(Location location) {
            return location.asURI().getPath() != null
                    && location.asURI().getPath().startsWith(CLASSES);
        }

        private static String classesDirectory() {
            try {
                Path testClasses = Path.of(ArchitectureTest.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI());
                return testClasses.resolveSibling("classes").toUri().getPath();
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
