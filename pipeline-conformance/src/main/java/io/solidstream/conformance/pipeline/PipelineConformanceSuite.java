package io.solidstream.conformance.pipeline;

import io.solidstream.api.run.PipelineRuntime;
import io.solidstream.conformance.pipeline.PipelineConformance.Feature;
import java.util.Set;
import org.junit.jupiter.api.Nested;

/**
 * The whole pipeline conformance suite for one runtime: every area class as an inherited nested
 * test class, all asking this class's hooks. A runtime's tests subclass it once.
 *
 * <pre>{@code
 * class InProcessPipelineConformanceTest extends PipelineConformanceSuite {
 *   private static final LocalRuntime RUNTIME = LocalRuntime.create();
 *   protected PipelineRuntime runtime() { return RUNTIME; }
 * }
 * }</pre>
 */
public abstract class PipelineConformanceSuite {

  /** The runtime every area runs on; shared by all tests, so return one instance. */
  protected abstract PipelineRuntime runtime();

  /** Features the runtime lacks (see {@link Feature}); none by default. */
  protected Set<Feature> unsupported() {
    return Set.of();
  }

  /** ExecutionConformance on this runtime. */
  @Nested
  class Execution extends ExecutionConformance {
    @Override
    protected PipelineRuntime runtime() {
      return PipelineConformanceSuite.this.runtime();
    }

    @Override
    protected Set<Feature> unsupported() {
      return PipelineConformanceSuite.this.unsupported();
    }
  }

  /** CompositesConformance on this runtime. */
  @Nested
  class Composites extends CompositesConformance {
    @Override
    protected PipelineRuntime runtime() {
      return PipelineConformanceSuite.this.runtime();
    }

    @Override
    protected Set<Feature> unsupported() {
      return PipelineConformanceSuite.this.unsupported();
    }
  }

  /** InputsConformance on this runtime. */
  @Nested
  class Inputs extends InputsConformance {
    @Override
    protected PipelineRuntime runtime() {
      return PipelineConformanceSuite.this.runtime();
    }

    @Override
    protected Set<Feature> unsupported() {
      return PipelineConformanceSuite.this.unsupported();
    }
  }

  /** RunConfigConformance on this runtime. */
  @Nested
  class RunConfig extends RunConfigConformance {
    @Override
    protected PipelineRuntime runtime() {
      return PipelineConformanceSuite.this.runtime();
    }

    @Override
    protected Set<Feature> unsupported() {
      return PipelineConformanceSuite.this.unsupported();
    }
  }

  /** DynamicOutputsConformance on this runtime. */
  @Nested
  class DynamicOutputs extends DynamicOutputsConformance {
    @Override
    protected PipelineRuntime runtime() {
      return PipelineConformanceSuite.this.runtime();
    }

    @Override
    protected Set<Feature> unsupported() {
      return PipelineConformanceSuite.this.unsupported();
    }
  }

  /** ResourcesConformance on this runtime. */
  @Nested
  class Resources extends ResourcesConformance {
    @Override
    protected PipelineRuntime runtime() {
      return PipelineConformanceSuite.this.runtime();
    }

    @Override
    protected Set<Feature> unsupported() {
      return PipelineConformanceSuite.this.unsupported();
    }
  }

  /** RetriesConformance on this runtime. */
  @Nested
  class Retries extends RetriesConformance {
    @Override
    protected PipelineRuntime runtime() {
      return PipelineConformanceSuite.this.runtime();
    }

    @Override
    protected Set<Feature> unsupported() {
      return PipelineConformanceSuite.this.unsupported();
    }
  }

  /** FailuresConformance on this runtime. */
  @Nested
  class Failures extends FailuresConformance {
    @Override
    protected PipelineRuntime runtime() {
      return PipelineConformanceSuite.this.runtime();
    }

    @Override
    protected Set<Feature> unsupported() {
      return PipelineConformanceSuite.this.unsupported();
    }
  }

  /** HooksConformance on this runtime. */
  @Nested
  class Hooks extends HooksConformance {
    @Override
    protected PipelineRuntime runtime() {
      return PipelineConformanceSuite.this.runtime();
    }

    @Override
    protected Set<Feature> unsupported() {
      return PipelineConformanceSuite.this.unsupported();
    }
  }

  /** EventsConformance on this runtime. */
  @Nested
  class Events extends EventsConformance {
    @Override
    protected PipelineRuntime runtime() {
      return PipelineConformanceSuite.this.runtime();
    }

    @Override
    protected Set<Feature> unsupported() {
      return PipelineConformanceSuite.this.unsupported();
    }
  }

  /** EventStreamConformance on this runtime. */
  @Nested
  class EventStream extends EventStreamConformance {
    @Override
    protected PipelineRuntime runtime() {
      return PipelineConformanceSuite.this.runtime();
    }

    @Override
    protected Set<Feature> unsupported() {
      return PipelineConformanceSuite.this.unsupported();
    }
  }

  /** SelectionConformance on this runtime. */
  @Nested
  class Selection extends SelectionConformance {
    @Override
    protected PipelineRuntime runtime() {
      return PipelineConformanceSuite.this.runtime();
    }

    @Override
    protected Set<Feature> unsupported() {
      return PipelineConformanceSuite.this.unsupported();
    }
  }

  /** TypeChecksConformance on this runtime. */
  @Nested
  class TypeChecks extends TypeChecksConformance {
    @Override
    protected PipelineRuntime runtime() {
      return PipelineConformanceSuite.this.runtime();
    }

    @Override
    protected Set<Feature> unsupported() {
      return PipelineConformanceSuite.this.unsupported();
    }
  }

  /** StreamSolidConformance on this runtime. */
  @Nested
  class StreamSolid extends StreamSolidConformance {
    @Override
    protected PipelineRuntime runtime() {
      return PipelineConformanceSuite.this.runtime();
    }

    @Override
    protected Set<Feature> unsupported() {
      return PipelineConformanceSuite.this.unsupported();
    }
  }

  /** CancellationConformance on this runtime. */
  @Nested
  class Cancellation extends CancellationConformance {
    @Override
    protected PipelineRuntime runtime() {
      return PipelineConformanceSuite.this.runtime();
    }

    @Override
    protected Set<Feature> unsupported() {
      return PipelineConformanceSuite.this.unsupported();
    }
  }

  /** RunHandleConformance on this runtime. */
  @Nested
  class RunHandle extends RunHandleConformance {
    @Override
    protected PipelineRuntime runtime() {
      return PipelineConformanceSuite.this.runtime();
    }

    @Override
    protected Set<Feature> unsupported() {
      return PipelineConformanceSuite.this.unsupported();
    }
  }

  /** ReexecutionConformance on this runtime. */
  @Nested
  class Reexecution extends ReexecutionConformance {
    @Override
    protected PipelineRuntime runtime() {
      return PipelineConformanceSuite.this.runtime();
    }

    @Override
    protected Set<Feature> unsupported() {
      return PipelineConformanceSuite.this.unsupported();
    }
  }
}
