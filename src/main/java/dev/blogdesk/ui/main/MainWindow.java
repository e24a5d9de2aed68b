package dev.blogdesk.ui.main;

import atlantafx.base.theme.PrimerLight;
import dev.blogdesk.app.AppContext;
import dev.blogdesk.ui.FxDebouncer;
import dev.blogdesk.ui.FxDialogService;
import dev.blogdesk.importer.ImportEngine;
import dev.blogdesk.markdown.MarkdownRenderer;
import dev.blogdesk.ui.FxTaskExecutor;
import dev.blogdesk.ui.importwizard.ImportWizardView;
import dev.blogdesk.ui.importwizard.ImportWizardViewModel;
import dev.blogdesk.ui.settings.SettingsDialog;
import dev.blogdesk.ui.settings.SettingsViewModel;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.util.function.Consumer;

/** Builds the main window on a stage: the one place the UI objects are wired together. */
public final class MainWindow {

    static final Duration SEARCH_DEBOUNCE = Duration.millis(200);
    static final Duration PREVIEW_DEBOUNCE = Duration.millis(150);

    private MainWindow() {
    }

    /**
     * Shows the main window for {@code context}. {@code onClosed} runs after the user confirmed
     * closing (unsaved changes saved or discarded); {@code openLink} opens a link clicked in the preview.
     */
    public static MainViewModel show(Stage stage, AppContext context, Consumer<String> openLink, Runnable onClosed) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        FxTaskExecutor executor = new FxTaskExecutor(2);
        FxDialogService dialogs = new FxDialogService(() -> stage);
        MainViewModel vm = new MainViewModel(context.store().posts(), executor, dialogs,
                new FxDebouncer(SEARCH_DEBOUNCE), new FxDebouncer(PREVIEW_DEBOUNCE), context.store().description());

        Runnable close = () -> {
            stage.hide();
            executor.close();
            onClosed.run();
        };
        MainView.Actions actions = new MainView.Actions() {
            @Override
            public void openImport(java.nio.file.Path file) {
                ImportEngine engine = new ImportEngine(context.store().database(), context.dataDir().resolve("import-work"),
                        !context.store().isEmbedded());
                ImportWizardViewModel wizard = new ImportWizardViewModel(engine, executor, new MarkdownRenderer(), vm::showImported);
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
                SettingsDialog.show(stage, new SettingsViewModel(context.settings(), context.dataDir(), context.store().description()));
            }

            @Override
            public void showAbout() {
                Alert about = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK);
                about.initOwner(stage);
                about.setTitle("About BlogDesk");
                about.setHeaderText("BlogDesk " + version());
                about.setContentText("A Markdown blog editor on MongoDB.\n\nData folder: " + context.dataDir()
                        + "\nStore: " + context.store().description());
                about.showAndWait();
            }

            @Override
            public void quit() {
                vm.requestQuit(close);
            }
        };
        stage.setScene(new Scene(MainView.load(vm, openLink, actions)));
        stage.titleProperty().bind(vm.windowTitleProperty());
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        stage.setOnCloseRequest(e -> {
            // Never close straight away: unsaved work is asked about first, and saved before closing.
            e.consume();
            vm.requestQuit(close);
        });
        stage.show();
        vm.start();
        return vm;
    }

    static String version() {
        String v = MainWindow.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }
}
