package dev.convlab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvDownloadTest {

    @Test
    void textThatStartsAFormulaIsPrefixedWhileNumbersStayNumbers() {
        String csv = (String) CsvDownload.of("t.csv", List.of("text", "number"), List.of(
                Arrays.<Object>asList("=1+2", -0.5),
                Arrays.<Object>asList("-0.5", 3),
                Arrays.<Object>asList("\rline", null),
                Arrays.<Object>asList("plain - text", true))).getEntity();
        assertEquals("text,number\r\n'=1+2,-0.5\r\n'-0.5,3\r\n\"'\rline\",\r\nplain - text,true\r\n", csv);
    }
}
