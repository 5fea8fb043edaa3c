package io.solidstream.runtime.flink.stream;

import org.apache.flink.streaming.api.windowing.triggers.Trigger;
import org.apache.flink.streaming.api.windowing.triggers.TriggerResult;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;

/**
 * Flink's {@code EventTimeTrigger} for {@code windowAll} over non-merging event-time windows: fires
 * a window when the watermark passes its end, and at once for a record of a window whose end the
 * watermark has passed (allowed lateness). Where Flink's trigger registers the window's timer again
 * for every record (the timer service finds it registered already, at the cost of a lookup and an
 * allocation), this one registers it once for the window it saw last: a {@code windowAll}
 * operator has one key, so that window's timer is registered until it fires (after which the
 * watermark has passed its end and no record registers it) or is deleted by {@link #clear}. After
 * a restore the first record of each window registers it again (a no-op for a restored timer).
 */
final class WindowAllEventTimeTrigger extends Trigger<Object, TimeWindow> {
  private static final long serialVersionUID = 1L;

  /** The window whose timer this instance registered last (per operator instance: one key). */
  private transient TimeWindow registered;

  @Override
  public TriggerResult onElement(Object element, long timestamp, TimeWindow window, TriggerContext ctx) {
    if (window.maxTimestamp() <= ctx.getCurrentWatermark()) {
      return TriggerResult.FIRE;
    }
    if (!window.equals(registered)) {
      ctx.registerEventTimeTimer(window.maxTimestamp());
      registered = window;
    }
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) {
    return time == window.maxTimestamp() ? TriggerResult.FIRE : TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
    return TriggerResult.CONTINUE;
  }

  @Override
  public void clear(TimeWindow window, TriggerContext ctx) {
    ctx.deleteEventTimeTimer(window.maxTimestamp());
    if (window.equals(registered)) {
      registered = null;
    }
  }

  @Override
  public String toString() {
    return "WindowAllEventTimeTrigger()";
  }
}
