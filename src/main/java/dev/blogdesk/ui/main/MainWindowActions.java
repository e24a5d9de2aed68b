package dev.blogdesk.ui.main;

import dev.blogdesk.app.AppContext;
import dev.blogdesk.markdown.MarkdownRenderer;
import dev.blogdesk.ui.common.AppIcons;
import dev.blogdesk.ui.importwizard.ImportWizardView;
import dev.blogdesk.ui.importwizard.ImportWizardViewModel;
import dev.blogdesk.ui.settings.SettingsDialog;
import dev.blogdesk.ui.settings.SettingsViewModel;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.image.ImageView;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/** The main window's other windows: the import wizard, Settings, the export file chooser, About. */
final class MainWindowActions implements WindowActions {

    private final Stage stage;
    private final AppContext context;
    private final MainViewModel vm;
    private final Consumer<String> openLink;
    private final Runnable close;

    MainWindowActions(Stage stage, AppContext context, MainViewModel vm, Consumer<String> openLink, Runnable close) {
        this.stage = stage;
        this.context = context;
        this.vm = vm;
        this.openLink = openLink;
        this.close = close;
    }

    @Override
    public void openImport(Path file) {
        ImportWizardViewModel wizard = new ImportWizardViewModel(context.importEngine(), context.executor(),
                new MarkdownRenderer(), vm::showImported);
        wizard.useImagePrefix(() -> context.settings().imagePrefix());
        Stage wizardStage = ImportWizardView.show(stage, wizard, openLink, file);
        // However the wizard is closed, the list must show what the import wrote.
        wizardStage.setOnHidden(e -> {
            if (wizard.reportProperty().get() != null) {
                vm.postList().refresh();
            }
        });
    }

    @Override
    public void openSettings() {
        SettingsViewModel settings = new SettingsViewModel(context.settings(), context.dataDir(), context.description());
        if (SettingsDialog.show(stage, settings, context.executor())) {
            vm.siteUrlProperty().set(settings.siteUrlProperty().get().strip());
            vm.defaultAuthorProperty().set(settings.defaultAuthorProperty().get().strip());
            if (vm.spelling() != null) {
                vm.spelling().languageProperty().set(settings.spellingLanguageProperty().get());
            }
        }
    }

    @Override
    public Optional<Path> chooseExportFile(String kind, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the post as " + kind);
        String name = vm.editor().titleProperty().get().replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
        chooser.setInitialFileName((name.isEmpty() ? "post" : name) + pattern.substring(1));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        File file = chooser.showSaveDialog(stage);
        return Optional.ofNullable(file).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseImageFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Insert an image");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg", "*.gif", "*.webp", "*.svg"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(stage);
        return Optional.ofNullable(file).map(File::toPath);
    }

    @Override
    public void showAbout() {
        Alert about = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK);
        about.initOwner(stage);
        about.setTitle("About BlogDesk");
        about.setHeaderText("BlogDesk " + version());
        ((Stage) about.getDialogPane().getScene().getWindow()).getIcons().setAll(AppIcons.all());
        about.setGraphic(new ImageView(AppIcons.large()));
        Path dataDir = context.dataDir();
        about.setContentText("A Markdown blog editor on MongoDB.\n\nData folder: " + dataDir
                + "\nStore: " + context.description()
                + (context.store().isEmbedded() ? "\nStore file: " + dataDir.resolve("store").resolve("blogdesk.mv.db") : "")
                + "\nLogs: " + dataDir.resolve("logs")
                + "\nJava " + System.getProperty("java.version") + ", JavaFX " + System.getProperty("javafx.version"));
        about.showAndWait();
    }

    @Override
    public void quit() {
        vm.requestQuit(close);
    }

    static String version() {
        String v = MainWindowActions.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }
}
