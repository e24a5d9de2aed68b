package dev.blogdesk.importer;

import dev.blogdesk.store.ImageType;
import dev.blogdesk.store.PostImages;
import dev.blogdesk.store.StoreException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The images an old blog's posts link to on the old site itself ({@code /content/images/…} in Ghost,
 * {@code wp-content/uploads/…} in WordPress, {@code /uploads/…} or {@code /static/uploads/…} in Flask
 * blogs). Given the old site's folder, each one found there is stored in GridFS once and the link
 * rewritten to the image URL prefix; without the folder, or when the file is not there, the link stays
 * as it was and is reported. Remote {@code http(s)} images are left alone.
 */
final class LegacyImages {

    /** A post's Markdown image and an HTML {@code <img src>}: the link is group 2 or 4. */
    private static final Pattern IMAGE = Pattern.compile(
            "(!\\[[^\\]\\n]*]\\(\\s*<?)([^)\\s>]+)|(<img\\b[^>]*?\\bsrc\\s*=\\s*[\"'])([^\"']+)");
    private static final Pattern OLD_SITE = Pattern.compile("(?i)^(?:\\.{0,2}/)*(?:[\\w.-]+/)*?(content/images/|wp-content/uploads/|"
            + "static/uploads/|uploads/|media/|images/)\\S+$");

    /** What became of a link. */
    private record Outcome(String filename, String problem) {
    }

    private final Path siteFolder;
    private final PostImages images;
    private final String prefix;
    private final boolean store;
    private final Map<String, Outcome> seen = new HashMap<>();
    /** Distinct images found and stored (or, in a dry run, to be stored), and distinct links not found. */
    long imported;
    long notFound;

    /**
     * @param siteFolder the old site's folder, or null when the user gave none
     * @param store      false for a dry run: the images are read and counted, not written
     */
    LegacyImages(Path siteFolder, PostImages images, String prefix, boolean store) {
        this.siteFolder = siteFolder == null ? null : siteFolder.toAbsolutePath().normalize();
        this.images = images;
        this.prefix = prefix.endsWith("/") ? prefix : prefix + "/";
        this.store = store;
    }

    /** A post's text with its links to the old site's images rewritten, and how many were. */
    record Rewritten(String text, int links) {
    }

    /** The Markdown with links to the old site's images that were found rewritten; one problem for those that were not. */
    Rewritten rewrite(String markdown, Object rowId, String table, List<ImportProblem> problems) {
        if (markdown.indexOf("![") < 0 && markdown.toLowerCase(Locale.ROOT).indexOf("<img") < 0) {
            return new Rewritten(markdown, 0);
        }
        int rewritten = 0;
        Matcher m = IMAGE.matcher(markdown);
        StringBuilder out = new StringBuilder();
        List<String> missing = new ArrayList<>();
        while (m.find()) {
            int group = m.group(2) != null ? 2 : 4;
            String link = m.group(group);
            Optional<Outcome> outcome = oldSite(link) ? Optional.of(resolve(link)) : Optional.empty();
            String replacement = outcome.map(Outcome::filename).map(f -> prefix + f).orElse(link);
            rewritten += replacement.equals(link) ? 0 : 1;
            outcome.map(Outcome::problem).ifPresent(p -> missing.add(link + " (" + p + ")"));
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(group - 1) + replacement));
        }
        m.appendTail(out);
        if (!missing.isEmpty()) {
            problems.add(new ImportProblem(table, rowId, ImportProblem.Reason.IMAGE_NOT_FOUND, "Not imported: " + String.join(", ", missing) + "."));
        }
        return new Rewritten(out.toString(), rewritten);
    }

    private boolean oldSite(String link) {
        String l = link.toLowerCase(Locale.ROOT);
        if (l.startsWith("http:") || l.startsWith("https:") || l.startsWith("data:") || l.startsWith("//")) {
            return false;
        }
        String path = link.replaceFirst("[?#].*$", "");
        return OLD_SITE.matcher(path).matches() && !PostImages.isContentName(path.substring(path.lastIndexOf('/') + 1));
    }

    /** Each image is read once, however many posts show it, and counted once. */
    private Outcome resolve(String link) {
        return seen.computeIfAbsent(link, l -> {
            Outcome outcome = load(l);
            if (outcome.filename() != null) {
                imported++;
            } else {
                notFound++;
            }
            return outcome;
        });
    }

    private Outcome load(String link) {
        if (siteFolder == null) {
            return new Outcome(null, "not found: no folder of the old site was given");
        }
        Path file = find(link.replaceFirst("[?#].*$", ""));
        if (file == null) {
            return new Outcome(null, "not found in " + siteFolder.getFileName());
        }
        try {
            if (Files.size(file) > PostImages.MAX_BYTES) {
                return new Outcome(null, "over 16 MB");
            }
            byte[] bytes = Files.readAllBytes(file);
            ImageType type = ImageType.sniff(bytes);
            if (type == null) {
                return new Outcome(null, "not a PNG, JPEG, GIF, WebP or SVG image");
            }
            return new Outcome(store ? images.put(bytes, type.contentType()).filename() : PostImages.nameFor(bytes, type), null);
        } catch (IOException | StoreException e) {
            return new Outcome(null, "unreadable: " + e.getMessage());
        }
    }

    /**
     * The file a link names inside the old site's folder: the path as it is, then with its leading
     * folders dropped one by one (the folder given may be the site, its {@code content} or its
     * {@code uploads}). Never a file outside that folder.
     */
    private Path find(String link) {
        String[] parts = link.replace('\\', '/').replaceFirst("^(?:\\.{0,2}/)+", "").split("/");
        for (int from = 0; from < parts.length; from++) {
            Path candidate = siteFolder;
            for (int i = from; i < parts.length; i++) {
                if (parts[i].isEmpty() || parts[i].equals(".") || parts[i].equals("..")) {
                    return null;
                }
                // %20 and the like are decoded; a '+' in a file name stays a '+'.
                candidate = candidate.resolve(java.net.URLDecoder.decode(parts[i].replace("+", "%2B"),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
            candidate = candidate.normalize();
            if (candidate.startsWith(siteFolder) && Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
