package org.jwmi.cim;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A CIM datetime value (WMI SDK "CIM_DATETIME" and "Interval Format"), held as its fixed-length 25-character text.
 *
 * <ul>
 *   <li>timestamp {@code yyyymmddHHMMSS.mmmmmmsUUU}: {@code s} is {@code +} or {@code -}, {@code UUU} the UTC
 *       offset in minutes. A field may be replaced entirely by asterisks (an unspecified field, e.g. "April first"
 *       of any year: {@code ****0401******.000000+***}); the microseconds field may also end in asterisks (reduced
 *       precision, as DMTF allows).</li>
 *   <li>interval {@code ddddddddHHMMSS.mmmmmm:000}: always ends in {@code :000}; asterisks are not allowed.</li>
 * </ul>
 *
 * <p>Only the shape is checked, not the ranges of the fields: WMI providers do return values such as
 * {@code 00000000000000.000000+000}, which must survive a round trip; {@link #toOffsetDateTime()} is empty for
 * them. Equality is character-for-character, as WMI compares datetimes that contain asterisks. Immutable.
 */
public final class CimDateTime {
    private static final int LENGTH = 25;
    private final String text;
    /** Cache of {@link #toOffsetDateTime()}: null until computed; a benign race, the value is immutable. */
    private Optional<OffsetDateTime> point;

    private CimDateTime(String text) {
        this.text = text;
    }

    /**
     * Parses the 25-character form.
     *
     * @throws CimException WBEM_E_TYPE_MISMATCH if {@code text} is not a CIM datetime
     */
    public static CimDateTime parse(String text) {
        String why = check(text);
        if (why != null) {
            throw new CimException(WbemStatus.WBEM_E_TYPE_MISMATCH,
                    "not a CIM datetime (" + why + "): \"" + abbreviate(text) + "\"");
        }
        return new CimDateTime(text);
    }

    /** True if {@code text} is a CIM datetime (timestamp or interval). */
    public static boolean isValid(String text) {
        return check(text) == null;
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static String check(String t) {
        if (t == null || t.length() != LENGTH) {
            return "length must be 25";
        }
        if (t.charAt(14) != '.') {
            return "'.' expected at position 14";
        }
        char sign = t.charAt(21);
        if (sign == ':') {
            if (!t.endsWith(":000")) {
                return "an interval ends in :000";
            }
            for (int i = 0; i < 21; i++) {
                if (i != 14 && !digit(t.charAt(i))) {
                    return "intervals are all digits";
                }
            }
            return null;
        }
        if (sign != '+' && sign != '-') {
            return "'+', '-' or ':' expected at position 21";
        }
        int[][] fields = {{0, 4}, {4, 6}, {6, 8}, {8, 10}, {10, 12}, {12, 14}, {22, 25}};
        for (int[] f : fields) {
            if (!allDigits(t, f[0], f[1]) && !allStars(t, f[0], f[1])) {
                return "field at " + f[0] + " must be all digits or all asterisks";
            }
        }
        // microseconds: digits, optionally followed by asterisks
        int i = 15;
        while (i < 21 && digit(t.charAt(i))) {
            i++;
        }
        while (i < 21 && t.charAt(i) == '*') {
            i++;
        }
        if (i != 21) {
            return "microseconds must be digits followed by asterisks";
        }
        return null;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean allDigits(String t, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!digit(t.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean allStars(String t, int from, int to) {
        for (int i = from; i < to; i++) {
            if (t.charAt(i) != '*') {
                return false;
            }
        }
        return true;
    }

    /** A timestamp for {@code t}, to the microsecond; the offset must be whole minutes within +-999. */
    public static CimDateTime of(OffsetDateTime t) {
        int offSeconds = t.getOffset().getTotalSeconds();
        if (offSeconds % 60 != 0 || Math.abs(offSeconds / 60) > 999) {
            throw new CimException(WbemStatus.WBEM_E_VALUE_OUT_OF_RANGE, "UTC offset not representable: " + t.getOffset());
        }
        if (t.getYear() < 0 || t.getYear() > 9999) {
            throw new CimException(WbemStatus.WBEM_E_VALUE_OUT_OF_RANGE, "year out of range: " + t.getYear());
        }
        int off = offSeconds / 60;
        return new CimDateTime(String.format("%04d%02d%02d%02d%02d%02d.%06d%c%03d", t.getYear(), t.getMonthValue(),
                t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1000,
                off < 0 ? '-' : '+', Math.abs(off)));
    }

    /** An interval of {@code d} (non-negative, below 100,000,000 days), to the microsecond. */
    public static CimDateTime ofInterval(Duration d) {
        if (d.isNegative() || d.toDays() > 99_999_999L) {
            throw new CimException(WbemStatus.WBEM_E_VALUE_OUT_OF_RANGE, "interval out of range: " + d);
        }
        return new CimDateTime(String.format("%08d%02d%02d%02d.%06d:000", d.toDays(), d.toHoursPart(),
                d.toMinutesPart(), d.toSecondsPart(), d.toNanosPart() / 1000));
    }

    /** The 25-character text. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    public boolean isInterval() {
        return text.charAt(21) == ':';
    }

    /** True if any field is (partly) unspecified. */
    public boolean hasWildcards() {
        return text.indexOf('*') >= 0;
    }

    private OptionalInt field(int from, int to) {
        return allDigits(text, from, to) ? OptionalInt.of(Integer.parseInt(text.substring(from, to))) : OptionalInt.empty();
    }

    /** Timestamp year, if specified (empty for intervals). */
    public OptionalInt year() {
        return isInterval() ? OptionalInt.empty() : field(0, 4);
    }

    public OptionalInt month() {
        return isInterval() ? OptionalInt.empty() : field(4, 6);
    }

    public OptionalInt day() {
        return isInterval() ? OptionalInt.empty() : field(6, 8);
    }

    /** Interval days (empty for timestamps). */
    public OptionalInt days() {
        return isInterval() ? field(0, 8) : OptionalInt.empty();
    }

    public OptionalInt hour() {
        return field(8, 10);
    }

    public OptionalInt minute() {
        return field(10, 12);
    }

    public OptionalInt second() {
        return field(12, 14);
    }

    /** Microseconds, if all six digits are present. */
    public OptionalInt microseconds() {
        return field(15, 21);
    }

    /** UTC offset in minutes (signed), if specified (empty for intervals). */
    public OptionalInt utcOffsetMinutes() {
        if (isInterval()) {
            return OptionalInt.empty();
        }
        OptionalInt u = field(22, 25);
        return u.isPresent() && text.charAt(21) == '-' ? OptionalInt.of(-u.getAsInt()) : u;
    }

    /**
     * The point in time of a fully specified timestamp. Empty for intervals, timestamps with asterisks and dates
     * that do not exist (e.g. February 31, which the format itself does not reject).
     */
    public Optional<OffsetDateTime> toOffsetDateTime() {
        Optional<OffsetDateTime> p = point;
        if (p == null) {
            p = computePoint();
            point = p;
        }
        return p;
    }

    private Optional<OffsetDateTime> computePoint() {
        if (isInterval() || hasWildcards()) {
            return Optional.empty();
        }
        try {
            int off = utcOffsetMinutes().getAsInt();
            if (Math.abs(off) > 18 * 60) {
                return Optional.empty();
            }
            return Optional.of(OffsetDateTime.of(year().getAsInt(), month().getAsInt(), day().getAsInt(),
                    hour().getAsInt(), minute().getAsInt(), second().getAsInt(), microseconds().getAsInt() * 1000,
                    ZoneOffset.ofTotalSeconds(off * 60)));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The length of an interval; empty for timestamps. */
    public Optional<Duration> toDuration() {
        if (!isInterval()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofDays(days().getAsInt()).plusHours(hour().getAsInt())
                .plusMinutes(minute().getAsInt()).plusSeconds(second().getAsInt())
                .plusNanos(microseconds().getAsInt() * 1000L));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CimDateTime d && d.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
