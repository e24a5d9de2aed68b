package dev.blogdesk.importer;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import dev.blogdesk.store.PostSchema;
import dev.blogdesk.store.PostStatus;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What earlier imports of the same table left in the store. From this file: each row's checksum and
 * where its post is now, by the row's id. From other files (a copy of the blog
 * under another name, an earlier or later snapshot of it): the posts by the row id they came from and by
 * title and date, so the same blog read from another file is recognised instead of imported twice.
 */
final class EarlierImports {

    /**
     * A post an earlier import wrote: where it is, the checksum of its row then, the file it came from, and
     * how many of its links to the old site's images were rewritten to stored copies.
     */
    record Imported(ObjectId id, String checksum, PostStatus status, String source, int images) {
    }

    private record Other(Imported post, String title, String dateRaw) {
    }

    private final Map<String, Imported> fromThisFile = new HashMap<>();
    private final Map<String, List<Other>> othersById = new HashMap<>();
    private final Map<String, List<Other>> othersByTitleAndDate = new HashMap<>();
    /** Posts of other files already matched to a row of this one: each stands for one row only. */
    private final java.util.Set<ObjectId> claimed = new java.util.HashSet<>();
    /** This file's rows whose earlier post was asked for. */
    private final java.util.Set<String> rowsStillThere = new java.util.HashSet<>();

    /** Drafts first: a post caught in both collections by an interrupted move is the published one. */
    static EarlierImports load(MongoCollection<Document> drafts, MongoCollection<Document> posts, String source, String table) {
        EarlierImports earlier = new EarlierImports();
        for (PostStatus status : List.of(PostStatus.DRAFT, PostStatus.PUBLISHED)) {
            MongoCollection<Document> collection = status == PostStatus.DRAFT ? drafts : posts;
            for (Document d : collection.find(new Document(PostSchema.LEGACY_TABLE_PATH, table))
                    .projection(Projections.include(PostSchema.TITLE, PostSchema.LEGACY_CHECKSUM_PATH, PostSchema.LEGACY_SOURCE_PATH,
                            PostSchema.LEGACY_ID_PATH, PostSchema.LEGACY + ".date_raw", PostSchema.LEGACY + ".title_raw",
                            PostSchema.LEGACY + "." + DocumentFactory.LEGACY_IMAGES))
                    .batchSize(1000)) {
                if (d.get(PostSchema.ID) instanceof ObjectId id && d.get(PostSchema.LEGACY) instanceof Document legacy) {
                    earlier.add(id, status, legacy, d.get(PostSchema.TITLE), source);
                }
            }
        }
        return earlier;
    }

    private void add(ObjectId id, PostStatus status, Document legacy, Object title, String source) {
        String from = legacy.getString(PostSchema.LEGACY_SOURCE);
        Imported post = new Imported(id, legacy.getString(PostSchema.LEGACY_CHECKSUM), status, from, DocumentFactory.imagesOf(legacy));
        String rowId = String.valueOf(legacy.get(PostSchema.LEGACY_ID));
        if (source.equals(from)) {
            fromThisFile.put(rowId, post);
            return;
        }
        String rawTitle = legacy.getString("title_raw") != null ? legacy.getString("title_raw") : String.valueOf(title);
        Other other = new Other(post, rawTitle, legacy.getString("date_raw"));
        othersById.computeIfAbsent(rowId, k -> new ArrayList<>(1)).add(other);
        if (other.dateRaw() != null) {
            othersByTitleAndDate.computeIfAbsent(key(rawTitle, other.dateRaw()), k -> new ArrayList<>(1)).add(other);
        }
    }

    private static String key(String title, String dateRaw) {
        return title.strip() + "\u0000" + dateRaw.strip();
    }

    /**
     * The post this file's row became on an earlier run, if any. By row id, not by the deterministic
     * {@code _id}: a post first imported from another file keeps that file's {@code _id}.
     */
    Imported fromThisFile(String rowId) {
        Imported post = fromThisFile.get(rowId);
        if (post != null) {
            rowsStillThere.add(rowId);
        }
        return post;
    }

    /** Posts this file's earlier imports made whose row was not read on this run: gone from the file, or skipped now. */
    long goneFromThisFile() {
        return fromThisFile.size() - rowsStillThere.size();
    }

    /**
     * The post another file's import made of the same row: the same row id with the same source values
     * (a copy), or with the same title and date (a later snapshot in which it was edited), or, with another
     * id, the same title and date (rows renumbered by an export).
     */
    Optional<Imported> fromAnotherFile(String rowId, String checksum, String title, String dateRaw) {
        for (Other o : othersById.getOrDefault(rowId, List.of())) {
            if (!claimed.contains(o.post().id()) && (checksum.equals(o.post().checksum()) || sameTitleAndDate(o, title, dateRaw))) {
                return claim(o);
            }
        }
        if (dateRaw == null || title == null) {
            return Optional.empty();
        }
        List<Other> sameTitleAndDate = othersByTitleAndDate.getOrDefault(key(title, dateRaw), List.of()).stream()
                .filter(o -> !claimed.contains(o.post().id())).toList();
        return sameTitleAndDate.size() == 1 ? claim(sameTitleAndDate.get(0)) : Optional.empty();
    }

    private Optional<Imported> claim(Other o) {
        claimed.add(o.post().id());
        return Optional.of(o.post());
    }

    private static boolean sameTitleAndDate(Other o, String title, String dateRaw) {
        return dateRaw != null && title != null && o.dateRaw() != null && o.title().strip().equals(title.strip())
                && o.dateRaw().strip().equals(dateRaw.strip());
    }
}
