package org.jwmi.cim.wql;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jwmi.cim.CimDateTime;

/**
 * The date literals a WQL WHERE clause accepts besides the CIM DATETIME form (WMI SDK "WQL-Supported Date
 * Formats"), optionally followed by a time {@code HH:MM[:SS[:mmm | .ffffff]] [AM|PM]}.
 *
 * <p>The SDK says numeric dates follow the server's locale; this implementation reads {@code yyyy-mm-dd} when
 * the first number has four digits and the United States order {@code mm-dd-yyyy} otherwise. Two-digit years
 * 00-49 are 20xx, 50-99 are 19xx. A date without time zone is taken in the zone given by the caller.
 */
public final class WqlDates {
    private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december"};
    private static final Pattern TIME = Pattern.compile(
            "(?:^|\\s+)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:([:.])(\\d{1,6}))?)?\\s*([AaPp][Mm])?\\s*$");
    private static final Pattern TOKEN = Pattern.compile("\\d+|[A-Za-z]+|[/\\-.,\\s]+");

    private WqlDates() {
    }

    /**
     * {@code text} as a datetime: the CIM form as it is, else one of the WQL date formats in {@code zone}.
     * Empty if it is neither.
     */
    public static Optional<CimDateTime> parse(String text, ZoneId zone) {
        if (text == null) {
            return Optional.empty();
        }
        if (CimDateTime.isValid(text)) {
            return Optional.of(CimDateTime.parse(text));
        }
        String s = text.strip();
        if (s.isEmpty() || s.length() > 64) {
            return Optional.empty();
        }
        int hour = 0;
        int minute = 0;
        int second = 0;
        int micros = 0;
        Matcher tm = TIME.matcher(s);
        if (tm.find()) {
            hour = Integer.parseInt(tm.group(1));
            minute = Integer.parseInt(tm.group(2));
            second = tm.group(3) == null ? 0 : Integer.parseInt(tm.group(3));
            if (tm.group(5) != null) {
                String f = tm.group(5);
                micros = tm.group(4).equals(":") ? Integer.parseInt(f) * 1000 : Integer.parseInt((f + "00000").substring(0, 6));
                if (tm.group(4).equals(":") && f.length() > 3) {
                    return Optional.empty();
                }
            }
            if (tm.group(6) != null) {
                boolean pm = Character.toLowerCase(tm.group(6).charAt(0)) == 'p';
                if (hour < 1 || hour > 12) {
                    return Optional.empty();
                }
                hour = hour % 12 + (pm ? 12 : 0);
            }
            s = s.substring(0, tm.start()).strip();
        }
        int[] ymd = date(s);
        if (ymd == null) {
            return Optional.empty();
        }
        try {
            LocalDateTime ldt = LocalDateTime.of(ymd[0], ymd[1], ymd[2], hour, minute, second, micros * 1000);
            return Optional.of(CimDateTime.of(ldt.atZone(zone).toOffsetDateTime()));
        } catch (DateTimeException | org.jwmi.cim.CimException e) {
            return Optional.empty();
        }
    }

    private static int month(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.length() < 3) {
            return 0;
        }
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].startsWith(w) && (w.length() == 3 || w.equals(MONTHS[i]))) {
                return i + 1;
            }
        }
        return 0;
    }

    private static int year(String digits) {
        int y = Integer.parseInt(digits);
        if (digits.length() <= 2) {
            return y < 50 ? 2000 + y : 1900 + y;
        }
        return digits.length() == 4 ? y : -1;
    }

    /** {year, month, day} or null. */
    private static int[] date(String s) {
        if (s.isEmpty()) {
            return null;
        }
        Matcher m = TOKEN.matcher(s);
        List<String> nums = new ArrayList<>();
        List<String> seps = new ArrayList<>();
        int mon = 0;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                return null;
            }
            end = m.end();
            String t = m.group();
            if (Character.isDigit(t.charAt(0))) {
                if (t.length() > 8) {
                    return null;
                }
                nums.add(t);
            } else if (Character.isLetter(t.charAt(0))) {
                if (mon != 0) {
                    return null;
                }
                mon = month(t);
                if (mon == 0) {
                    return null;
                }
            } else {
                seps.add(t.strip());
            }
        }
        if (end != s.length()) {
            return null;
        }
        if (mon != 0) {
            if (nums.size() == 1) {
                int y = year(nums.get(0));
                return nums.get(0).length() == 4 ? new int[] {y, mon, 1} : null;
            }
            if (nums.size() != 2) {
                return null;
            }
            String a = nums.get(0);
            String b = nums.get(1);
            // the year is the number written with four digits or above 31; if neither is, "day year"
            boolean aIsYear = a.length() == 4 || Integer.parseInt(a) > 31;
            int y = aIsYear ? year(a) : year(b);
            int d = Integer.parseInt(aIsYear ? b : a);
            return y < 0 ? null : new int[] {y, mon, d};
        }
        if (nums.size() == 1) {
            String n = nums.get(0);
            return switch (n.length()) {
                case 8 -> new int[] {Integer.parseInt(n.substring(0, 4)), Integer.parseInt(n.substring(4, 6)),
                    Integer.parseInt(n.substring(6, 8))};
                case 6 -> new int[] {year(n.substring(0, 2)), Integer.parseInt(n.substring(2, 4)),
                    Integer.parseInt(n.substring(4, 6))};
                case 4 -> new int[] {Integer.parseInt(n), 1, 1};
                default -> null;
            };
        }
        if (nums.size() != 3 || seps.size() != 2 || !seps.get(0).equals(seps.get(1))
                || !(seps.get(0).equals("/") || seps.get(0).equals("-") || seps.get(0).equals("."))) {
            return null;
        }
        String a = nums.get(0);
        String b = nums.get(1);
        String c = nums.get(2);
        if (a.length() == 4) {
            return b.length() <= 2 && c.length() <= 2 ? new int[] {Integer.parseInt(a), Integer.parseInt(b),
                Integer.parseInt(c)} : null;
        }
        if (a.length() > 2 || b.length() > 2) {
            return null;
        }
        int y = year(c);
        return y < 0 ? null : new int[] {y, Integer.parseInt(a), Integer.parseInt(b)};
    }
}
