package dev.blogdesk.app;

import java.nio.file.Path;
import java.util.Map;

/** Where BlogDesk keeps its store, settings and logs. */
public final class DataDirs {

    public static final String HOME_VARIABLE = "BLOGDESK_HOME";

    private DataDirs() {
    }

    /** {@code --data-dir}, else {@code BLOGDESK_HOME}, else the platform's per-user data folder (XDG on Linux). */
    public static Path resolve(Path explicit) {
        return resolve(explicit, System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    static Path resolve(Path explicit, Map<String, String> env, String osName, String userHome) {
        if (explicit != null) {
            return explicit.toAbsolutePath().normalize();
        }
        String home = env.get(HOME_VARIABLE);
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return Path.of(appData != null ? appData : userHome, "BlogDesk");
        }
        if (os.startsWith("mac")) {
            return Path.of(userHome, "Library", "Application Support", "BlogDesk");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "blogdesk");
        }
        return Path.of(userHome, ".local", "share", "blogdesk");
    }
}
