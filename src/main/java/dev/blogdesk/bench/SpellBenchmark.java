package dev.blogdesk.bench;

import dev.blogdesk.app.FxTaskExecutor;
import dev.blogdesk.spelling.LanguageToolWords;
import dev.blogdesk.spelling.SpellLanguage;
import dev.blogdesk.spelling.UserDictionary;
import dev.blogdesk.ui.editor.MarkdownEditor;
import dev.blogdesk.ui.editor.SpellingViewModel;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Spelling in the real editor (RichTextFX, headless on Monocle without a display), on a generated
 * 100 KB post with one word in fifty misspelt:
 * <ul>
 * <li>{@code spell.first_check_ms.100kb}: the post put in the editor until its last squiggle is drawn
 *     (dictionary already loaded); baseline: the same post until its highlighting is drawn, spelling off;</li>
 * <li>{@code spell.fx_max_ms.100kb}: the longest the FX thread was busy while typing 20 words into it,
 *     spelling on (goal ≤ 16 ms); baseline: the same typing with spelling off;</li>
 * <li>{@code spell.load_ms}: loading the English dictionary, off the FX thread, at the first start.</li>
 * </ul>
 */
public final class SpellBenchmark {

    private static final String MISSPELT = "wirting";
    private final PrintStream log;

    public SpellBenchmark(PrintStream log) {
        this.log = log;
    }

    /** Spelling as the app has it by default here: English (US), loaded before this returns. */
    static SpellingViewModel englishSpelling(FxTaskExecutor executor) throws InterruptedException {
        SpellingViewModel spelling = new SpellingViewModel(executor, LanguageToolWords::new, UserDictionary::inMemory);
        spelling.languageProperty().set(SpellLanguage.ENGLISH_US);
        PreviewBenchmark.waitFor(spelling::isChecking, 120_000);
        return spelling;
    }

    public List<BenchResult> run() throws Exception {
        PreviewBenchmark.startToolkit();
        String text = misspelt(PreviewBenchmark.generate(100 * 1024));
        long expected = text.split(MISSPELT, -1).length - 1;
        List<BenchResult> results = new ArrayList<>();
        try (FxTaskExecutor executor = new FxTaskExecutor(2)) {
            long started = System.nanoTime();
            SpellingViewModel spelling = englishSpelling(executor);
            double loadMs = (System.nanoTime() - started) / 1e6;
            for (int warm = 0; warm < 2; warm++) {
                open(text, executor, spelling, expected);
                open(text, executor, null, expected);
            }
            List<Double> on = new ArrayList<>();
            List<Double> off = new ArrayList<>();
            double[] fxOn = {0};
            double[] fxOff = {0};
            for (int run = 0; run < 5; run++) {
                on.add(open(text, executor, spelling, expected));
                off.add(open(text, executor, null, expected));
            }
            fxOn[0] = typing(text, executor, spelling);
            fxOff[0] = typing(text, executor, null);
            log.printf("bench spell: dictionary loaded in %.0f ms; 100 KB post checked and drawn in %.0f ms (highlighting alone %.0f ms); "
                    + "FX thread busy at most %.1f ms while typing (%.1f ms without spelling)%n",
                    loadMs, BenchResult.median(on), BenchResult.median(off), fxOn[0], fxOff[0]);
            results.add(new BenchResult("spell.first_check_ms.100kb", BenchResult.median(on), "ms", BenchResult.median(off)));
            results.add(new BenchResult("spell.fx_max_ms.100kb", fxOn[0], "ms", fxOff[0]));
            results.add(new BenchResult("spell.load_ms", loadMs, "ms", 0));
        }
        return results;
    }

    /** One word in fifty replaced by a misspelt one. */
    private static String misspelt(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int words = 0;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("## ") || line.startsWith("|") || line.startsWith("```") || line.startsWith("int ") || line.startsWith("-")) {
                out.append(line).append('\n');
                continue;
            }
            for (String w : line.split(" ", -1)) {
                out.append(++words % 50 == 0 && w.matches("[a-z]+") ? MISSPELT : w).append(' ');
            }
            out.setLength(out.length() - 1);
            out.append('\n');
        }
        return out.toString();
    }

    private record Shown(Stage stage, MarkdownEditor editor) {
    }

    private static Shown show(FxTaskExecutor executor, SpellingViewModel spelling, SimpleStringProperty content) throws Exception {
        Shown[] shown = new Shown[1];
        PreviewBenchmark.onFx(() -> {
            MarkdownEditor editor = new MarkdownEditor(content, executor);
            if (spelling != null) {
                editor.useSpelling(spelling);
            }
            Stage stage = new Stage();
            stage.setScene(new Scene(editor.node(), 900, 800));
            stage.show();
            shown[0] = new Shown(stage, editor);
        });
        return shown[0];
    }

    /** Milliseconds from the text going in until it is drawn: every squiggle (spelling on) or the highlighting. */
    private static double open(String text, FxTaskExecutor executor, SpellingViewModel spelling, long squiggles) throws Exception {
        SimpleStringProperty content = new SimpleStringProperty("");
        Shown shown = show(executor, spelling, content);
        CodeArea area = shown.editor().area();
        int lastHeading = text.lastIndexOf("## ");
        int lastMisspelt = text.lastIndexOf(MISSPELT);
        long[] t0 = new long[1];
        PreviewBenchmark.onFx(() -> {
            t0[0] = System.nanoTime();
            content.set(text);
        });
        PreviewBenchmark.waitFor(() -> onFx(() -> spelling != null
                ? area.getStyleOfChar(lastMisspelt + 1).contains("spell-error")
                : area.getStyleOfChar(lastHeading + 1).contains("md-heading")), 60_000);
        double ms = (System.nanoTime() - t0[0]) / 1e6;
        PreviewBenchmark.onFx(() -> shown.stage().close());
        return ms;
    }

    private static boolean onFx(java.util.concurrent.Callable<Boolean> read) {
        java.util.concurrent.CompletableFuture<Boolean> answer = new java.util.concurrent.CompletableFuture<>();
        javafx.application.Platform.runLater(() -> {
            try {
                answer.complete(read.call());
            } catch (Exception e) {
                answer.complete(false);
            }
        });
        try {
            return answer.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }

    /** The FX thread's longest busy stretch while typing 20 words (one misspelt in four) into the open post. */
    private static double typing(String text, FxTaskExecutor executor, SpellingViewModel spelling) throws Exception {
        SimpleStringProperty content = new SimpleStringProperty("");
        Shown shown = show(executor, spelling, content);
        CodeArea area = shown.editor().area();
        PreviewBenchmark.onFx(() -> content.set(text));
        Thread.sleep(1500); // the first check and highlighting are drawn
        PreviewBenchmark.FxStallProbe probe = new PreviewBenchmark.FxStallProbe();
        probe.start();
        int caret = text.indexOf("\n\n", text.length() / 2) + 2;
        for (int k = 0; k < 20; k++) {
            String word = k % 4 == 0 ? "tpyo " : "word ";
            for (char c : word.toCharArray()) {
                int at = caret++;
                PreviewBenchmark.onFx(() -> area.insertText(at, String.valueOf(c)));
                Thread.sleep(40); // a quick typist
            }
        }
        Thread.sleep(500);
        double max = probe.stop();
        PreviewBenchmark.onFx(() -> shown.stage().close());
        return max;
    }
}
