package org.smallwins.contract;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** The event contract is what is on the wire, in plain Java; only its codec knows how JSON is written. */
@AnalyzeClasses(packages = "org.smallwins", importOptions = ArchitectureTest.ThisModuleOnly.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_contract_is_free_of_frameworks_and_stores = noClasses()
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
                    "org.smallwins.platform..",
                    "org.smallwins.journal..",
                    "org.smallwins.command..",
                    "org.smallwins.query..")
            .because("both services and the baseline share the contract, and it must not pull their frameworks along");

    @ArchTest
    static final ArchRule only_the_codec_knows_jackson = noClasses()
            .that()
            .doNotBelongToAnyOf(JournalEventCodec.class)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("tools.jackson..", "com.fasterxml.jackson..")
            .because("the events are plain records; JournalEventCodec alone turns them into JSON and back");

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
