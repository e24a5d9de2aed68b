package dev.blogdesk.sync;

import com.mongodb.MongoException;
import dev.blogdesk.store.StoreErrors;
import dev.blogdesk.store.StoreException;

/** The remote server could not be reached (or stopped answering) during a sync round. */
public final class SyncUnavailableException extends StoreException {

    public SyncUnavailableException(MongoException cause) {
        super("The MongoDB server is not available: " + StoreErrors.reason(cause), cause);
    }
}
