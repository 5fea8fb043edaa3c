package io.solidstream.runtime.local.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The watermark of a multi-input operator (union, connect, joins, exchanges): Flink's valve. */
class WatermarkPropagationTest {
  private final List<String> seen = new ArrayList<>();
  private BasicOperators.ForwardOperator union;
  private int first;
  private int second;

  @BeforeEach
  void wire() throws Exception {
    union = new BasicOperators.ForwardOperator("p/union");
    first = union.addChannel(0);
    second = union.addChannel(1);
    union.addOutput(new Output() {
      @Override
      public void collect(Object value, long timestamp) {
        seen.add("record " + value);
      }

      @Override
      public void watermark(long watermark) {
        seen.add("watermark " + (watermark == Long.MAX_VALUE ? "MAX" : watermark));
      }

      @Override
      public void idle(boolean idle) {
        seen.add(idle ? "idle" : "active");
      }

      @Override
      public void end() {
        seen.add("end");
      }
    });
    union.open(new TaskContext(true, 0), false);
  }

  @Test
  void unionWatermarkIsTheMinimumOfItsInputs() {
    union.processWatermark(first, 5000);
    assertThat(seen).isEmpty();
    union.processWatermark(second, 200);
    union.processWatermark(second, 7000);
    union.processWatermark(first, 6000);

    assertThat(seen).containsExactly("watermark 200", "watermark 5000", "watermark 6000");
  }

  @Test
  void watermarksNeverMoveBack() {
    union.processWatermark(first, 100);
    union.processWatermark(second, 100);
    union.processWatermark(first, 50);

    assertThat(seen).containsExactly("watermark 100");
    assertThat(union.currentWatermark).isEqualTo(100);
  }

  @Test
  void anIdleInputDoesNotHoldBackTheWatermark() {
    union.processWatermark(first, 5000);
    union.processIdle(second, true);
    union.processIdle(first, true);
    union.processWatermark(second, 9000);

    assertThat(seen).containsExactly("watermark 5000", "idle", "active", "watermark 9000");
  }

  @Test
  void anEndedInputCountsAsTheFinalWatermarkAndAllEndedEndsTheOperator() {
    union.processWatermark(first, 300);
    union.endChannel(second);
    union.endChannel(first);

    assertThat(seen).containsExactly("watermark 300", "watermark MAX", "end");
  }
}
