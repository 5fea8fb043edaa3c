package io.solidstream.instance;

import io.solidstream.api.config.ConfigError;
import io.solidstream.api.run.OutputStorage;
import io.solidstream.api.outputs.FilesystemOutputStorage;
import io.solidstream.api.outputs.InMemoryOutputStorage;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where an instance keeps the output values of steps, for re-executing a run from a failed step:
 * the {@code output_storage} section of {@code solidstream.yaml}.
 */
public sealed interface OutputStorageConfig {

  /** A short description for messages. */
  String describe();

  /**
   * Creates the storage.
   *
   * @param source the config file, for messages
   * @throws InstanceConfigException if a custom storage class cannot be created
   */
  OutputStorage create(String source);

  /** Kept in memory: outputs do not outlive the process. */
  record InMemory() implements OutputStorageConfig {
    @Override
    public String describe() {
      return "in_memory";
    }

    @Override
    public OutputStorage create(String source) {
      return new InMemoryOutputStorage();
    }
  }

  /**
   * Files under a base directory, one directory per run.
   *
   * @param baseDir the base directory, absolute
   */
  record Filesystem(Path baseDir) implements OutputStorageConfig {
    /** Validates. */
    public Filesystem {
      baseDir = Objects.requireNonNull(baseDir, "baseDir").toAbsolutePath().normalize();
    }

    @Override
    public String describe() {
      return "filesystem " + baseDir;
    }

    @Override
    public OutputStorage create(String source) {
      return new FilesystemOutputStorage(baseDir);
    }
  }

  /**
   * A storage class of the user's, implementing {@link OutputStorage}, with a public constructor
   * taking the {@code config} map (or none):
   *
   * <pre>{@code
   * output_storage:
   *   custom:
   *     class_name: com.acme.S3OutputStorage
   *     config: {bucket: pipelines}
   * }</pre>
   *
   * @param className the class's binary name
   * @param config the {@code config} entry, empty if absent
   */
  record Custom(String className, Map<String, Object> config) implements OutputStorageConfig {
    private InstanceConfigException error(String source, String message) {
      return new InstanceConfigException(source, List.of(ConfigError.of("output_storage.custom.class_name", message,
          "a class implementing " + OutputStorage.class.getName(), className)));
    }

    /** Validates and copies. */
    public Custom {
      Objects.requireNonNull(className, "className");
      config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    @Override
    public String describe() {
      return "custom " + className;
    }

    @Override
    public OutputStorage create(String source) {
      ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
          ? Thread.currentThread().getContextClassLoader() : OutputStorageConfig.class.getClassLoader();
      Class<?> type;
      try {
        type = Class.forName(className, true, loader);
      } catch (ClassNotFoundException e) {
        throw error(source, "class " + className + " is not on the classpath; add its jar or fix"
            + " the name");
      }
      if (!OutputStorage.class.isAssignableFrom(type)) {
        throw error(source, "class " + className + " does not implement "
            + OutputStorage.class.getName());
      }
      try {
        try {
          Constructor<?> withConfig = type.getConstructor(Map.class);
          return (OutputStorage) withConfig.newInstance(config);
        } catch (NoSuchMethodException e) {
          return (OutputStorage) type.getConstructor().newInstance();
        }
      } catch (NoSuchMethodException e) {
        throw error(source, "class " + className + " needs a public constructor taking a"
            + " Map<String, Object> (the config entry) or none");
      } catch (InvocationTargetException e) {
        throw error(source, "the constructor of " + className + " failed: " + e.getCause());
      } catch (ReflectiveOperationException e) {
        throw error(source, "cannot create " + className + ": " + e);
      }
    }
  }
}
