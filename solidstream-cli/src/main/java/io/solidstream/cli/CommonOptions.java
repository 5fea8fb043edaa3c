package io.solidstream.cli;

import io.solidstream.instance.Instance;
import io.solidstream.instance.InstanceConfig;
import io.solidstream.instance.InstanceConfigException;
import io.solidstream.instance.StorageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every command takes: the instance, the application's class path, {@code --verbose}. */
public final class CommonOptions {

  @Option(names = "--instance", paramLabel = "DIR|FILE.yaml",
      description = "The instance: its home directory or its solidstream.yaml"
          + " (default: $SOLIDSTREAM_HOME, else ~/.solidstream).")
  Path instance;

  @Option(names = "--app", paramLabel = "JAR|DIR", split = ",",
      description = "The application's jars or class directories, where pipelines are found"
          + " (PipelineRegistry); repeatable or comma-separated. Default: the command's own class path.")
  List<Path> app = new ArrayList<>();

  @Option(names = {"-v", "--verbose"}, description = "Print stack traces with errors.")
  boolean verbose;

  /** Whether stack traces are wanted. */
  public boolean verbose() {
    return verbose;
  }

  /**
   * Opens the instance named by {@code --instance}, else {@code SOLIDSTREAM_HOME}, else
   * {@code ~/.solidstream}.
   *
   * @throws CliException {@link ExitCode#USAGE} for an invalid config or a missing path,
   *     {@link ExitCode#UNAVAILABLE} for storage that cannot be opened
   */
  Instance openInstance(CliContext context) {
    Path location = instance;
    if (location != null && location.toString().endsWith(".yaml") && !Files.isRegularFile(location)) {
      throw new CliException(ExitCode.USAGE, "Instance config file not found: " + location.toAbsolutePath()
          + "; pass an existing solidstream.yaml or the instance's home directory to --instance");
    }
    try {
      Path home = location != null ? location : InstanceConfig.defaultHome(context.environment());
      return Instance.open(InstanceConfig.load(home, context.environment()));
    } catch (InstanceConfigException e) {
      throw new CliException(ExitCode.USAGE, e.getMessage(), e);
    } catch (StorageException e) {
      throw new CliException(ExitCode.UNAVAILABLE, "Cannot open the instance's storage: " + e.getMessage(), e);
    }
  }

  /** The application's pipelines, from {@code --app} or the command's own class path. */
  PipelineCatalog catalog() {
    return PipelineCatalog.load(app);
  }
}
