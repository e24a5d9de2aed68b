package dev.blogdesk.importer;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import dev.blogdesk.importer.ImportProblem.Reason;
import dev.blogdesk.store.MongoPostRepository;
import dev.blogdesk.store.PostSchema;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * After an import, reads back every document of the source table and compares its title, content and
 * date with what the source rows said (content checksums): nothing missing, nothing different.
 */
final class ImportVerifier {

    private final List<MongoCollection<Document>> collections;

    /** Reads back both collections: published posts and drafts. */
    ImportVerifier(MongoCollection<Document> posts, MongoCollection<Document> drafts) {
        this.collections = List.of(posts, drafts);
    }

    /** Filter for the documents one source table became. */
    static Document fromSource(String source, String table) {
        return new Document(PostSchema.LEGACY_SOURCE_PATH, source)
                .append(PostSchema.LEGACY_TABLE_PATH, table);
    }

    /**
     * @param expected  digest of each written document as built from the source
     * @param unchanged checksum of each document left alone because its row did not change
     */
    ImportReport.Verification verify(String source, String table, Map<ObjectId, Long> expected,
                                     Map<ObjectId, String> unchanged, ImportReport.Problems problems) {
        Set<ObjectId> seen = new HashSet<>();
        long mismatched = 0;
        long stale = 0;
        for (MongoCollection<Document> collection : collections) {
            for (Document d : collection.find(fromSource(source, table))
                    .projection(Projections.include(PostSchema.TITLE, PostSchema.CONTENT, PostSchema.DATE_POSTED,
                            PostSchema.LEGACY_CHECKSUM_PATH, PostSchema.LEGACY_ID_PATH))
                    .batchSize(MongoPostRepository.CONTENT_BATCH_SIZE)) {
                ObjectId id = d.getObjectId(PostSchema.ID);
                if (seen.contains(id)) {
                    continue; // a move cut short left a second copy; the first read is the post
                }
                Long digest = expected.get(id);
                String checksum = unchanged.get(id);
                if (digest != null) {
                    seen.add(id);
                    if (digest != DocumentFactory.contentDigest(d)) {
                        mismatched++;
                        problems.add(new ImportProblem(table, d.get(PostSchema.LEGACY, Document.class).get(PostSchema.LEGACY_ID),
                                Reason.VERIFY_MISMATCH, "The stored title, content or date differs from the source."));
                    }
                } else if (checksum != null) {
                    seen.add(id);
                } else {
                    stale++;
                }
            }
        }
        // Posts of rows recognised from another file of the same blog keep that file's name: read them by _id.
        for (ObjectId id : unseen(expected.keySet(), unchanged.keySet(), seen)) {
            for (MongoCollection<Document> collection : collections) {
                Document d = collection.find(new Document(PostSchema.ID, id)).first();
                if (d != null) {
                    seen.add(id);
                    Long digest = expected.get(id);
                    if (digest != null && digest != DocumentFactory.contentDigest(d)) {
                        mismatched++;
                        problems.add(new ImportProblem(table, d.get(PostSchema.LEGACY, Document.class).get(PostSchema.LEGACY_ID),
                                Reason.VERIFY_MISMATCH, "The stored title, content or date differs from the source."));
                    }
                    break;
                }
            }
        }
        long missing = expected.size() + unchanged.size() - seen.size();
        boolean ok = mismatched == 0 && missing == 0;
        String message = ok
                ? "Verified: all " + seen.size() + " documents are stored and match the source (content checksums)."
                : "NOT verified: " + missing + " documents missing, " + mismatched + " differ from the source.";
        if (stale > 0) {
            message += " " + stale + " documents from earlier imports have no row in the source any more; they were left as they are.";
        }
        return new ImportReport.Verification(ok, message);
    }

    private static List<ObjectId> unseen(Set<ObjectId> expected, Set<ObjectId> unchanged, Set<ObjectId> seen) {
        List<ObjectId> out = new java.util.ArrayList<>();
        for (Set<ObjectId> ids : List.of(expected, unchanged)) {
            for (ObjectId id : ids) {
                if (!seen.contains(id)) {
                    out.add(id);
                }
            }
        }
        return out;
    }
}
