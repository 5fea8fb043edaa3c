package io.solidstream.samples;

import io.solidstream.api.config.RunConfig;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.run.PipelineRegistry;
import java.util.List;

/**
 * The samples' pipelines for the {@code solidstream} command line: {@code orders_etl}, {@code
 * weather_alerts} (with its bundled run config as default) and {@code click_report}. Declared in
 * {@code META-INF/services/io.solidstream.api.run.PipelineRegistry}.
 *
 * <pre>{@code
 * java -jar solidstream.jar run orders_etl --app samples/target/samples-0.1.0-SNAPSHOT.jar
 * }</pre>
 */
public final class SamplePipelines implements PipelineRegistry {

  /** Called by {@link java.util.ServiceLoader}. */
  public SamplePipelines() {}

  @Override
  public List<PipelineDefinition> pipelines() {
    return List.of(OrdersEtl.pipeline(), WeatherAlerts.pipeline(), ClickReport.pipeline());
  }

  @Override
  public RunConfig defaultRunConfig(String pipelineName) {
    return WeatherAlerts.NAME.equals(pipelineName) ? WeatherAlerts.defaultRunConfig() : RunConfig.empty();
  }
}
