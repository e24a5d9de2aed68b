package dev.blogdesk.ui;

import dev.blogdesk.app.AppContext;
import dev.blogdesk.store.StoreBackups;
import dev.blogdesk.store.StoreDamagedException;
import dev.blogdesk.store.StoreException;
import dev.blogdesk.ui.main.MainWindow;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/** The desktop application. Started by {@link dev.blogdesk.Launcher}, which parses the options first. */
public final class BlogDeskApp extends Application {

    private static final Logger log = LoggerFactory.getLogger(BlogDeskApp.class);
    private static volatile Path dataDir;
    private static volatile String mongoUri;
    private AppContext context;

    public static void launch(Path dataDir, String mongoUri) {
        BlogDeskApp.dataDir = dataDir;
        BlogDeskApp.mongoUri = mongoUri;
        Application.launch(BlogDeskApp.class);
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        Thread.currentThread().setUncaughtExceptionHandler((thread, failure) -> {
            // Log it with its stack; the user gets one readable sentence, never a trace.
            log.error("Unexpected error on the UI thread", failure);
            new Alert(Alert.AlertType.ERROR, "Something went wrong: " + failure.getMessage()
                    + "\nDetails are in the log in " + dataDir.resolve("logs") + ".", ButtonType.OK).show();
        });
        openStore(stage);
    }

    /** Opening the store touches the disk (and maybe the network): not on the FX thread. */
    private void openStore(Stage stage) {
        Task<AppContext> opening = new Task<>() {
            @Override
            protected AppContext call() {
                // The working copy opens at once even when the server is unreachable: it syncs later.
                return AppContext.openDesktop(dataDir, mongoUri);
            }
        };
        opening.setOnSucceeded(e -> {
            context = opening.getValue();
            try {
                MainWindow.show(stage, context, getHostServices()::showDocument, Platform::exit);
                Platform.setImplicitExit(true); // the window is up: closing it quits again
            } catch (RuntimeException failure) {
                failToStart("BlogDesk cannot open its window", failure);
            }
        });
        opening.setOnFailed(e -> {
            if (opening.getException() instanceof StoreDamagedException damaged) {
                offerRecovery(stage, damaged);
            } else {
                failToStart("BlogDesk cannot open its store", opening.getException());
            }
        });
        Thread t = new Thread(opening, "blogdesk-open-store");
        t.setDaemon(true);
        t.start();
    }

    /** A damaged store: open the latest backup or start fresh; the damaged file is kept either way. */
    private void offerRecovery(Stage stage, StoreDamagedException damaged) {
        log.error("Store damaged", damaged);
        Path dir = damaged.dataDir();
        java.util.Optional<Path> backup = StoreBackups.latest(dir);
        ButtonType useBackup = new ButtonType("Open the Backup", ButtonBar.ButtonData.YES);
        ButtonType fresh = new ButtonType("Start a Fresh Store", ButtonBar.ButtonData.NO);
        ButtonType quit = new ButtonType("Quit", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = backup.isPresent()
                ? new Alert(Alert.AlertType.ERROR, "", useBackup, fresh, quit)
                : new Alert(Alert.AlertType.ERROR, "", fresh, quit);
        alert.setTitle("BlogDesk");
        alert.setHeaderText("The BlogDesk store is damaged");
        alert.setContentText("The store file in " + dir.resolve("store") + " is damaged: " + damaged.reason() + ".\n\n"
                + backup.map(b -> "A backup from " + b.getFileName() + " is available. ").orElse("There is no backup yet. ")
                + "Whatever you choose, the damaged file is kept next to the store (renamed), never deleted.");
        ((Stage) alert.getDialogPane().getScene().getWindow()).getIcons().setAll(dev.blogdesk.ui.common.AppIcons.all());
        // The dialog is the only window: closing it must not end the app before the recovered store opens.
        Platform.setImplicitExit(false);
        ButtonType answer = alert.showAndWait().orElse(quit);
        try {
            if (answer == useBackup) {
                StoreBackups.restore(dir, backup.orElseThrow());
            } else if (answer == fresh) {
                StoreBackups.setAsideDamaged(dir);
            } else {
                Platform.exit();
                return;
            }
        } catch (java.io.IOException e) {
            failToStart("BlogDesk cannot recover its store", e);
            return;
        }
        openStore(stage);
    }

    private void failToStart(String header, Throwable failure) {
        log.error("BlogDesk could not start", failure);
        String message = failure instanceof StoreException ? failure.getMessage()
                : "BlogDesk could not start: " + failure.getMessage()
                + "\nDetails are in the log in " + dataDir.resolve("logs") + ".";
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        ((Stage) alert.getDialogPane().getScene().getWindow()).getIcons().setAll(dev.blogdesk.ui.common.AppIcons.all());
        alert.setTitle("BlogDesk");
        alert.setHeaderText(header);
        alert.showAndWait();
        Platform.exit();
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
    }
}
