package dev.blogdesk.store;

import java.util.regex.Pattern;

/** Helpers so a connection string with credentials never reaches a log or the screen. */
public final class MongoUris {
    // scheme://user:password@host -> scheme://user:***@host ; scheme://user@host keeps the user name
    private static final Pattern CREDENTIALS = Pattern.compile("^(mongodb(?:\\+srv)?://)([^@/]*)@");

    private MongoUris() {
    }

    public static String redact(String uri) {
        if (uri == null) {
            return null;
        }
        var m = CREDENTIALS.matcher(uri.trim());
        if (!m.find()) {
            return uri.trim();
        }
        String userInfo = m.group(2);
        int colon = userInfo.indexOf(':');
        String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
        return m.group(1) + user + ":***@" + uri.trim().substring(m.end());
    }

    /** Replaces every occurrence of the URI's password in {@code text} (for exception messages). */
    public static String scrub(String text, String uri) {
        if (text == null || uri == null) {
            return text;
        }
        var m = CREDENTIALS.matcher(uri.trim());
        if (!m.find()) {
            return text;
        }
        String userInfo = m.group(2);
        int colon = userInfo.indexOf(':');
        String result = text.replace(uri.trim(), redact(uri));
        if (colon >= 0 && colon < userInfo.length() - 1) {
            result = result.replace(userInfo.substring(colon + 1), "***");
        }
        return result;
    }
}
