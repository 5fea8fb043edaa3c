package io.solidstream.api.outputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solidstream.api.internal.SerializationCheck;
import io.solidstream.api.run.OutputStorage;
import io.solidstream.api.run.StepOutputKey;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemOutputStorageTest {
  @TempDir
  Path base;

  record Row(String name, int count) implements Serializable {}

  private final ClassLoader loader = getClass().getClassLoader();

  @Test
  void outputsAreFilesUnderRunAndStepAndReadBackWithTheirTypesInEmissionOrder() {
    OutputStorage storage = new FilesystemOutputStorage(base);
    Map<StepOutputKey, Object> outputs = new LinkedHashMap<>();
    outputs.put(StepOutputKey.of("ingest.load", "rows"), List.of(new Row("a", 1), new Row("b", 2)));
    outputs.put(StepOutputKey.of("ingest.load", "count"), 2);

    storage.write("run-1", "ingest.load", outputs);

    assertThat(base.resolve("run-1/ingest.load/rows")).isRegularFile();
    assertThat(base.resolve("run-1/ingest.load/count")).isRegularFile();
    assertThat(storage.keys("run-1", "ingest.load")).contains(List.copyOf(outputs.keySet()));
    assertThat(storage.read("run-1", "ingest.load", loader)).hasValueSatisfying(read ->
        assertThat(read).containsExactlyEntriesOf(outputs));
  }

  @Test
  void dynamicValuesAreFilesPerMappingKeyKeptInEmissionOrder() {
    OutputStorage storage = new FilesystemOutputStorage(base);
    Map<StepOutputKey, Object> outputs = new LinkedHashMap<>();
    outputs.put(new StepOutputKey("fan_out", "items", "zeta"), 1);
    outputs.put(new StepOutputKey("fan_out", "items", "alpha"), 2);

    storage.write("run-1", "fan_out", outputs);

    assertThat(base.resolve("run-1/fan_out/items/zeta")).isRegularFile();
    assertThat(storage.keys("run-1", "fan_out")).contains(List.of(
        new StepOutputKey("fan_out", "items", "zeta"), new StepOutputKey("fan_out", "items", "alpha")));
  }

  @Test
  void aStepWithoutManifestHasNoOutputsAndAStepCanBeRewritten() throws Exception {
    OutputStorage storage = new FilesystemOutputStorage(base);
    Files.createDirectories(base.resolve("run-1/load"));
    Files.write(base.resolve("run-1/load/rows"), SerializationCheck.serialize(1)); // a write cut short

    assertThat(storage.keys("run-1", "load")).isEmpty();
    assertThat(storage.read("run-1", "load", loader)).isEmpty();

    storage.write("run-1", "load", Map.of(StepOutputKey.of("load", "rows"), 5));
    storage.write("run-1", "load", Map.of(StepOutputKey.of("load", "rows"), 6));
    assertThat(storage.read("run-1", "load", loader)).contains(Map.of(StepOutputKey.of("load", "rows"), 6));
  }

  @Test
  void anUnserializableValueStoresNothingOfTheStepAndNamesTheOutput() {
    OutputStorage storage = new FilesystemOutputStorage(base);
    Map<StepOutputKey, Object> outputs = new LinkedHashMap<>();
    outputs.put(StepOutputKey.of("load", "rows"), 1);
    outputs.put(StepOutputKey.of("load", "conn"), new Object());

    assertThatThrownBy(() -> storage.write("run-1", "load", outputs))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("output load.conn: ");
    assertThat(storage.keys("run-1", "load")).isEmpty();
  }

  @Test
  void namesThatWouldLeaveTheBaseDirectoryAreRefused() {
    OutputStorage storage = new FilesystemOutputStorage(base);

    assertThatThrownBy(() -> storage.write("../elsewhere", "load", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot store outputs under run id '../elsewhere'");
  }

  @Test
  void deletingARunRemovesAllItsOutputs() {
    OutputStorage storage = new FilesystemOutputStorage(base);
    storage.write("run-1", "load", Map.of(StepOutputKey.of("load", "rows"), 1));

    assertThat(storage.deleteRun("run-1")).isTrue();
    assertThat(base.resolve("run-1")).doesNotExist();
    assertThat(storage.deleteRun("run-1")).isFalse();
  }

  @Test
  void theStorageTravelsToTaskManagersAsItsBaseDirectory() {
    FilesystemOutputStorage storage = new FilesystemOutputStorage(base);
    storage.write("run-1", "load", Map.of(StepOutputKey.of("load", "rows"), 1));

    OutputStorage copy = SerializationCheck.deserialize(SerializationCheck.serialize(storage), loader);

    assertThat(copy.read("run-1", "load", loader)).contains(Map.of(StepOutputKey.of("load", "rows"), 1));
    assertThat(copy.describe()).isEqualTo("filesystem " + base.toAbsolutePath());
  }
}
