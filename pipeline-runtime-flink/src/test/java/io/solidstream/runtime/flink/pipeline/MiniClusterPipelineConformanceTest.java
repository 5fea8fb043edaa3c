package io.solidstream.runtime.flink.pipeline;

import io.solidstream.api.run.PipelineRuntime;
import io.solidstream.conformance.pipeline.CancellationConformance;
import io.solidstream.conformance.pipeline.CompositesConformance;
import io.solidstream.conformance.pipeline.DynamicOutputsConformance;
import io.solidstream.conformance.pipeline.EventStreamConformance;
import io.solidstream.conformance.pipeline.EventsConformance;
import io.solidstream.conformance.pipeline.ExecutionConformance;
import io.solidstream.conformance.pipeline.FailuresConformance;
import io.solidstream.conformance.pipeline.HooksConformance;
import io.solidstream.conformance.pipeline.InputsConformance;
import io.solidstream.conformance.pipeline.PipelineConformance.Feature;
import io.solidstream.conformance.pipeline.ResourcesConformance;
import io.solidstream.conformance.pipeline.RetriesConformance;
import io.solidstream.conformance.pipeline.RunConfigConformance;
import io.solidstream.conformance.pipeline.RunHandleConformance;
import io.solidstream.conformance.pipeline.SelectionConformance;
import io.solidstream.conformance.pipeline.StreamSolidConformance;
import io.solidstream.conformance.pipeline.TypeChecksConformance;
import java.util.Set;
import org.junit.jupiter.api.Nested;

/**
 * The pipeline conformance suite on the Flink mini-cluster: every area as a nested class, all
 * sharing the JVM's one mini-cluster, so the suite starts no cluster of its own. Resources open
 * in the task of each step rather than once per run ({@link Feature#RUN_SCOPED_RESOURCES}).
 */
class MiniClusterPipelineConformanceTest {
  private static final FlinkPipelineRuntime RUNTIME = FlinkPipelineTestRuntime.RUNTIME;

  @Nested
  class Execution extends ExecutionConformance {
    @Override
    protected PipelineRuntime runtime() {
      return RUNTIME;
    }
  }

  @Nested
  class Composites extends CompositesConformance {
    @Override
    protected PipelineRuntime runtime() {
      return RUNTIME;
    }
  }

  @Nested
  class Inputs extends InputsConformance {
    @Override
    protected PipelineRuntime runtime() {
      return RUNTIME;
    }
  }

  @Nested
  class RunConfig extends RunConfigConformance {
    @Override
    protected PipelineRuntime runtime() {
      return RUNTIME;
    }
  }

  @Nested
  class DynamicOutputs extends DynamicOutputsConformance {
    @Override
    protected PipelineRuntime runtime() {
      return RUNTIME;
    }
  }

  @Nested
  class Resources extends ResourcesConformance {
    @Override
    protected PipelineRuntime runtime() {
      return RUNTIME;
    }

    /** Resources open in the task of each step (or of the clones of a mapped step it runs). */
    @Override
    protected Set<Feature> unsupported() {
      return Set.of(Feature.RUN_SCOPED_RESOURCES);
    }
  }

  @Nested
  class Retries extends RetriesConformance {
    @Override
    protected PipelineRuntime runtime() {
      return RUNTIME;
    }
  }

  @Nested
  class Failures extends FailuresConformance {
    @Override
    protected PipelineRuntime runtime() {
      return RUNTIME;
    }
  }

  @Nested
  class Hooks extends HooksConformance {
    @Override
    protected PipelineRuntime runtime() {
      return RUNTIME;
    }
  }

  @Nested
  class Events extends EventsConformance {
    @Override
    protected PipelineRuntime runtime() {
      return RUNTIME;
    }
  }

  @Nested
  class EventStream extends EventStreamConformance {
    @Override
    protected PipelineRuntime runtime() {
      return RUNTIME;
    }
  }

  @Nested
  class Selection extends SelectionConformance {
    @Override
    protected PipelineRuntime runtime() {
      return RUNTIME;
    }
  }

  @Nested
  class TypeChecks extends TypeChecksConformance {
    @Override
    protected PipelineRuntime runtime() {
      return RUNTIME;
    }
  }

  @Nested
  class StreamSolid extends StreamSolidConformance {
    @Override
    protected PipelineRuntime runtime() {
      return RUNTIME;
    }
  }

  @Nested
  class Cancellation extends CancellationConformance {
    @Override
    protected PipelineRuntime runtime() {
      return RUNTIME;
    }
  }

  @Nested
  class RunHandle extends RunHandleConformance {
    @Override
    protected PipelineRuntime runtime() {
      return RUNTIME;
    }
  }
}
