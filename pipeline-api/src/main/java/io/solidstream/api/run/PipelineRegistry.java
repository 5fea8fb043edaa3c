package io.solidstream.api.run;

import io.solidstream.api.config.RunConfig;
import io.solidstream.api.pipeline.PipelineDefinition;
import java.util.List;

/**
 * The pipelines an application offers to tools such as the {@code solidstream} command line: an
 * application implements it once and declares it, and tools find it on the application's class path.
 *
 * <p>Declared through {@link java.util.ServiceLoader}: a file {@code
 * META-INF/services/io.solidstream.api.run.PipelineRegistry} in the application's jar naming the
 * implementation, which needs a public no-argument constructor. Several registries on one class path
 * add up; pipeline names must be unique across them. Tools call {@link #pipelines()} whenever they
 * need the definitions, so it should build them cheaply and without side effects (no connections).
 *
 * <pre>{@code
 * public final class MyPipelines implements PipelineRegistry {
 *   public List<PipelineDefinition> pipelines() {
 *     return List.of(OrdersEtl.pipeline(), WeatherAlerts.pipeline());
 *   }
 *
 *   public RunConfig defaultRunConfig(String pipelineName) {
 *     return pipelineName.equals("weather_alerts") ? WeatherAlerts.defaultRunConfig() : RunConfig.empty();
 *   }
 * }
 * }</pre>
 */
public interface PipelineRegistry {

  /** The pipelines of this registry, each named by {@link PipelineDefinition#name()}. */
  List<PipelineDefinition> pipelines();

  /**
   * The run config a run of {@code pipelineName} starts from when the user gives none; a config the
   * user gives is deep-merged over it. Empty by default.
   *
   * @param pipelineName the name of one of {@link #pipelines()}
   */
  default RunConfig defaultRunConfig(String pipelineName) {
    return RunConfig.empty();
  }
}
