package dev.blogdesk.app;

import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;

/**
 * Logback's own problems (a log file that cannot be written): one line each on stderr. Logback would
 * otherwise print its whole status history on stdout, where {@code export} and {@code search} print
 * their data. Configured in logback.xml.
 */
public final class LogbackProblems implements StatusListener {

    @Override
    public void addStatusEvent(Status status) {
        if (status.getEffectiveLevel() >= Status.ERROR) {
            System.err.println("blogdesk: the log could not be written: " + status.getMessage());
        }
    }
}
