package org.jwmi.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jwmi.cim.CimName;
import org.jwmi.cim.CimObject;
import org.jwmi.cim.CimType;
import org.jwmi.cim.CimValue;

/**
 * Prints CIM objects as a table (aligned, fitted to a width), JSON lines (one object per line, streamed) or CSV
 * (RFC 4180). Table and CSV need every row before the first line (column widths, the union of columns); JSON
 * prints each object as it arrives.
 */
final class ObjectPrinter {

    /** The output formats of {@code --format}. */
    enum Format {
        TABLE, JSON, CSV
    }

    /** The narrowest a column is squeezed to before columns are dropped. */
    static final int MIN_COLUMN = 6;
    private static final String GAP = "  ";

    private final Format format;
    private final PrintStream out;
    private final int width;
    private final List<String> columns = new ArrayList<>();
    private final Map<String, String> columnKeys = new LinkedHashMap<>();
    private final List<Map<String, String>> rows = new ArrayList<>();
    private int dropped;

    /**
     * @param width the table width, 0 for unlimited
     */
    ObjectPrinter(Format format, PrintStream out, int width) {
        this.format = format;
        this.out = out;
        this.width = width;
    }

    /** Adds one object (printed now for JSON, kept for the others). */
    void add(CimObject o) {
        if (format == Format.JSON) {
            out.println(json(o));
            return;
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (CimName n : o.propertyNames()) {
            String key = n.text().toLowerCase(Locale.ROOT);
            if (!columnKeys.containsKey(key)) {
                columnKeys.put(key, n.text());
                columns.add(n.text());
            }
            row.put(key, text(o.value(n)));
        }
        rows.add(row);
    }

    /** Prints what was kept. */
    void finish() {
        if (format == Format.CSV) {
            printCsv();
        } else if (format == Format.TABLE) {
            printTable();
        }
    }

    /** Columns not shown because the table would not fit (0 when all fit). */
    int droppedColumns() {
        return dropped;
    }

    int rowCount() {
        return rows.size();
    }

    /** One object: as "Property  Value" lines for a table, else as {@link #add} and {@link #finish} print it. */
    static void single(CimObject o, Format format, PrintStream out, int width) {
        if (format != Format.TABLE) {
            ObjectPrinter p = new ObjectPrinter(format, out, width);
            p.add(o);
            p.finish();
            return;
        }
        int nameWidth = 0;
        for (CimName n : o.propertyNames()) {
            nameWidth = Math.max(nameWidth, n.text().length());
        }
        for (CimName n : o.propertyNames()) {
            StringBuilder line = new StringBuilder(n.text()).append(" ".repeat(nameWidth - n.text().length()));
            line.append(GAP);
            String v = text(o.value(n)).replace('\n', ' ').replace('\r', ' ');
            int room = width > 0 ? width - line.length() : Integer.MAX_VALUE;
            if (v.length() > room) {
                v = room <= 1 ? "" : v.substring(0, room - 1) + "…";
            }
            out.println(line.append(v).toString().stripTrailing());
        }
    }

    // ------------------------------------------------------------------------------------------------ table

    private void printTable() {
        if (columns.isEmpty()) {
            return;
        }
        int n = columns.size();
        int[] w = new int[n];
        for (int i = 0; i < n; i++) {
            w[i] = columns.get(i).length();
            String key = columns.get(i).toLowerCase(Locale.ROOT);
            for (Map<String, String> r : rows) {
                w[i] = Math.max(w[i], r.getOrDefault(key, "").length());
            }
        }
        int shown = n;
        if (width > 0) {
            while (total(w, shown) > width) {
                int widest = 0;
                for (int i = 1; i < shown; i++) {
                    if (w[i] > w[widest]) {
                        widest = i;
                    }
                }
                if (w[widest] > MIN_COLUMN) {
                    w[widest] = Math.max(MIN_COLUMN, w[widest] - (total(w, shown) - width));
                } else if (shown > 1) {
                    shown--;
                } else {
                    w[0] = Math.max(1, width);
                    break;
                }
            }
        }
        dropped = n - shown;
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < shown; i++) {
            cell(line, columns.get(i), w[i], i == shown - 1);
        }
        out.println(line.toString().stripTrailing());
        for (Map<String, String> r : rows) {
            line.setLength(0);
            for (int i = 0; i < shown; i++) {
                cell(line, r.getOrDefault(columns.get(i).toLowerCase(Locale.ROOT), ""), w[i], i == shown - 1);
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static int total(int[] w, int shown) {
        int t = 0;
        for (int i = 0; i < shown; i++) {
            t += w[i] + (i == 0 ? 0 : GAP.length());
        }
        return t;
    }

    private static void cell(StringBuilder line, String text, int w, boolean last) {
        if (line.length() > 0) {
            line.append(GAP);
        }
        String t = text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
        if (t.length() > w) {
            t = w <= 1 ? t.substring(0, w) : t.substring(0, w - 1) + "…";
        }
        line.append(t);
        if (!last) {
            line.append(" ".repeat(w - t.length()));
        }
    }

    // ------------------------------------------------------------------------------------------------ CSV

    private void printCsv() {
        if (columns.isEmpty()) {
            return;
        }
        List<String> header = new ArrayList<>();
        columns.forEach(c -> header.add(csv(c)));
        out.print(String.join(",", header) + "\r\n");
        for (Map<String, String> r : rows) {
            List<String> cells = new ArrayList<>();
            for (String c : columns) {
                cells.add(csv(r.getOrDefault(c.toLowerCase(Locale.ROOT), "")));
            }
            out.print(String.join(",", cells) + "\r\n");
        }
    }

    static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    // ------------------------------------------------------------------------------------------------ text

    /** A value as table and CSV show it: NULL empty, arrays in braces, booleans True/False as WMI tools do. */
    static String text(CimValue v) {
        if (v == null || v.isNull()) {
            return "";
        }
        if (v.type().isArray()) {
            StringBuilder sb = new StringBuilder("{");
            List<CimValue> es = v.elements();
            for (int i = 0; i < es.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(text(es.get(i)));
            }
            return sb.append('}').toString();
        }
        Object o = v.value();
        if (v.type() == CimType.UINT64) {
            return Long.toUnsignedString((Long) o);
        }
        if (o instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (o instanceof CimObject c) {
            return c.toString();
        }
        return o.toString();
    }

    // ------------------------------------------------------------------------------------------------ JSON

    /** One object as a JSON object: its non-system properties in class order. */
    static String json(CimObject o) {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (CimName n : o.propertyNames()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            jsonString(sb, n.text());
            sb.append(':');
            jsonValue(sb, o.value(n));
        }
        return sb.append('}').toString();
    }

    private static void jsonValue(StringBuilder sb, CimValue v) {
        if (v == null || v.isNull()) {
            sb.append("null");
            return;
        }
        if (v.type().isArray()) {
            sb.append('[');
            List<CimValue> es = v.elements();
            for (int i = 0; i < es.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                jsonValue(sb, es.get(i));
            }
            sb.append(']');
            return;
        }
        Object o = v.value();
        switch (v.type()) {
            case UINT64 -> sb.append(Long.toUnsignedString((Long) o));
            case SINT8, SINT16, SINT32, SINT64, UINT8, UINT16, UINT32 -> sb.append(o);
            case REAL32, REAL64 -> {
                double d = ((Number) o).doubleValue();
                if (Double.isFinite(d)) {
                    sb.append(o);
                } else {
                    jsonString(sb, o.toString());
                }
            }
            case BOOLEAN -> sb.append(o);
            case OBJECT -> sb.append(json((CimObject) o));
            default -> jsonString(sb, o.toString());
        }
    }

    static void jsonString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
