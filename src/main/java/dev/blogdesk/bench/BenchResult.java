package dev.blogdesk.bench;

import org.bson.Document;

/** One figure of the benchmark suite, measured against a baseline run in the same process. */
public record BenchResult(String name, double value, String unit, double baseline) {

    public double ratio() {
        return baseline == 0 ? 0 : value / baseline;
    }

    /** The CLI contract: {@code {"name", "value", "unit", "baseline", "ratio"}}. */
    public String toJson() {
        return new Document("name", name).append("value", round(value)).append("unit", unit)
                .append("baseline", round(baseline)).append("ratio", Math.round(ratio() * 1000) / 1000.0).toJson();
    }

    public String toLine() {
        return String.format("%-24s %12.1f %-8s baseline %12.1f  ratio %.3f", name, value, unit, baseline, ratio());
    }

    /** The middle of {@code values} (the upper one of two): the figure a noisy machine's runs are reported by. */
    static double median(java.util.List<Double> values) {
        java.util.List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
