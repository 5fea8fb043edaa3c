package io.solidstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.run.RunResult;
import io.solidstream.runtime.local.LocalRuntime;
import org.junit.jupiter.api.Test;

/**
 * Checks that the benchmark pipelines build and compute the right result. Measures nothing:
 * performance is measured by the JMH benchmarks (benchmarks.jar), never in unit tests.
 */
class BenchPipelinesTest {

  @Test
  void chainOfThousandGivesThousand() {
    RunResult result = LocalRuntime.create().execute(BenchPipelines.chain()).orThrow();
    assertThat(result.output(BenchPipelines.handle(BenchPipelines.SIZE - 1), BenchPipelines.Y))
        .isEqualTo(BenchPipelines.SIZE);
  }

  @Test
  void fanOutSumsEveryBranch() {
    for (int threads : new int[] {1, 4}) {
      RunResult result = LocalRuntime.builder().maxConcurrent(threads).build()
          .execute(BenchPipelines.fanOut()).orThrow();
      assertThat(result.output("sum", BenchPipelines.Y)).isEqualTo(2 * BenchPipelines.SIZE);
      assertThat(result.steps()).hasSize(FanOutBenchmark.STEPS);
    }
  }

  @Test
  void benchmarkSetupsVerifyTheirResults() {
    ChainBenchmark chain = new ChainBenchmark();
    chain.checkSerializable = false;
    chain.maxConcurrent = 1;
    chain.setup();
    assertThat(chain.run()).isEqualTo(BenchPipelines.SIZE);
    chain.tearDown();

    FanOutBenchmark fanOut = new FanOutBenchmark();
    fanOut.checkSerializable = true;
    fanOut.maxConcurrent = 4;
    fanOut.setup();
    assertThat(fanOut.run()).isEqualTo(2 * BenchPipelines.SIZE);
    fanOut.tearDown();

    PlanBenchmark plan = new PlanBenchmark();
    plan.setup();
    assertThat(plan.plan().steps()).hasSize(BenchPipelines.SIZE);
    assertThat(plan.build().solids()).hasSize(BenchPipelines.SIZE);

    BaselineBenchmark baseline = new BaselineBenchmark();
    baseline.setup();
    assertThat(baseline.run()).isEqualTo(BenchPipelines.SIZE);
  }
}
