package org.smallwins.crud;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The baseline's own shape. Its controllers read and write by SQL on purpose (it is the plain alternative the
 * benchmark compares against), so the services' controller rules do not apply here.
 */
@AnalyzeClasses(packages = "org.smallwins", importOptions = ArchitectureTest.ThisModuleOnly.class)
class ArchitectureTest {

    /** No package needs another that needs it back. */
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
