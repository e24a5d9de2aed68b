package dev.blogdesk.importer;

import com.mongodb.client.gridfs.GridFSBuckets;
import dev.blogdesk.store.PostImages;
import dev.blogdesk.testing.SqliteFiles;
import dev.blogdesk.testing.TestImages;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The images a Ghost or WordPress blog's posts link to on the old site: brought into GridFS from the
 * old site's folder and relinked, or, not found, listed and left as they were; remote ones untouched.
 */
class OldSiteImagesTest extends ImporterFixture {

    private Path blog() throws Exception {
        Path file = dir.resolve("blog.db");
        SqliteFiles.exec(file, "CREATE TABLE posts (id INTEGER PRIMARY KEY, title TEXT, content TEXT, created_at TEXT)",
                "INSERT INTO posts VALUES (1, 'Harbour', '<p>Look:</p><p><img src=\"/content/images/2020/05/boat.png\" alt=\"A boat\"></p>"
                        + "<p><img src=\"https://cdn.example.com/remote.png\" alt=\"Remote\"></p>', '2020-05-01 10:00:00')",
                "INSERT INTO posts VALUES (2, 'Again', 'The same boat: ![Boat](/content/images/2020/05/boat.png) and "
                        + "![Gone](wp-content/uploads/2019/01/lost.jpg)', '2020-05-02 10:00:00')");
        return file;
    }

    @Test
    void withoutTheOldSitesFolderTheLinksStayAndAreListedAsNotImported() throws Exception {
        ImportReport report = engine.run(ImportRequest.of(blog(), null), ImportProgress.NONE);
        assertThat(post("Harbour").getString("content")).contains("![A boat](/content/images/2020/05/boat.png)")
                .contains("https://cdn.example.com/remote.png");
        assertThat(report.counts().imagesNotFound()).isEqualTo(2);
        assertThat(report.problems()).filteredOn(p -> p.reason() == ImportProblem.Reason.IMAGE_NOT_FOUND)
                .extracting(ImportProblem::message).containsExactly(
                        "Not imported: /content/images/2020/05/boat.png (not found: no folder of the old site was given).",
                        "Not imported: /content/images/2020/05/boat.png (not found: no folder of the old site was given), "
                                + "wp-content/uploads/2019/01/lost.jpg (not found: no folder of the old site was given).");
    }

    @Test
    void theOldSitesFolderBringsTheImagesIntoGridFsOnceAndARerunWithItRelinksPostsImportedBefore() throws Exception {
        Path blog = blog();
        engine.run(ImportRequest.of(blog, null), ImportProgress.NONE);
        Path site = dir.resolve("ghost-site");
        byte[] boat = TestImages.png(40, 30, 7);
        Files.createDirectories(site.resolve("content/images/2020/05"));
        Files.write(site.resolve("content/images/2020/05/boat.png"), boat);
        Path secret = Files.writeString(dir.resolve("secret.txt"), "not for the blog");

        ImportReport report = engine.run(ImportRequest.of(blog, null).withImages(site, "/uploads/"), ImportProgress.NONE);
        assertThat(report.updated()).as("the row did not change, but its image is found now").isEqualTo(2);
        String name = PostImages.nameFor(boat, dev.blogdesk.store.ImageType.PNG);
        assertThat(post("Harbour").getString("content")).contains("![A boat](/uploads/" + name + ")")
                .contains("https://cdn.example.com/remote.png");
        assertThat(post("Again").getString("content")).contains("![Boat](/uploads/" + name + ")")
                .contains("![Gone](wp-content/uploads/2019/01/lost.jpg)");
        assertThat(report.counts().imagesImported()).isEqualTo(1);
        assertThat(report.counts().imagesNotFound()).isEqualTo(1);
        assertThat(report.verified()).as(report.verification().message()).isTrue();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GridFSBuckets.create(store.database()).downloadToStream(name, out);
        assertThat(out.toByteArray()).isEqualTo(boat);
        assertThat(store.database().getCollection("fs.files").countDocuments()).isEqualTo(1);
        assertThat(post("Harbour").get("legacy", Document.class).getString("original")).contains("/content/images/2020/05/boat.png");

        ImportReport again = engine.run(ImportRequest.of(blog, null).withImages(site, "/uploads/"), ImportProgress.NONE);
        assertThat(again.unchanged()).isEqualTo(2);
        ImportReport without = engine.run(ImportRequest.of(blog, null), ImportProgress.NONE);
        assertThat(without.unchanged()).as("a run without the folder never undoes the links").isEqualTo(2);
        assertThat(post("Harbour").getString("content")).contains("/uploads/" + name);
        assertThat(Files.readString(secret)).isEqualTo("not for the blog");
    }

    @Test
    void aLinkThatClimbsOutOfTheFolderOrIsNoImageIsNotImported() throws Exception {
        Path file = dir.resolve("tricky.db");
        SqliteFiles.exec(file, "CREATE TABLE posts (id INTEGER PRIMARY KEY, title TEXT, content TEXT)",
                "INSERT INTO posts VALUES (1, 'Tricky', '![x](/uploads/../../secret.png) ![y](/uploads/notes.png)')");
        Path site = Files.createDirectories(dir.resolve("site/uploads"));
        Files.writeString(site.resolve("notes.png"), "just text");
        Files.write(dir.resolve("secret.png"), TestImages.png(4, 4, 1));
        ImportReport report = engine.run(ImportRequest.of(file, null).withImages(dir.resolve("site"), "/uploads/"), ImportProgress.NONE);
        assertThat(post("Tricky").getString("content")).isEqualTo("![x](/uploads/../../secret.png) ![y](/uploads/notes.png)");
        assertThat(report.counts().imagesImported()).isZero();
        assertThat(report.problems()).filteredOn(p -> p.reason() == ImportProblem.Reason.IMAGE_NOT_FOUND)
                .extracting(ImportProblem::message).singleElement().asString()
                .contains("/uploads/notes.png (not a PNG, JPEG, GIF, WebP or SVG image)");
        assertThat(store.database().getCollection("fs.files").countDocuments()).isZero();
    }
}
