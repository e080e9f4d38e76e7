package wales.safeguarding.hub.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The house style's "packages that depend one way": no two packages of the hub import each other, directly or round
 * a ring. A cycle pulls two layers together (a shared type sitting in the higher package); move it to the lower one.
 */
class PackageDependenciesTest {

    /** The hub's compiled classes only (target/classes), not the class path: quick, and no test class counted. */
    private static final JavaClasses HUB = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(Path.of("target", "classes"));

    @Test
    void the_hubs_packages_depend_one_way() {
        // an empty import would pass whatever the code: the hub has hundreds of classes in dozens of packages
        assertThat(HUB.stream().filter(c -> c.getPackageName().startsWith("wales.safeguarding.hub.")).count())
                .isGreaterThan(300);
        slices().matching("wales.safeguarding.hub.(*)..").should().beFreeOfCycles().check(HUB);
    }
}
