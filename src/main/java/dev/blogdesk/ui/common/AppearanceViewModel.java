package dev.blogdesk.ui.common;

import dev.blogdesk.app.Settings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;

/** Theme and text size, switchable at run time and remembered in the settings. */
public final class AppearanceViewModel {

    static final String THEME = "ui.theme";
    static final String FONT_SIZE = "ui.fontSize";
    public static final int DEFAULT_FONT_SIZE = 14;
    static final int MIN_FONT_SIZE = 9;
    static final int MAX_FONT_SIZE = 32;

    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final IntegerProperty fontSize = new SimpleIntegerProperty(DEFAULT_FONT_SIZE);

    public AppearanceViewModel(Settings settings, Runnable persist) {
        dark.set("dark".equals(settings.get(THEME, "light")));
        try {
            fontSize.set(clamp(Integer.parseInt(settings.get(FONT_SIZE, Integer.toString(DEFAULT_FONT_SIZE)))));
        } catch (NumberFormatException e) {
            fontSize.set(DEFAULT_FONT_SIZE);
        }
        dark.addListener((o, a, b) -> {
            settings.set(THEME, b ? "dark" : "light");
            persist.run();
        });
        fontSize.addListener((o, a, b) -> {
            settings.set(FONT_SIZE, Integer.toString(b.intValue()));
            persist.run();
        });
    }

    private static int clamp(int size) {
        return Math.max(MIN_FONT_SIZE, Math.min(MAX_FONT_SIZE, size));
    }

    public void bigger() {
        fontSize.set(clamp(fontSize.get() + 1));
    }

    public void smaller() {
        fontSize.set(clamp(fontSize.get() - 1));
    }

    public void normalSize() {
        fontSize.set(DEFAULT_FONT_SIZE);
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public IntegerProperty fontSizeProperty() {
        return fontSize;
    }
}
