package dev.blogdesk.ui.common;

import javafx.scene.image.Image;

import java.util.ArrayList;
import java.util.List;

/** The BlogDesk icon in the sizes window managers pick from. */
public final class AppIcons {

    private AppIcons() {
    }

    public static List<Image> all() {
        List<Image> icons = new ArrayList<>();
        for (int size : new int[] {16, 24, 32, 48, 64, 128, 256}) {
            var url = AppIcons.class.getResource("/dev/blogdesk/icons/blogdesk-" + size + ".png");
            if (url != null) {
                icons.add(new Image(url.toExternalForm()));
            }
        }
        return icons;
    }

    /** The 64 px icon, for dialogs' graphic. */
    public static String large() {
        return AppIcons.class.getResource("/dev/blogdesk/icons/blogdesk-64.png").toExternalForm();
    }
}
