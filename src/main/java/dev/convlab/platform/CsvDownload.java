package dev.convlab.platform;

import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A table as an RFC 4180 CSV download (Apache Commons CSV quotes what needs quoting). */
public final class CsvDownload {

    private CsvDownload() {}

    public static Response of(String fileName, List<String> header, List<List<Object>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (List<Object> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing CSV to a string cannot fail", e);
        }
        return Response.ok(out.toString(), "text/csv").header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }
}
