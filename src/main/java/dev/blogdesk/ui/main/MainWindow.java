package dev.blogdesk.ui.main;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.blogdesk.app.AppContext;
import dev.blogdesk.app.FxDebouncer;
import dev.blogdesk.app.Settings;
import dev.blogdesk.app.TaskExecutor;
import dev.blogdesk.ui.common.AppIcons;
import dev.blogdesk.ui.common.AppearanceViewModel;
import dev.blogdesk.ui.common.FxDialogService;
import dev.blogdesk.ui.editor.EditorView;
import dev.blogdesk.ui.editor.FindReplaceView;
import dev.blogdesk.ui.editor.FindReplaceViewModel;
import dev.blogdesk.ui.editor.MarkdownEditor;
import dev.blogdesk.ui.postlist.PostListView;
import dev.blogdesk.ui.search.SearchBoxView;
import dev.blogdesk.ui.settings.SettingsViewModel;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Builds the main window on a stage: its view models from the {@link AppContext}'s services, and
 * each feature's view (loaded from its FXML through one controller factory) bound to them.
 */
public final class MainWindow {

    static final Duration SEARCH_DEBOUNCE = Duration.millis(200);
    /** Drafts reach the disk at most about a second after the last keystroke. */
    static final java.time.Duration JOURNAL_DEBOUNCE_TIME = java.time.Duration.ofMillis(800);
    private static final Logger log = LoggerFactory.getLogger(MainWindow.class);
    /** The user's own words for spelling, in the data folder. */
    public static final String DICTIONARY_FILE = "dictionary.txt";
    static final String OUTLINE_VISIBLE = "ui.outline.visible";

    private MainWindow() {
    }

    /**
     * Shows the main window for a desktop {@code context}. {@code onClosed} runs after the user
     * confirmed closing (unsaved changes saved or discarded); {@code openLink} opens a link clicked in
     * the preview.
     */
    public static MainViewModel show(Stage stage, AppContext context, Consumer<String> openLink, Runnable onClosed) {
        Settings settings = context.settings();
        TaskExecutor executor = context.executor();
        Runnable persist = () -> executor.execute(() -> {
            settings.save();
            return null;
        }, ok -> { }, failure -> log.warn("Settings not saved: {}", failure.getMessage()));
        AppearanceViewModel appearance = new AppearanceViewModel(settings, persist);
        applyTheme(appearance.darkProperty().get());
        appearance.darkProperty().addListener((o, a, dark) -> applyTheme(dark));

        MainViewModel vm = new MainViewModel(context.store().posts(), executor, new FxDialogService(() -> stage),
                new FxDebouncer(SEARCH_DEBOUNCE), new FxDebouncer(Duration.millis(JOURNAL_DEBOUNCE_TIME.toMillis())),
                context.journal(), context.description());
        vm.siteUrlProperty().set(SettingsViewModel.siteUrl(settings));
        vm.defaultAuthorProperty().set(SettingsViewModel.defaultAuthor(settings));
        dev.blogdesk.store.PostImages images = new dev.blogdesk.store.PostImages(context.store().database());
        vm.useImages(images, () -> SettingsViewModel.imagePrefix(settings), context.dataDir().resolve("cache").resolve("images"));

        var revisions = new dev.blogdesk.store.PostRevisions(context.store().database());
        var history = new dev.blogdesk.ui.history.HistoryViewModel(new dev.blogdesk.ui.history.HistoryViewModel.Source() {
            @Override
            public java.util.List<dev.blogdesk.store.Revision> list(String postId) {
                return revisions.list(postId);
            }

            @Override
            public java.util.Optional<dev.blogdesk.store.RevisionText> read(String revisionId) {
                return revisions.read(revisionId);
            }
        }, executor);
        var editorVm = vm.editor();
        history.follow(editorVm.currentIdProperty(), editorVm.storedProperty(),
                () -> editorVm.titleProperty().get() + "\n\n" + editorVm.contentProperty().get());
        history.restoreWith(editorVm.restoring()::restore);

        var spelling = new dev.blogdesk.ui.editor.SpellingViewModel(executor, dev.blogdesk.spelling.LanguageToolWords::new,
                () -> dev.blogdesk.spelling.UserDictionary.load(context.dataDir().resolve(DICTIONARY_FILE)));
        vm.useSpelling(spelling);

        WindowState state = new WindowState(settings);
        Parent[] shown = new Parent[1];
        Runnable close = () -> {
            state.remember(stage, shown[0], vm.editor().currentIdProperty().get());
            persist.run(); // the context lets queued work finish before the store closes
            stage.hide();
            onClosed.run();
        };
        MainCommands commands = new MainCommands();
        WindowActions actions = new MainWindowActions(stage, context, vm, openLink, close);
        MarkdownEditor markdown = new MarkdownEditor(vm.editor().contentProperty(), executor);
        markdown.useSpelling(spelling);
        var outline = new dev.blogdesk.ui.outline.OutlineViewModel(executor);
        var area = markdown.area();
        outline.follow(editorVm.contentProperty(), offset -> {
            area.moveTo(Math.min(offset, area.getLength()));
            area.requestFollowCaret();
            area.requestFocus();
        });
        area.caretPositionProperty().addListener((o, was, now) -> outline.caretMoved(now));
        // Shown or hidden as the user left it.
        outline.visibleProperty().set(Boolean.parseBoolean(settings.get(OUTLINE_VISIBLE, "false")));
        outline.visibleProperty().addListener((o, was, now) -> {
            settings.set(OUTLINE_VISIBLE, Boolean.toString(now));
            persist.run();
        });
        Map<Class<?>, Supplier<Object>> controllers = Map.of(
                MainView.class, () -> new MainView(vm, commands, actions, appearance, new MainView.SidePanelModels(history, outline)),
                SearchBoxView.class, () -> new SearchBoxView(vm.search()),
                PostListView.class, () -> new PostListView(vm.postList(), vm.editor().currentIdProperty(), vm::requestOpen,
                        vm.editor()::delete, dev.blogdesk.ui.postlist.Thumbnails.of(images, executor)),
                dev.blogdesk.ui.details.PostDetailsView.class, () -> new dev.blogdesk.ui.details.PostDetailsView(vm.details()),
                EditorView.class, () -> new EditorView(vm.editor(), markdown, appearance, vm.siteUrlProperty(), openLink,
                        vm.images()),
                FindReplaceView.class, () -> new FindReplaceView(new FindReplaceViewModel(), markdown.area()),
                WelcomeView.class, () -> new WelcomeView(vm, commands),
                StatusBarView.class, () -> new StatusBarView(vm));
        FXMLLoader loader = new FXMLLoader(MainWindow.class.getResource("MainView.fxml"));
        loader.setControllerFactory(type -> Objects.requireNonNull(controllers.get(type), type::getName).get());
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the main window layout", e);
        }
        shown[0] = root;
        root.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource("main.css")).toExternalForm());
        MainView view = loader.getController();
        view.sidePanels();

        stage.setScene(new Scene(root));
        stage.getIcons().setAll(AppIcons.all());
        stage.titleProperty().bind(vm.windowTitleProperty());
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        state.apply(stage, root);
        stage.setOnCloseRequest(e -> {
            // Never close straight away: unsaved work is asked about first, and saved before closing.
            e.consume();
            actions.quit();
        });
        stage.show();
        state.applySplits(root);
        vm.start(state.lastPost());
        spelling.languageProperty().set(SettingsViewModel.spellingLanguage(settings)); // loads off the FX thread
        new SyncConnector(stage, vm, executor).connect(context, view.statusBar());
        return vm;
    }

    private static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }
}
