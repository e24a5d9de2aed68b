package dev.blogdesk.sync;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.blogdesk.store.EmbeddedMongo;
import dev.blogdesk.store.Post;
import dev.blogdesk.store.PostRepository;
import dev.blogdesk.store.StoreConnection;
import dev.blogdesk.testing.TestStore;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The working copy against a remote server. The remote is a second embedded server, as {@code serve}
 * runs it, on a loopback port that is stopped and started again mid-edit and mid-sync; or, with
 * {@code -Dblogdesk.test.mongoUri}, a fresh database on that real server.
 */
class SyncEngineTest {

    @TempDir
    Path dir;

    private StoreConnection local;
    private Remote remote;

    /** The remote side: an embedded server that can go away and come back on the same port. */
    private final class Remote implements AutoCloseable {
        final String uri;
        final String database;
        private EmbeddedMongo server;
        private final int port;
        final MongoClient client;

        Remote() {
            String real = System.getProperty("blogdesk.test.mongoUri", "");
            if (!real.isBlank()) {
                uri = real;
                database = "blogdesk_sync_" + new ObjectId().toHexString().substring(16);
                port = -1;
            } else {
                server = EmbeddedMongo.start(dir.resolve("remote"), 0);
                port = server.port();
                // Loopback answers at once or not at all: a stopped server is given up on in 1.5 s, not 5.
                uri = "mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=1500";
                database = "blogdb";
            }
            client = MongoClients.create(uri);
        }

        MongoCollection<Document> posts() {
            return client.getDatabase(database).getCollection("posts");
        }

        MongoCollection<Document> drafts() {
            return client.getDatabase(database).getCollection("drafts");
        }

        void stop() {
            server.close();
            server = null;
        }

        void start() {
            server = EmbeddedMongo.start(dir.resolve("remote"), port);
        }

        @Override
        public void close() {
            client.close();
            if (server != null) {
                server.close();
            } else if (port == -1) {
                client.getDatabase(database).drop();
            }
        }
    }

    @BeforeEach
    void open() {
        local = StoreConnection.openEmbedded(dir.resolve("local"), false);
        remote = new Remote();
    }

    @AfterEach
    void close() {
        remote.close();
        local.close();
    }

    private SyncReport sync() {
        try (SyncRemote r = SyncRemote.open(new ConnectionProfile(remote.uri, remote.database, "posts"))) {
            return engine().round(r);
        }
    }

    private SyncEngine engine() {
        return SyncEngine.of(local);
    }

    private <T> T withEngine(java.util.function.Function<SyncEngine, T> action) {
        return action.apply(engine());
    }

    private PostRepository posts() {
        return local.posts();
    }

    /** Every post on the server, drafts marked: id to "title|content" or "draft:title|content". */
    private Map<String, String> remoteContents() {
        return contents(remote.posts(), remote.drafts());
    }

    private Map<String, String> localContents() {
        return contents(local.database().getCollection("posts"), local.database().getCollection("drafts"));
    }

    private static Map<String, String> contents(MongoCollection<Document> posts, MongoCollection<Document> drafts) {
        Map<String, String> byId = new HashMap<>();
        for (Document d : posts.find()) {
            byId.put(d.getObjectId("_id").toHexString(), d.getString("title") + "|" + d.getString("content"));
        }
        for (Document d : drafts.find()) {
            String was = byId.put(d.getObjectId("_id").toHexString(), "draft:" + d.getString("title") + "|" + d.getString("content"));
            assertThat(was).as("a post in both collections").isNull();
        }
        return byId;
    }

    /** A post as the Flask blog sees it: created, then published. */
    private Post published(String title, String content) {
        return posts().publish(posts().create(title, content));
    }

    @Test
    void savesGoUpAndTheServersChangesComeDownIncludingWhatTheFlaskBlogWrites() {
        Post a = published("First", "written here");
        Post b = published("Second", "also here");
        SyncReport first = sync();
        assertThat(first.pushed()).isEqualTo(2);
        assertThat(first.pending()).isZero();
        assertThat(remoteContents()).isEqualTo(localContents());

        // The Flask-PyMongo blog inserts a post: no version, no updated_at, date_posted only.
        ObjectId flask = new ObjectId();
        remote.posts().insertOne(new Document("_id", flask).append("title", "From Flask")
                .append("content", "posted on the web").append("date_posted", new Date()));
        posts().update(posts().findById(a.id()).orElseThrow().withText("First", "edited here"));
        SyncReport second = sync();
        assertThat(second.pushed()).isEqualTo(1);
        assertThat(second.pulled()).isEqualTo(1);
        assertThat(posts().findById(flask.toHexString())).get().extracting(Post::title, Post::version)
                .containsExactly("From Flask", 0L);
        assertThat(remoteContents()).isEqualTo(localContents());

        // Another BlogDesk edits on the server; the post is taken here.
        remote.posts().updateOne(Filters.eq("_id", new ObjectId(b.id())),
                Updates.combine(Updates.set("content", "edited elsewhere"), Updates.set("updated_at", new Date())));
        assertThat(sync().pulled()).isEqualTo(1);
        assertThat(posts().findById(b.id())).get().extracting(Post::content).isEqualTo("edited elsewhere");

        // Deletes travel both ways and stay deleted.
        posts().deleteForUndo(a.id());
        remote.posts().deleteOne(Filters.eq("_id", flask));
        SyncReport deletes = sync();
        assertThat(deletes.pushed()).isEqualTo(1);
        assertThat(deletes.pulled()).isEqualTo(1);
        assertThat(sync()).extracting(SyncReport::pushed, SyncReport::pulled, SyncReport::conflicts, SyncReport::pending)
                .containsExactly(0, 0, 0, 0);
        assertThat(localContents()).containsOnlyKeys(b.id());
        assertThat(remoteContents()).isEqualTo(localContents());
    }

    @Test
    void editsMadeWhileTheServerIsAwayArriveExactlyOnceWhenItIsBack() {
        Post kept = published("Kept", "v1");
        Post doomed = published("Doomed", "to be deleted offline");
        sync();
        org.junit.jupiter.api.Assumptions.assumeFalse(TestStore.isRealServer(), "needs a server the test can stop");
        remote.stop();
        posts().update(posts().findById(kept.id()).orElseThrow().withText("Kept", "v2, written offline"));
        Post offline = published("Offline", "created on the train");
        posts().deleteForUndo(doomed.id());
        assertThatThrownBy(this::sync).isInstanceOf(SyncUnavailableException.class)
                .hasMessageContaining("not available");
        assertThat(withEngineOffline()).isEqualTo(3);

        remote.start();
        SyncReport back = sync();
        assertThat(back.pushed()).isEqualTo(3);
        assertThat(back.pending()).isZero();
        assertThat(remoteContents()).isEqualTo(localContents())
                .containsOnlyKeys(kept.id(), offline.id());
        assertThat(remote.posts().countDocuments(Filters.eq("title", "Offline"))).isEqualTo(1);
        assertThat(sync().pushed()).isZero();
    }

    /** What the status bar shows while the server is away: read from the outbox, no network. */
    private int withEngineOffline() {
        return SyncEngine.of(local).pending();
    }

    @Test
    void aServerStoppedInTheMiddleOfASyncLosesNothingAndDuplicatesNothing() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(TestStore.isRealServer(), "needs a server the test can stop");
        List<Document> many = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            many.add(new Document("_id", new ObjectId()).append("title", "Post " + i)
                    .append("content", "body ".repeat(200) + i).append("date_posted", new Date()).append("version", 1L));
        }
        local.database().getCollection("posts").insertMany(many);
        // The server stops once 2,000 posts have landed, before the third of four batches: deterministic,
        // where stopping it from another thread raced a push that got fast enough to finish first.
        // (A cut inside a batch, where part of it landed, is what SyncKillTest's kill -9 exercises.)
        Object outcome;
        try (SyncRemote r = SyncRemote.open(new ConnectionProfile(remote.uri, remote.database, "posts"))) {
            SyncEngine engine = engine();
            engine.beforeEachBatch(pushedSoFar -> {
                if (pushedSoFar == 2 * SyncEngine.BATCH) {
                    assertThat(remote.posts().countDocuments()).isEqualTo(2 * SyncEngine.BATCH);
                    remote.stop();
                }
            });
            try {
                outcome = engine.round(r);
            } catch (RuntimeException e) {
                outcome = e;
            }
        }
        assertThat(outcome).as("the round was cut off").isInstanceOf(SyncUnavailableException.class);

        remote.start();
        SyncReport rest = sync();
        assertThat(rest.conflicts()).isZero();
        assertThat(rest.pending()).isZero();
        assertThat(remote.posts().countDocuments()).isEqualTo(4000);
        assertThat(remoteContents()).isEqualTo(localContents());
    }

    @Test
    void draftsAndTheirMovesCrossBothWaysAlsoWithTheServerStoppedHalfWayThroughAPublish() {
        org.junit.jupiter.api.Assumptions.assumeFalse(TestStore.isRealServer(), "needs a server the test can stop");
        Post draft = posts().create("Draft", "private words");
        Post live = published("Live", "public words");
        sync();
        assertThat(remote.posts().find().map(d -> d.getString("title")).into(new ArrayList<>())).containsExactly("Live");
        assertThat(remote.drafts().find(Filters.eq("_id", new ObjectId(draft.id()))).first().getString("status")).isEqualTo("draft");
        assertThat(remoteContents()).isEqualTo(localContents());

        // Published here; the server stops after taking the published copy, before the draft's delete.
        posts().publish(posts().findById(draft.id()).orElseThrow());
        Object outcome;
        try (SyncRemote r = SyncRemote.open(new ConnectionProfile(remote.uri, remote.database, "posts"))) {
            SyncEngine engine = engine();
            engine.betweenCollections(remote::stop);
            try {
                outcome = engine.round(r);
            } catch (RuntimeException e) {
                outcome = e;
            }
        }
        assertThat(outcome).isInstanceOf(SyncUnavailableException.class);
        remote.start();
        assertThat(remote.posts().countDocuments(Filters.eq("_id", new ObjectId(draft.id())))).as("the copy landed").isEqualTo(1);
        SyncReport finished = sync();
        assertThat(finished.conflicts()).isZero();
        assertThat(finished.pending()).isZero();
        assertThat(remote.drafts().countDocuments()).as("the move finished: no draft copy left").isZero();
        assertThat(remoteContents()).isEqualTo(localContents()).containsOnlyKeys(draft.id(), live.id());

        // Unpublished on another machine: its copy moved from posts to drafts on the server.
        Document moved = remote.posts().find(Filters.eq("_id", new ObjectId(live.id()))).first()
                .append("status", "draft").append("updated_at", new Date());
        remote.drafts().insertOne(moved);
        remote.posts().deleteOne(Filters.eq("_id", new ObjectId(live.id())));
        assertThat(sync().pulled()).isEqualTo(1);
        assertThat(posts().findById(live.id())).get().extracting(Post::status).isEqualTo(dev.blogdesk.store.PostStatus.DRAFT);
        assertThat(local.database().getCollection("posts").countDocuments(Filters.eq("_id", new ObjectId(live.id())))).isZero();
        assertThat(remoteContents()).isEqualTo(localContents());
        assertThat(sync()).extracting(SyncReport::pushed, SyncReport::pulled, SyncReport::conflicts).containsExactly(0, 0, 0);
    }

    @Test
    void imagesCrossBothWaysOnceAndARoundCutOffBeforeThemCatchesUp() {
        org.junit.jupiter.api.Assumptions.assumeFalse(TestStore.isRealServer(), "needs a server the test can stop");
        dev.blogdesk.store.PostImages here = new dev.blogdesk.store.PostImages(local.database());
        String mine = here.put(dev.blogdesk.testing.TestImages.png(50, 40, 1), "image/png").filename();
        sync();
        com.mongodb.client.MongoDatabase server = remoteDatabase();
        dev.blogdesk.store.PostImages there = new dev.blogdesk.store.PostImages(server);
        assertThat(there.filenames()).containsExactly(mine);
        assertThat(there.read(mine)).get().isEqualTo(here.read(mine).orElseThrow());

        // One written on the server (another BlogDesk), and a file the Flask blog stored under its own name.
        String theirs = there.put(dev.blogdesk.testing.TestImages.png(30, 30, 2), "image/png").filename();
        com.mongodb.client.gridfs.GridFSBuckets.create(server).uploadFromStream("cat.jpg",
                new java.io.ByteArrayInputStream(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1}));
        remote.stop();
        assertThatThrownBy(this::sync).isInstanceOf(SyncUnavailableException.class);
        remote.start();
        sync();
        assertThat(here.filenames()).containsExactlyInAnyOrder(mine, theirs);
        assertThat(there.filenames()).containsExactlyInAnyOrder(mine, theirs, "cat.jpg");
        sync();
        assertThat(server.getCollection("fs.files").countDocuments()).as("nothing copied twice").isEqualTo(3);
    }

    @Test
    void historyCrossesBothWaysWholeAlsoWithTheServerStoppedInTheMiddle() {
        org.junit.jupiter.api.Assumptions.assumeFalse(TestStore.isRealServer(), "needs a server the test can stop");
        Post post = posts().create("History", "one");
        for (String text : List.of("one two", "one two three", "one two three four")) {
            post = posts().update(post.withText("History", text));
        }
        dev.blogdesk.store.PostRevisions here = new dev.blogdesk.store.PostRevisions(local.database());
        Object outcome;
        try (SyncRemote r = SyncRemote.open(new ConnectionProfile(remote.uri, remote.database, "posts"))) {
            SyncEngine engine = engine();
            engine.afterEachRevision(copied -> {
                if (copied == 2) {
                    remote.stop();
                }
            });
            try {
                outcome = engine.round(r);
            } catch (RuntimeException e) {
                outcome = e;
            }
        }
        assertThat(outcome).as("the round was cut off after two revisions").isInstanceOf(SyncUnavailableException.class);
        remote.start();
        dev.blogdesk.store.PostRevisions there = new dev.blogdesk.store.PostRevisions(remoteDatabase());
        assertThat(there.count(post.id())).isEqualTo(2);
        sync();
        assertThat(there.list(post.id())).extracting(dev.blogdesk.store.Revision::id)
                .containsExactlyElementsOf(here.list(post.id()).stream().map(dev.blogdesk.store.Revision::id).toList());
        for (var revision : there.list(post.id())) {
            assertThat(there.read(revision.id()).orElseThrow().content()).isEqualTo(here.read(revision.id()).orElseThrow().content());
        }

        // Saved on another BlogDesk: its revision comes down and rebuilds here.
        dev.blogdesk.store.MongoPostRepository elsewhere = new dev.blogdesk.store.MongoPostRepository(remoteDatabase());
        Post theirs = elsewhere.update(elsewhere.findById(post.id()).orElseThrow().withText("History", "one two three four five"));
        sync();
        assertThat(here.list(post.id())).hasSize(5);
        assertThat(here.read(here.list(post.id()).get(0).id()).orElseThrow().content()).isEqualTo(theirs.content());
        assertThat(sync().pulled()).isZero();
        assertThat(remoteDatabase().getCollection("post_revisions").countDocuments()).as("nothing copied twice").isEqualTo(5);
    }

    private com.mongodb.client.MongoDatabase remoteDatabase() {
        return remote.client.getDatabase(remote.database);
    }

    @Test
    void aPostChangedOnBothSidesIsAConflictForTheUserNeverAnOverwrite() {
        Post p = published("Shared", "original");
        Post q = published("Other", "original");
        Post r = published("Third", "original");
        sync();
        posts().update(posts().findById(p.id()).orElseThrow().withText("Shared", "mine"));
        remote.posts().updateOne(Filters.eq("_id", new ObjectId(p.id())), Updates.set("content", "theirs (Flask edit, no updated_at change)"));
        posts().update(posts().findById(q.id()).orElseThrow().withText("Other", "mine too"));
        remote.posts().updateOne(Filters.eq("_id", new ObjectId(q.id())),
                Updates.combine(Updates.set("content", "theirs too"), Updates.set("updated_at", new Date())));
        posts().update(posts().findById(r.id()).orElseThrow().withText("Third", "edited here"));
        remote.posts().deleteOne(Filters.eq("_id", new ObjectId(r.id())));

        SyncReport report = sync();
        assertThat(report.conflicts()).isEqualTo(3);
        assertThat(report.conflicted()).containsExactlyInAnyOrder(p.id(), q.id(), r.id());
        assertThat(posts().findById(p.id()).orElseThrow().content()).isEqualTo("mine");
        assertThat(remote.posts().find(Filters.eq("_id", new ObjectId(p.id()))).first().getString("content"))
                .startsWith("theirs");
        assertThat(sync().conflicts()).as("a conflict stays until the user decides").isEqualTo(3);

        List<SyncEngine.Conflict> conflicts = withEngine(SyncEngine::conflicts);
        assertThat(conflicts).extracting(c -> c.mine().getString("content"))
                .containsExactlyInAnyOrder("mine", "mine too", "edited here");
        withEngine(e -> {
            e.keepMine(p.id());
            e.keepTheirs(q.id());
            return e.keepBoth(r.id());
        });
        SyncReport resolved = sync();
        assertThat(resolved.conflicts()).isZero();
        assertThat(resolved.pending()).isZero();
        assertThat(remote.posts().find(Filters.eq("_id", new ObjectId(p.id()))).first().getString("content")).isEqualTo("mine");
        assertThat(posts().findById(q.id()).orElseThrow().content()).isEqualTo("theirs too");
        // Keep both: the server deleted "Third", so only my copy remains, on both sides.
        assertThat(posts().findById(r.id())).isEmpty();
        assertThat(localContents().values()).contains("Third (my copy)|edited here");
        assertThat(remoteContents()).isEqualTo(localContents());
    }
}
