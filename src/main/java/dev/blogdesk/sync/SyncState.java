package dev.blogdesk.sync;

import dev.blogdesk.store.ChangeFeed;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.h2.mvstore.MVMap;

import java.util.ArrayList;
import java.util.List;

/**
 * What the sync engine remembers, in the embedded store's own file (so it is as durable as the posts):
 * per post the server's version as of the last sync (the base), the conflicts waiting for the user,
 * which server that was, and how far the last pull got.
 */
final class SyncState {

    private static final JsonWriterSettings EXTENDED = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    /** Stands for "deleted on the server" in the conflicts map. */
    private static final String DELETED = "";

    private final ChangeFeed store;
    private final MVMap<String, byte[]> base;
    private final MVMap<String, String> digests;
    private final MVMap<String, String> conflicts;
    private final MVMap<String, Object> meta;

    SyncState(ChangeFeed store) {
        this.store = store;
        this.base = store.stateMap("blogdesk.sync.base");
        this.digests = store.stateMap("blogdesk.sync.digest");
        this.conflicts = store.stateMap("blogdesk.sync.conflicts");
        this.meta = store.stateMap("blogdesk.sync.meta");
    }

    String remoteIdentity() {
        return (String) meta.get("remote");
    }

    void reset(String remoteIdentity) {
        base.clear();
        digests.clear();
        conflicts.clear();
        meta.put("remote", remoteIdentity);
        meta.put("pullMark", 0L);
    }

    long pullMark() {
        return meta.get("pullMark") instanceof Long l ? l : 0L;
    }

    void setPullMark(long millis) {
        meta.put("pullMark", millis);
    }

    /** The base's BSON as stored. */
    byte[] rawBase(String key) {
        byte[] bson = base.get(key);
        if (bson == null) {
            throw new IllegalStateException("No base for " + key);
        }
        return bson;
    }

    /** The base's {@link SyncEngine#digest}, without decoding the base; null if there is none. */
    String baseDigest(String key) {
        return digests.get(key);
    }

    void putBase(String key, Document doc, String digest) {
        putBase(key, SyncIds.toBson(doc), digest);
    }

    void putBase(String key, byte[] bson, String digest) {
        base.put(key, bson);
        digests.put(key, digest);
    }

    void removeBase(String key) {
        base.remove(key);
        digests.remove(key);
    }

    List<String> baseKeys() {
        return new ArrayList<>(base.keySet());
    }

    boolean hasConflict(String key) {
        return conflicts.containsKey(key);
    }

    /** The server's side of a conflict; null if it deleted the post (or there is no conflict). */
    Document conflictTheirs(String key) {
        String theirs = conflicts.get(key);
        return theirs == null || theirs.equals(DELETED) ? null : Document.parse(theirs);
    }

    void putConflict(String key, Document theirs) {
        conflicts.put(key, theirs == null ? DELETED : theirs.toJson(EXTENDED));
    }

    void removeConflict(String key) {
        conflicts.remove(key);
    }

    List<String> conflictKeys() {
        return new ArrayList<>(conflicts.keySet());
    }

    void commit() {
        store.commitState();
    }

}
