package io.solidstream.api.outputs;

import io.solidstream.api.internal.SerializationCheck;
import io.solidstream.api.run.OutputStorage;
import io.solidstream.api.run.StepOutputKey;
import java.io.NotSerializableException;
import java.io.ObjectStreamException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Step outputs kept in memory, as serialized bytes (so a stored value is a copy, as with files),
 * for tests and {@code Instance.inMemory()}. Outputs do not outlive the process, and the storage
 * cannot be shipped to a cluster's task managers: use a {@link FilesystemOutputStorage} there.
 *
 * <pre>{@code
 * OutputStorage storage = new InMemoryOutputStorage();
 * }</pre>
 */
public final class InMemoryOutputStorage implements OutputStorage {
  private static final long serialVersionUID = 1L;

  private final transient Map<String, Map<String, Map<StepOutputKey, byte[]>>> runs = new ConcurrentHashMap<>();

  @Override
  public void write(String runId, String stepKey, Map<StepOutputKey, Object> outputs) {
    Map<StepOutputKey, byte[]> serialized = new LinkedHashMap<>();
    for (Map.Entry<StepOutputKey, Object> entry : outputs.entrySet()) {
      try {
        serialized.put(entry.getKey(), SerializationCheck.serialize(entry.getValue()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("output " + entry.getKey() + ": " + e.getMessage(), e);
      }
    }
    runs.computeIfAbsent(runId, k -> new ConcurrentHashMap<>()).put(stepKey, serialized);
  }

  @Override
  public Optional<Map<StepOutputKey, Object>> read(String runId, String stepKey, ClassLoader classLoader) {
    Map<StepOutputKey, byte[]> stored = runs.getOrDefault(runId, Map.of()).get(stepKey);
    if (stored == null) {
      return Optional.empty();
    }
    Map<StepOutputKey, Object> values = new LinkedHashMap<>();
    stored.forEach((key, bytes) -> values.put(key, SerializationCheck.deserialize(bytes, classLoader)));
    return Optional.of(values);
  }

  @Override
  public Optional<List<StepOutputKey>> keys(String runId, String stepKey) {
    Map<StepOutputKey, byte[]> stored = runs.getOrDefault(runId, Map.of()).get(stepKey);
    return stored == null ? Optional.empty() : Optional.of(new ArrayList<>(stored.keySet()));
  }

  @Override
  public boolean deleteRun(String runId) {
    return runs.remove(runId) != null;
  }

  @Override
  public String describe() {
    return "in_memory";
  }

  @Override
  public String toString() {
    return describe();
  }

  /** Refuses to be shipped: a copy on a task manager would store outputs nobody reads. */
  private Object writeReplace() throws ObjectStreamException {
    throw new NotSerializableException("the in_memory output storage cannot be shipped to a cluster's task managers"
        + " (they would store outputs in their own memory); configure output_storage: {filesystem: {base_dir: ...}}"
        + " on a path every task manager can reach");
  }
}
