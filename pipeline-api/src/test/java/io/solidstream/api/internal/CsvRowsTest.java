package io.solidstream.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRowsTest {

  @Test
  void readsQuotedFieldsEscapedQuotesLineBreaksAndSkipsEmptyLines(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("people.csv");
    Files.writeString(file, "name,city,note\r\n"
        + "Ann,\"Paris, France\",plain\r\n"
        + "\"Bob \"\"B\"\" Smith\",Oslo,\"two\nlines\"\n"
        + "\n"
        + "Cy,,\"\"\n");
    List<List<String>> rows = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    try (CsvRows csv = CsvRows.open(file.toString(), ',')) {
      for (List<String> row = csv.next(); row != null; row = csv.next()) {
        rows.add(row);
        lines.add(csv.line());
      }
    }

    assertThat(rows).containsExactly(
        List.of("name", "city", "note"),
        List.of("Ann", "Paris, France", "plain"),
        List.of("Bob \"B\" Smith", "Oslo", "two\nlines"),
        List.of("Cy", "", ""));
    assertThat(lines).containsExactly(1L, 2L, 3L, 6L);
  }

  @Test
  void otherDelimiter(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("semi.csv");
    Files.writeString(file, "a;\"b;c\"\n");
    try (CsvRows csv = CsvRows.open(file.toString(), ';')) {
      assertThat(csv.next()).containsExactly("a", "b;c");
      assertThat(csv.next()).isNull();
    }
  }

  @Test
  void unclosedQuoteNamesFileAndLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, "a,b\n\"open,c\n");
    try (CsvRows csv = CsvRows.open(file.toString(), ',')) {
      csv.next();
      assertThatThrownBy(csv::next)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("Cannot read " + file + ", line ");
    }
  }
}
