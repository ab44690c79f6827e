package dev.convlab.platform;

import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A table as an RFC 4180 CSV download (Apache Commons CSV quotes what needs quoting). Text cells that a spreadsheet
 * would run as a formula are neutralised as OWASP advises ({@link #cell}); numbers stay numbers.
 */
public final class CsvDownload {

    private CsvDownload() {}

    public static Response of(String fileName, List<String> header, List<List<Object>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (List<Object> row : rows) {
                printer.printRecord(row.stream().map(CsvDownload::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing CSV to a string cannot fail", e);
        }
        return Response.ok(out.toString(), "text/csv").header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    /**
     * Text that begins with {@code = + - @}, a tab or a carriage return gets a leading apostrophe, so a spreadsheet shows
     * it as text instead of evaluating it (OWASP, "CSV Injection"). Only values of a numeric type pass unchanged: a
     * number column keeps {@code -0.5} as a number, while a display name {@code -0.5} is text and is prefixed.
     */
    static Object cell(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        String text = value.toString();
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
