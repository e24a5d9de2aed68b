package dev.blogdesk.store;

import com.mongodb.MongoException;

import java.util.function.Supplier;

/** A store call's failure as one sentence for the user: what could not be done, and why in plain words. */
public final class StoreErrors {

    private StoreErrors() {
    }

    static <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (MongoException e) {
            throw new StoreException("Could not " + what + ": " + reason(e), e);
        }
    }

    /** MongoDB's DataCorruptionDetected, and the embedded store's "stopped after a failed write". */
    private static final int DATA_CORRUPTION = 12;
    private static final int STORE_STOPPED = 9_500;

    /** A sentence for the user; driver messages can be long, so only the kind of failure is named. */
    public static String reason(MongoException e) {
        if (e instanceof com.mongodb.MongoTimeoutException) {
            return "the MongoDB server did not answer in time. Is it running and reachable?";
        }
        if (e instanceof com.mongodb.MongoSecurityException) {
            return "the MongoDB server refused the user name or password.";
        }
        if (e instanceof com.mongodb.MongoSocketException) {
            return "the connection to the MongoDB server failed (" + e.getClass().getSimpleName() + ").";
        }
        if (e.getCode() == DATA_CORRUPTION || e.getCode() == STORE_STOPPED) {
            // The embedded store's own sentence: what is damaged or full, and the way out.
            String message = e instanceof com.mongodb.MongoCommandException c ? c.getErrorMessage()
                    : e instanceof com.mongodb.MongoWriteException w ? w.getError().getMessage() : e.getMessage();
            return (e.getCode() == DATA_CORRUPTION && !message.contains("damaged")
                    ? "the store reports damaged data (" + message + "); restore a backup of it." : message);
        }
        return "the store reported an error (" + e.getClass().getSimpleName() + ", code " + e.getCode() + ").";
    }
}
