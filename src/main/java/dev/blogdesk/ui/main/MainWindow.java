package dev.blogdesk.ui.main;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.blogdesk.app.AppContext;
import dev.blogdesk.app.DraftJournal;
import dev.blogdesk.app.Settings;
import dev.blogdesk.importer.ImportEngine;
import dev.blogdesk.markdown.MarkdownRenderer;
import dev.blogdesk.ui.FxDebouncer;
import dev.blogdesk.ui.FxDialogService;
import dev.blogdesk.ui.FxTaskExecutor;
import dev.blogdesk.ui.importwizard.ImportWizardView;
import dev.blogdesk.ui.importwizard.ImportWizardViewModel;
import dev.blogdesk.ui.settings.SettingsDialog;
import dev.blogdesk.ui.settings.SettingsViewModel;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.SplitPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/** Builds the main window on a stage: the one place the UI objects are wired together. */
public final class MainWindow {

    static final Duration SEARCH_DEBOUNCE = Duration.millis(200);
    /** Drafts reach the disk at most about a second after the last keystroke. */
    static final java.time.Duration JOURNAL_DEBOUNCE_TIME = java.time.Duration.ofMillis(800);
    static final Duration JOURNAL_DEBOUNCE = Duration.millis(JOURNAL_DEBOUNCE_TIME.toMillis());
    private static final Logger log = LoggerFactory.getLogger(MainWindow.class);

    private MainWindow() {
    }

    /**
     * Shows the main window for {@code context}. {@code onClosed} runs after the user confirmed
     * closing (unsaved changes saved or discarded); {@code openLink} opens a link clicked in the preview.
     */
    public static MainViewModel show(Stage stage, AppContext context, Consumer<String> openLink, Runnable onClosed) {
        Settings settings = context.settings();
        FxTaskExecutor executor = new FxTaskExecutor(2);
        Runnable persist = () -> executor.execute(() -> {
            settings.save();
            return null;
        }, ok -> { }, failure -> log.warn("Settings not saved: {}", failure.getMessage()));
        AppearanceViewModel appearance = new AppearanceViewModel(settings, persist);
        applyTheme(appearance.darkProperty().get());
        appearance.darkProperty().addListener((o, a, dark) -> applyTheme(dark));

        FxDialogService dialogs = new FxDialogService(() -> stage);
        DraftJournal journal = new DraftJournal(context.dataDir());
        // However the app ends (quit, or the context closed under a still open window), queued work and
        // draft writes finish before the store closes, and nothing writes into the data dir after.
        context.closeBeforeStore(() -> {
            journal.close();
            executor.closeAndWait(java.time.Duration.ofSeconds(10));
        });
        MainViewModel vm = new MainViewModel(context.store().posts(), executor, dialogs,
                new FxDebouncer(SEARCH_DEBOUNCE), new FxDebouncer(JOURNAL_DEBOUNCE), journal, context.description());

        WindowState state = new WindowState(settings);
        Parent[] root = new Parent[1];
        MainView[] view = new MainView[1];
        Runnable close = () -> {
            state.remember(stage, root[0], vm.editor().currentIdProperty().get());
            persist.run();
            stage.hide();
            journal.close();
            executor.close();
            onClosed.run();
        };
        MainView.Actions actions = new MainView.Actions() {
            @Override
            public void openImport(Path file) {
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
                SettingsViewModel settingsVm = new SettingsViewModel(settings, context.dataDir(), context.description());
                if (SettingsDialog.show(stage, settingsVm, executor)) {
                    view[0].setSiteUrl(settingsVm.siteUrlProperty().get().strip());
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
            public void showAbout() {
                Alert about = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK);
                about.initOwner(stage);
                about.setTitle("About BlogDesk");
                about.setHeaderText("BlogDesk " + version());
                ((Stage) about.getDialogPane().getScene().getWindow()).getIcons().setAll(appIcons());
                about.setGraphic(new javafx.scene.image.ImageView(MainWindow.class.getResource("/dev/blogdesk/icons/blogdesk-64.png").toExternalForm()));
                about.setContentText("A Markdown blog editor on MongoDB.\n\nData folder: " + context.dataDir()
                        + "\nStore: " + context.description()
                        + (context.store().isEmbedded() ? "\nStore file: " + context.dataDir().resolve("store").resolve("blogdesk.mv.db") : "")
                        + "\nLogs: " + context.dataDir().resolve("logs")
                        + "\nJava " + System.getProperty("java.version") + ", JavaFX " + System.getProperty("javafx.version"));
                about.showAndWait();
            }

            @Override
            public void quit() {
                vm.requestQuit(close);
            }
        };
        root[0] = MainView.load(vm, openLink, actions, executor, appearance);
        view[0] = (MainView) root[0].getProperties().get(MainView.class);
        view[0].setSiteUrl(SettingsViewModel.siteUrl(settings));
        stage.setScene(new Scene(root[0]));
        stage.getIcons().setAll(appIcons());
        stage.titleProperty().bind(vm.windowTitleProperty());
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        state.apply(stage, root[0]);
        stage.setOnCloseRequest(e -> {
            // Never close straight away: unsaved work is asked about first, and saved before closing.
            e.consume();
            vm.requestQuit(close);
        });
        stage.show();
        state.applySplits(root[0]);
        vm.start(state.lastPost());
        startSync(stage, context, vm, view[0], executor);
        return vm;
    }

    /** The background sync with the configured server, its status bar indicator and its conflicts. */
    private static void startSync(Stage stage, AppContext context, MainViewModel vm, MainView view, FxTaskExecutor executor) {
        dev.blogdesk.ui.sync.SyncStatusViewModel status = new dev.blogdesk.ui.sync.SyncStatusViewModel();
        context.startSync(s -> executor.runOnUi(() -> {
            status.update(s);
            if (s.pulled() > 0) {
                vm.postList().refresh(); // the server's changes are in the working copy now
            }
        })).ifPresent(sync -> view.bindSync(status, () -> {
            if (status.hasConflictsProperty().get()) {
                executor.execute(sync::conflicts, conflicts -> resolveConflicts(stage, sync, conflicts, 0, vm, executor),
                        failure -> log.warn("Conflicts not read: {}", failure.getMessage()));
            } else {
                sync.syncNow();
            }
        }));
    }

    /** One dialog per conflict; each choice is applied off the UI thread before the next is shown. */
    private static void resolveConflicts(Stage stage, dev.blogdesk.sync.SyncService sync,
                                         java.util.List<dev.blogdesk.sync.SyncEngine.Conflict> conflicts, int index,
                                         MainViewModel vm, FxTaskExecutor executor) {
        if (index >= conflicts.size()) {
            vm.postList().refresh();
            sync.syncNow();
            return;
        }
        dev.blogdesk.sync.SyncEngine.Conflict conflict = conflicts.get(index);
        Optional<dev.blogdesk.sync.SyncService.Resolution> choice =
                dev.blogdesk.ui.sync.ConflictDialog.ask(stage, conflict, index + 1, conflicts.size());
        if (choice.isEmpty()) {
            resolveConflicts(stage, sync, conflicts, index + 1, vm, executor);
            return;
        }
        executor.execute(() -> {
            sync.resolve(conflict.id(), choice.get());
            return null;
        }, done -> resolveConflicts(stage, sync, conflicts, index + 1, vm, executor),
                failure -> log.warn("Conflict not resolved: {}", failure.getMessage()));
    }

    /** The BlogDesk icon in the sizes window managers pick from. */
    public static java.util.List<javafx.scene.image.Image> appIcons() {
        java.util.List<javafx.scene.image.Image> icons = new java.util.ArrayList<>();
        for (int size : new int[] {16, 24, 32, 48, 64, 128, 256}) {
            var url = MainWindow.class.getResource("/dev/blogdesk/icons/blogdesk-" + size + ".png");
            if (url != null) {
                icons.add(new javafx.scene.image.Image(url.toExternalForm()));
            }
        }
        return icons;
    }

    private static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    static String version() {
        String v = MainWindow.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }

    /** Window size and position, split positions and the last open post, kept in the settings. */
    private record WindowState(Settings settings) {

        void apply(Stage stage, Parent root) {
            double w = number("ui.window.width", 1200);
            double h = number("ui.window.height", 760);
            stage.setWidth(Math.max(720, w));
            stage.setHeight(Math.max(480, h));
            double x = number("ui.window.x", Double.NaN);
            double y = number("ui.window.y", Double.NaN);
            if (!Double.isNaN(x) && !Double.isNaN(y) && onSomeScreen(x, y)) {
                stage.setX(x);
                stage.setY(y);
            }
            stage.setMaximized(Boolean.parseBoolean(settings.get("ui.window.maximized", "false")));
        }

        /** After the window is shown: nested split panes are only reachable once their parents have skins. */
        void applySplits(Parent root) {
            root.applyCss();
            split(root, "#mainSplit").ifPresent(s -> s.setDividerPositions(number("ui.split.main", 0.28)));
            split(root, "#editorSplit").ifPresent(s -> s.setDividerPositions(number("ui.split.editor", 0.5)));
        }

        void remember(Stage stage, Parent root, String openPostId) {
            settings.set("ui.window.maximized", Boolean.toString(stage.isMaximized()));
            if (!stage.isMaximized()) {
                settings.set("ui.window.width", Double.toString(stage.getWidth()));
                settings.set("ui.window.height", Double.toString(stage.getHeight()));
                settings.set("ui.window.x", Double.toString(stage.getX()));
                settings.set("ui.window.y", Double.toString(stage.getY()));
            }
            split(root, "#mainSplit").ifPresent(s -> settings.set("ui.split.main", Double.toString(s.getDividerPositions()[0])));
            split(root, "#editorSplit").ifPresent(s -> settings.set("ui.split.editor", Double.toString(s.getDividerPositions()[0])));
            settings.set("ui.lastPost", openPostId);
        }

        String lastPost() {
            return settings.get("ui.lastPost", null);
        }

        private double number(String key, double fallback) {
            try {
                return Double.parseDouble(settings.get(key, Double.toString(fallback)));
            } catch (NumberFormatException e) {
                return fallback;
            }
        }

        private static boolean onSomeScreen(double x, double y) {
            return !javafx.stage.Screen.getScreensForRectangle(x, y, 100, 100).isEmpty();
        }

        private static Optional<SplitPane> split(Parent root, String id) {
            return Optional.ofNullable((SplitPane) root.lookup(id));
        }
    }

}
