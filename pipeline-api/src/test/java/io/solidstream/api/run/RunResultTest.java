package io.solidstream.api.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.event.ErrorInfo;
import io.solidstream.api.event.RunEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The result object every runtime builds at the end of a run. */
class RunResultTest {

  @Test
  void failuresAreInTheOrderOfTheirStepFailedEventsWhateverOrderTheRuntimeHandedThemIn() {
    // Given two steps that failed on two threads: "one" first, but "two" handed in first
    Instant now = Instant.now();
    IllegalStateException one = new IllegalStateException("one");
    IllegalStateException two = new IllegalStateException("two");
    IllegalStateException other = new IllegalStateException("no event");
    List<RunEvent> events = List.of(
        new RunEvent.StepFailed("r", now, "one", "one", ErrorInfo.of(one), 1),
        new RunEvent.StepFailed("r", now, "two", "two", ErrorInfo.of(two), 1));
    Map<String, Throwable> handedIn = new LinkedHashMap<>();
    handedIn.put("other", other);
    handedIn.put("two", two);
    handedIn.put("one", one);

    // When
    RunResult result = new RunResult("r", "p", events, Map.of(), handedIn);

    // Then
    assertThat(result.failures().keySet()).containsExactly("one", "two", "other");
    assertThat(result.failures().get("two")).isSameAs(two);
  }
}
