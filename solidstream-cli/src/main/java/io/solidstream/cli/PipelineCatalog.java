package io.solidstream.cli;

import io.solidstream.api.config.RunConfig;
import io.solidstream.api.internal.Suggestions;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.run.PipelineRegistry;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The pipelines of an application, found through the {@link PipelineRegistry} implementations its
 * class path declares ({@code META-INF/services/io.solidstream.api.run.PipelineRegistry}).
 */
final class PipelineCatalog {
  private final ClassLoader loader;
  private final List<Path> appPaths;
  private final Map<String, PipelineDefinition> pipelines;
  private final Map<String, PipelineRegistry> registries;

  private PipelineCatalog(ClassLoader loader, List<Path> appPaths, Map<String, PipelineDefinition> pipelines,
      Map<String, PipelineRegistry> registries) {
    this.loader = loader;
    this.appPaths = List.copyOf(appPaths);
    this.pipelines = Collections.unmodifiableMap(pipelines);
    this.registries = registries;
  }

  /**
   * Loads the registries of {@code appPaths} (jars or class directories) on top of this class
   * path, or of this class path alone if there are none.
   *
   * @throws CliException {@link ExitCode#USAGE} if a path is missing, a registry cannot be loaded,
   *     or two pipelines share a name
   */
  static PipelineCatalog load(List<Path> appPaths) {
    ClassLoader parent = PipelineCatalog.class.getClassLoader();
    ClassLoader loader = parent;
    if (!appPaths.isEmpty()) {
      List<URL> urls = new ArrayList<>();
      for (Path path : appPaths) {
        if (!Files.exists(path)) {
          throw new CliException(ExitCode.USAGE, "Application jar or directory not found: " + path.toAbsolutePath()
              + "; build the application first (mvn package) or fix the --app path");
        }
        try {
          urls.add(path.toAbsolutePath().toUri().toURL());
        } catch (MalformedURLException e) {
          throw new CliException(ExitCode.USAGE, "Invalid --app path " + path + ": " + e.getMessage(), e);
        }
      }
      loader = new URLClassLoader("solidstream-app", urls.toArray(URL[]::new), parent);
    }
    Map<String, PipelineDefinition> pipelines = new LinkedHashMap<>();
    Map<String, PipelineRegistry> registries = new LinkedHashMap<>();
    try {
      for (PipelineRegistry registry : ServiceLoader.load(PipelineRegistry.class, loader)) {
        for (PipelineDefinition pipeline : registry.pipelines()) {
          PipelineRegistry previous = registries.putIfAbsent(pipeline.name(), registry);
          if (previous != null) {
            throw new CliException(ExitCode.USAGE, "Two pipelines are named '" + pipeline.name() + "': in "
                + previous.getClass().getName() + " and in " + registry.getClass().getName()
                + "; rename one of them (pipeline names must be unique on the class path)");
          }
          pipelines.put(pipeline.name(), pipeline);
        }
      }
    } catch (ServiceConfigurationError e) {
      throw new CliException(ExitCode.USAGE, "Cannot load a PipelineRegistry of the application: " + e.getMessage()
          + "; the class named in META-INF/services/" + PipelineRegistry.class.getName()
          + " must be public, implement PipelineRegistry and have a public no-argument constructor", e);
    }
    return new PipelineCatalog(loader, appPaths, pipelines, registries);
  }

  /** The pipelines by name, in the order their registries list them. */
  Map<String, PipelineDefinition> pipelines() {
    return pipelines;
  }

  /** The class loader of the application's classes. */
  ClassLoader loader() {
    return loader;
  }

  /** The paths given with {@code --app}. */
  List<Path> appPaths() {
    return appPaths;
  }

  /**
   * The pipeline named {@code name}.
   *
   * @throws CliException {@link ExitCode#USAGE} naming the pipelines there are
   */
  PipelineDefinition pipeline(String name) {
    PipelineDefinition pipeline = pipelines.get(name);
    if (pipeline == null) {
      if (pipelines.isEmpty()) {
        throw new CliException(ExitCode.USAGE, "Unknown pipeline '" + name + "': no pipelines found on the class path."
            + " Pass the application's jar with --app, and declare its pipelines in"
            + " META-INF/services/" + PipelineRegistry.class.getName());
      }
      throw new CliException(ExitCode.USAGE, "Unknown pipeline '" + name + "'"
          + Suggestions.didYouMean(name, pipelines.keySet()) + "; pipelines: " + String.join(", ", pipelines.keySet())
          + " (list them with: solidstream pipelines)");
    }
    return pipeline;
  }

  /** The registry's default run config of the pipeline {@code name}. */
  RunConfig defaultRunConfig(String name) {
    return registries.get(name).defaultRunConfig(name);
  }

  /** Closes the application class loader, if one was opened. */
  void close() {
    if (loader instanceof URLClassLoader urlLoader) {
      try {
        urlLoader.close();
      } catch (IOException e) {
        // nothing left to release that matters to the user
      }
    }
  }
}
