package dev.blogdesk.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layer rules of docs/architecture.md: dependencies point down, and nothing points back up. */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.blogdesk");
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("dev.blogdesk.(**)").should().beFreeOfCycles().check(production);
    }

    @Test
    void storeDependsOnNoOtherPackageOfOurs() {
        noClasses().that().resideInAPackage("dev.blogdesk.store..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.blogdesk.search..", "dev.blogdesk.sync..", "dev.blogdesk.app..", "dev.blogdesk.ui..",
                        "dev.blogdesk.cli..", "dev.blogdesk.bench..", "dev.blogdesk.importer..", "dev.blogdesk.markdown..")
                .check(production);
    }

    @Test
    void viewModelsNeverTouchTheSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(production);
    }

    @Test
    void onlyTheUiAndItsLaunchersKnowJavaFxControls() {
        noClasses().that().resideInAnyPackage("dev.blogdesk.store..", "dev.blogdesk.search..", "dev.blogdesk.sync..",
                        "dev.blogdesk.importer..", "dev.blogdesk.markdown..", "dev.blogdesk.app..", "dev.blogdesk.spelling..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(production);
    }

    /** LanguageTool is known in one package, which depends on nothing else of ours: the spell checker can be swapped. */
    @Test
    void onlySpellingKnowsLanguageToolAndItStandsAlone() {
        noClasses().that().resideOutsideOfPackage("dev.blogdesk.spelling..")
                .should().dependOnClassesThat().resideInAnyPackage("org.languagetool..")
                .check(production);
        noClasses().that().resideInAPackage("dev.blogdesk.spelling..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.blogdesk.store..", "dev.blogdesk.app..",
                        "dev.blogdesk.ui..", "dev.blogdesk.search..", "dev.blogdesk.sync..", "dev.blogdesk.markdown..")
                .check(production);
    }

    /**
     * mongo-java-server's types and private map names are known in one place: the server adapter
     * (DurableH2Backend, and ServerDocuments for its stored documents). The
     * one other user is bench store's baseline, which starts the in-memory backend and nothing more.
     */
    @Test
    void onlyTheServerAdapterKnowsMongoJavaServer() {
        DescribedPredicate<JavaClass> adapter = DescribedPredicate.describe("the server adapter (DurableH2Backend)",
                c -> c.getName().equals(ADAPTER) || c.getName().startsWith(ADAPTER + "$")
                        || c.getName().equals(ADAPTER_DOCUMENTS) || c.getName().startsWith(ADAPTER_DOCUMENTS + "$")
                        || c.getName().equals(MEMORY_BASELINE));
        noClasses().that(DescribedPredicate.not(adapter))
                .should().dependOnClassesThat().resideInAnyPackage("de.bwaldvogel..")
                .check(production);
    }

    private static final String ADAPTER = "dev.blogdesk.store.DurableH2Backend";
    private static final String ADAPTER_DOCUMENTS = "dev.blogdesk.store.ServerDocuments";
    private static final String MEMORY_BASELINE = "dev.blogdesk.bench.InMemoryServer";
}
