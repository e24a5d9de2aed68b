package dev.blogdesk.importer;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Dates as legacy SQLite blogs store them, parsed with java.time, never with
 * {@code ResultSet.getTimestamp} (which misreads microseconds and applies the JVM's zone).
 * Text: {@code YYYY-MM-DD}, with {@code ' '} or {@code 'T'} and {@code HH:MM[:SS[.f{1,9}]]}, then an
 * optional {@code Z}, {@code UTC} or offset; dates written out in English ("August 11, 2022",
 * "11 Aug 2022 3:05 PM"); naive values are in the chosen zone. Integers: epoch
 * seconds, or milliseconds when too large to be seconds. A value that cannot be parsed is an error,
 * never "now" and never a guess.
 */
public final class DateParser {

    /** Epoch values at or above this are milliseconds: as seconds they would be after the year 5000. */
    static final long MILLIS_THRESHOLD = 100_000_000_000L;
    private static final Pattern TEXT = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:[ T](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?\\s*(Z|z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?");
    private static final String MONTH = "(?<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?<rest>[a-z]*)\\.?";
    private static final String DAY = "(?<day>\\d{1,2})(?:st|nd|rd|th)?";
    private static final String CLOCK = "(?:(?:,\\s*|\\s+(?:at\\s+)?)(?<h>\\d{1,2}):(?<m>\\d{2})(?::(?<s>\\d{2}))?\\s*(?<ampm>am|pm|a\\.m\\.|p\\.m\\.)?)?";
    /** "August 11, 2022", "Aug 11 2022 3:05 PM", "11 August 2022", "Thursday, August 11, 2022": English month names. */
    private static final Pattern HUMAN = Pattern.compile("(?i)(?:[a-z]+,?\\s+)?(?:" + MONTH + "\\s+" + DAY + ",?|" + DAY.replace("day>", "day2>")
            + "\\s+" + MONTH.replace("month>", "month2>").replace("rest>", "rest2>") + ",?)\\s+(?<year>\\d{4})" + CLOCK);
    private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,19}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}\\.\\d{1,9}");

    /** The parsed instant, or a short human reason why the value is not a date. */
    public record Result(Instant instant, String problem) {
        static Result ok(Instant i) {
            return new Result(i, null);
        }

        static Result fail(String why) {
            return new Result(null, why);
        }

        public boolean isOk() {
            return instant != null;
        }
    }

    private DateParser() {
    }

    public static Result parseText(String raw, ZoneId zone) {
        String s = raw.strip();
        if (s.isEmpty()) {
            return Result.fail("the date is empty");
        }
        if (INTEGER.matcher(s).matches()) {
            try {
                return parseEpoch(Long.parseLong(s));
            } catch (NumberFormatException e) {
                return Result.fail("\"" + abbreviate(s) + "\" is not a date (number out of range)");
            }
        }
        if (DECIMAL.matcher(s).matches()) {
            return parseEpochDecimal(new BigDecimal(s));
        }
        Matcher m = TEXT.matcher(s);
        if (!m.matches()) {
            Matcher h = HUMAN.matcher(s);
            return h.matches() ? parseHuman(h, s, zone) : Result.fail("\"" + abbreviate(s) + "\" is not a date in a known format");
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            LocalTime time = LocalTime.MIDNIGHT;
            if (m.group(4) != null) {
                int nanos = 0;
                if (m.group(7) != null) {
                    String fraction = (m.group(7) + "000000000").substring(0, 9);
                    nanos = Integer.parseInt(fraction);
                }
                time = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                        m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
            }
            LocalDateTime local = LocalDateTime.of(date, time);
            String zoneText = m.group(8);
            if (zoneText == null) {
                return Result.ok(local.atZone(zone).toInstant());
            }
            ZoneOffset offset = switch (zoneText.toUpperCase(java.util.Locale.ROOT)) {
                case "Z", "UTC", "GMT" -> ZoneOffset.UTC;
                default -> ZoneOffset.of(zoneText); // accepts +hh, +hhmm and +hh:mm
            };
            return Result.ok(local.toInstant(offset));
        } catch (DateTimeException e) {
            return Result.fail("\"" + abbreviate(s) + "\" is not a valid date (" + e.getMessage() + ")");
        }
    }

    /** A date written out in English; naive, so in {@code zone}. */
    private static Result parseHuman(Matcher h, String s, ZoneId zone) {
        String month = (h.group("month") != null ? h.group("month") + h.group("rest") : h.group("month2") + h.group("rest2"))
                .toLowerCase(java.util.Locale.ROOT);
        int monthNumber = -1;
        for (int i = 0; i < MONTHS.size(); i++) {
            if (MONTHS.get(i).startsWith(month)) {
                monthNumber = i + 1;
            }
        }
        if (monthNumber < 0) {
            return Result.fail("\"" + abbreviate(s) + "\" is not a date in a known format");
        }
        try {
            int day = Integer.parseInt(h.group("day") != null ? h.group("day") : h.group("day2"));
            LocalDate date = LocalDate.of(Integer.parseInt(h.group("year")), monthNumber, day);
            LocalTime time = LocalTime.MIDNIGHT;
            if (h.group("h") != null) {
                int hour = Integer.parseInt(h.group("h"));
                String ampm = h.group("ampm") == null ? "" : h.group("ampm").toLowerCase(java.util.Locale.ROOT);
                if (!ampm.isEmpty() && (hour < 1 || hour > 12)) {
                    return Result.fail("\"" + abbreviate(s) + "\" is not a valid time (" + hour + " " + ampm + ")");
                }
                if (ampm.startsWith("p") && hour != 12) {
                    hour += 12;
                } else if (ampm.startsWith("a") && hour == 12) {
                    hour = 0;
                }
                time = LocalTime.of(hour, Integer.parseInt(h.group("m")), h.group("s") == null ? 0 : Integer.parseInt(h.group("s")));
            }
            return Result.ok(LocalDateTime.of(date, time).atZone(zone).toInstant());
        } catch (DateTimeException e) {
            return Result.fail("\"" + abbreviate(s) + "\" is not a valid date (" + e.getMessage() + ")");
        }
    }

    public static Result parseEpoch(long value) {
        try {
            return Result.ok(Math.abs(value) >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value));
        } catch (DateTimeException | ArithmeticException e) {
            return Result.fail(value + " is out of the range of dates");
        }
    }

    public static Result parseEpochDecimal(BigDecimal value) {
        try {
            boolean millis = value.abs().compareTo(BigDecimal.valueOf(MILLIS_THRESHOLD)) >= 0;
            BigDecimal nanos = value.movePointRight(millis ? 6 : 9);
            BigDecimal[] parts = nanos.divideAndRemainder(BigDecimal.valueOf(1_000_000_000L));
            return Result.ok(Instant.ofEpochSecond(parts[0].longValueExact(), parts[1].longValue()));
        } catch (DateTimeException | ArithmeticException e) {
            return Result.fail(value.toPlainString() + " is out of the range of dates");
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
