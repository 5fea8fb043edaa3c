package io.solidstream.runtime.local.conformance;

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
import io.solidstream.conformance.pipeline.ReexecutionConformance;
import io.solidstream.conformance.pipeline.ResourcesConformance;
import io.solidstream.conformance.pipeline.RetriesConformance;
import io.solidstream.conformance.pipeline.RunConfigConformance;
import io.solidstream.conformance.pipeline.RunHandleConformance;
import io.solidstream.conformance.pipeline.SelectionConformance;
import io.solidstream.conformance.pipeline.StreamSolidConformance;
import io.solidstream.conformance.pipeline.TypeChecksConformance;
import io.solidstream.runtime.local.LocalRuntime;
import org.junit.jupiter.api.Nested;

/**
 * The pipeline conformance suite on the in-process runtime running up to four steps at once: the
 * same results and event sequences as sequentially, modulo parallel ordering.
 */
class ParallelInProcessPipelineConformanceTest {
  private static final LocalRuntime RUNTIME = LocalRuntime.builder().maxConcurrent(4).build();

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

  @Nested
  class Reexecution extends ReexecutionConformance {
    @Override
    protected PipelineRuntime runtime() {
      return RUNTIME;
    }
  }
}
