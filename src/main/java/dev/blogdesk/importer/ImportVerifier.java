package dev.blogdesk.importer;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.blogdesk.importer.ImportProblem.Reason;
import dev.blogdesk.store.MongoPostRepository;
import dev.blogdesk.store.PostSchema;
import dev.blogdesk.store.PostStatus;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads back every document an import wrote or left in place and compares its title, content and date
 * with what the source rows said (content digests): nothing missing, nothing different. New documents
 * are read back batch by batch as soon as the store acknowledged them, while the next batch is being
 * written, so the check adds little time at the end; what remains (changed, moved and unchanged posts)
 * is read back after the load. Safe to call from several writer threads at once.
 */
final class ImportVerifier {

    /** Ids per read-back query: the store finds them by its {@code _id} index. */
    private static final int IDS_PER_READ = 1000;
    private static final Bson FIELDS = Projections.include(PostSchema.TITLE, PostSchema.CONTENT, PostSchema.DATE_POSTED,
            PostSchema.LEGACY_ID_PATH);

    private final Map<PostStatus, MongoCollection<Document>> collections = new EnumMap<>(PostStatus.class);
    private final String table;
    private final ImportReport.Problems problems;
    private final Set<ObjectId> seen = ConcurrentHashMap.newKeySet();
    private final AtomicLong mismatched = new AtomicLong();

    /** Published posts and drafts. */
    ImportVerifier(MongoCollection<Document> posts, MongoCollection<Document> drafts, String table, ImportReport.Problems problems) {
        collections.put(PostStatus.PUBLISHED, posts);
        collections.put(PostStatus.DRAFT, drafts);
        this.table = table;
        this.problems = problems;
    }

    /**
     * Reads back the documents of a batch the store just acknowledged.
     *
     * @param expected digest of each written document as built from the source; one the store refused is not in it
     */
    void checkInserted(List<Document> inserted, Map<ObjectId, Long> expected) {
        Map<PostStatus, List<ObjectId>> ids = new EnumMap<>(PostStatus.class);
        for (Document doc : inserted) {
            ObjectId id = doc.getObjectId(PostSchema.ID);
            if (expected.containsKey(id)) {
                ids.computeIfAbsent(PostStatus.ofField(doc.get(PostSchema.STATUS)), s -> new ArrayList<>()).add(id);
            }
        }
        ids.forEach((status, some) -> read(collections.get(status), some, expected));
    }

    /**
     * Reads back what the batches did not (changed, moved and unchanged posts) and says whether all is there.
     *
     * @param unchanged checksum of each document left alone because its row did not change
     * @param stale     posts of earlier imports of this file whose row is gone from it
     */
    ImportReport.Verification finish(Map<ObjectId, Long> expected, Map<ObjectId, String> unchanged, long stale) {
        List<ObjectId> rest = new ArrayList<>();
        for (Set<ObjectId> ids : List.of(expected.keySet(), unchanged.keySet())) {
            for (ObjectId id : ids) {
                if (!seen.contains(id)) {
                    rest.add(id);
                }
            }
        }
        // Drafts second: a move cut short left a copy in each, and the published one is the post.
        for (PostStatus status : List.of(PostStatus.PUBLISHED, PostStatus.DRAFT)) {
            read(collections.get(status), rest.stream().filter(id -> !seen.contains(id)).toList(), expected);
        }
        long missing = expected.size() + unchanged.size() - seen.size();
        boolean ok = mismatched.get() == 0 && missing == 0;
        String message = ok
                ? "Verified: all " + seen.size() + " documents are stored and match the source (content checksums)."
                : "NOT verified: " + missing + " documents missing, " + mismatched.get() + " differ from the source.";
        if (stale > 0) {
            message += " " + stale + " documents from earlier imports have no row in the source any more; they were left as they are.";
        }
        return new ImportReport.Verification(ok, message);
    }

    private void read(MongoCollection<Document> collection, List<ObjectId> ids, Map<ObjectId, Long> expected) {
        for (int from = 0; from < ids.size(); from += IDS_PER_READ) {
            List<ObjectId> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_READ));
            for (Document d : collection.find(Filters.in(PostSchema.ID, chunk)).projection(FIELDS)
                    .batchSize(MongoPostRepository.CONTENT_BATCH_SIZE)) {
                ObjectId id = d.getObjectId(PostSchema.ID);
                if (!seen.add(id)) {
                    continue; // a move cut short left a second copy; the first read is the post
                }
                Long digest = expected.get(id);
                if (digest != null && digest != DocumentFactory.contentDigest(d)) {
                    mismatched.incrementAndGet();
                    problems.add(new ImportProblem(table, d.get(PostSchema.LEGACY, Document.class).get(PostSchema.LEGACY_ID),
                            Reason.VERIFY_MISMATCH, "The stored title, content or date differs from the source."));
                }
            }
        }
    }
}
