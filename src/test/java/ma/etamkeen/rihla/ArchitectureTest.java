package ma.etamkeen.rihla;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;

/** The layer rules of DESIGN.md: the UI depends on services, never the reverse; no JavaFX below the UI. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ma.etamkeen.rihla");

    @Test
    void onlyTheUiAndTheAppUseJavaFx() {
        noClasses().that().resideInAnyPackage("..model..", "..store..", "..service..", "..cli..", "..i18n..", "..text..",
                        "ma.etamkeen.rihla.brief..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..")
                .check(CLASSES);
    }

    @Test
    void nothingBelowTheUiDependsOnIt() {
        noClasses().that().resideInAnyPackage("..model..", "..store..", "..service..", "..cli..", "..i18n..", "..text..",
                        "ma.etamkeen.rihla.brief..")
                .should().dependOnClassesThat().resideInAnyPackage("..ui..")
                .check(CLASSES);
    }

    @Test
    void theBriefLaysOutWhatItIsGivenWithoutReadingTheStore() {
        noClasses().that().resideInAPackage("ma.etamkeen.rihla.brief..")
                .should().dependOnClassesThat().resideInAnyPackage("..store..", "..service..", "..cli..", "java.sql..")
                .check(CLASSES);
    }

    @Test
    void theStoreDoesNotReachUpIntoServicesAndTheModelStandsAlone() {
        noClasses().that().resideInAPackage("..store..")
                .should().dependOnClassesThat().resideInAnyPackage("..service..", "..cli..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..model..")
                .should().dependOnClassesThat().resideInAnyPackage("..store..", "..service..", "..cli..")
                .check(CLASSES);
    }

    @Test
    void theUiGoesThroughServicesNotTheStoreOrJdbc() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().resideInAPackage("..store..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().resideInAPackage("java.sql..")
                .check(CLASSES);
    }
}
