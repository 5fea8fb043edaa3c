package io.solidstream.samples;

import static io.solidstream.testkit.SolidstreamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solidstream.api.config.ConfigType;
import io.solidstream.api.config.RunConfig;
import io.solidstream.api.event.EventType;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.pipeline.InvalidPipelineException;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.pipeline.SolidNode;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.StepStats;
import io.solidstream.api.run.StepStatus;
import io.solidstream.api.solid.InputDef;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.SolidDefinition;
import io.solidstream.api.stream.Aggregators;
import io.solidstream.api.stream.DataStream;
import io.solidstream.api.stream.OutputTag;
import io.solidstream.api.stream.StreamBuilder;
import io.solidstream.api.stream.StreamProgram;
import io.solidstream.api.stream.StreamResult;
import io.solidstream.api.stream.io.Sink;
import io.solidstream.api.stream.io.Sinks;
import io.solidstream.api.stream.io.Sources;
import io.solidstream.api.stream.time.WatermarkStrategy;
import io.solidstream.api.stream.time.WindowSpec;
import io.solidstream.runtime.local.LocalRuntime;
import io.solidstream.runtime.local.stream.LocalStreamRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples of the README, kept here so that they compile and pass. */
class ReadmeExampleTest {
  // README "Example" starts here.
  static final OutputDef<String> NAME = OutputDef.of("name", String.class);
  static final InputDef<String> WHO = InputDef.of("who", String.class);
  static final OutputDef<String> GREETING = OutputDef.of("greeting", String.class);

  static final SolidDefinition GET_NAME = SolidDefinition.builder("get_name")
      .config(ConfigType.shape().field("name", ConfigType.string(), "world").build())
      .returning(NAME, (ctx, in) -> ctx.config().getString("name"))
      .build();
  static final SolidDefinition GREET =
      SolidDefinition.function("greet", WHO, GREETING, who -> "Hello, " + who + "!");

  @Test
  void greets() {
    PipelineBuilder p = PipelineDefinition.builder("hello");
    SolidNode name = p.add(GET_NAME);
    p.add(GREET).wire(WHO, name.output(NAME));
    PipelineDefinition hello = p.build();

    RunResult result = LocalRuntime.create().execute(hello,
        RunRequest.of(RunConfig.fromYaml("solids: {get_name: {config: {name: Ada}}}")));

    assertThat(result.success()).isTrue();
    assertThat(result.output("greet", GREETING)).isEqualTo("Hello, Ada!");
  }
  // README "Example" ends here.

  @Test
  void unwiredInputFromRunConfig() {
    InputDef<String> who = InputDef.of("who", String.class).fromConfig();
    SolidDefinition greet = SolidDefinition.function("greet", who, GREETING, w -> "Hello, " + w + "!");
    PipelineBuilder p = PipelineDefinition.builder("hello_input");
    p.add(greet);

    RunResult result = LocalRuntime.create().execute(p.build(),
        RunRequest.of(RunConfig.fromYaml("solids: {greet: {inputs: {who: Grace}}}")));

    assertThat(result.output("greet", GREETING)).isEqualTo("Hello, Grace!");
  }

  /** Not serializable, like a client object captured by a lambda by mistake. */
  static final class Client {
    String name() {
      return "client";
    }
  }

  @Test
  void serializabilityCheckCatchesCapturedObjectsAndCanBeTurnedOff() {
    Client client = new Client();
    SolidDefinition captures = SolidDefinition.builder("captures")
        .returning(NAME, (ctx, in) -> client.name())
        .build();
    PipelineBuilder p = PipelineDefinition.builder("captures_client");
    p.add(captures);
    PipelineDefinition pipeline = p.build();

    assertThatThrownBy(() -> LocalRuntime.create().execute(pipeline))
        .isInstanceOf(InvalidPipelineException.class)
        .hasMessageContaining("the compute function of solid 'captures' must be serializable")
        .hasMessageContaining("checkSerializable(false)");

    RunResult result = LocalRuntime.builder().checkSerializable(false).build().execute(pipeline);
    assertThat(result.output("captures", NAME)).isEqualTo("client");
  }

  @Test
  void selectionRunsPartOfAPipelineWithItsInputsFromRunConfig() {
    PipelineBuilder p = PipelineDefinition.builder("hello");
    SolidNode name = p.add(GET_NAME);
    p.add(GREET).wire(WHO, name.output(NAME));

    RunResult result = LocalRuntime.create().execute(p.build(), RunRequest.builder()
        .selection("greet")
        .runConfig(RunConfig.fromYaml("solids: {greet: {inputs: {who: Lin}}}"))
        .build());

    assertThat(result.output("greet", GREETING)).isEqualTo("Hello, Lin!");
    assertThat(result.hasOutput("get_name", "name")).isFalse();
  }

  @Test
  void testingWithReplacementResourcesListenersAndEventAssertions() {
    // README "Testing" starts here.
    Notifier notifier = new Notifier("#test", false);
    List<RunEvent> seen = new CopyOnWriteArrayList<>();
    RunRequest request = RunRequest.builder()
        .runConfig(WeatherAlerts.defaultRunConfig())  // its resources.notifier section is ignored
        .resource(WeatherAlerts.NOTIFIER, notifier)   // a ready-made object replaces the definition
        .listener(seen::add)                          // receives every event as it happens
        .build();

    RunResult result = LocalRuntime.create().execute(WeatherAlerts.pipeline(), request);

    assertThat(result.success()).as(RunSummary.format(result)).isTrue();
    assertThat(result.step("fetch_readings[SMA]")).get()
        .extracting(StepStats::status, StepStats::attempts).containsExactly(StepStatus.SUCCESS, 2);
    assertThat(result.eventsOf(RunEvent.StepUpForRetry.class)).extracting(RunEvent::stepKey)
        .containsExactlyInAnyOrder("fetch_readings[SMA]", "fetch_readings[BRE]");
    assertThat(notifier.messages()).last().isEqualTo("digest of run " + result.runId() + " sent");
    assertThat(seen).hasSameSizeAs(result.events());
    // README "Testing" ends here.
  }

  @Test
  void testKitAssertions(@TempDir Path reports) {
    RunRequest request = RunRequest.of(RunConfig.builder()
        .solidConfig("write_report", Map.of("output_dir", reports.toString()))
        .build());
    // README "Test kit" starts here.
    RunResult result = LocalRuntime.create().execute(OrdersEtl.pipeline(), request);

    assertThat(result)
        .succeeded()                    // else fails listing the failed steps, their errors and the step table
        .stepSucceeded("write_report")
        .hasFailedExpectation("customer_present")
        .hasMaterialization(OrdersEtl.REPORT_ASSET)
        .hasEventSequence("write_report", EventType.STEP_STARTED, EventType.MATERIALIZATION,
            EventType.STEP_SUCCEEDED)
        .output("validate_orders", OrdersEtl.VALID_ORDERS).extracting(List::size).isEqualTo(34);
    // README "Test kit" ends here.
  }

  @Test
  void invalidRunConfigMessage() {
    RunConfig config = RunConfig.fromYaml("""
        solids:
          load_orders:
            config: {limit: many}
          write_report:
            config: {format: pdf, output_dri: /tmp}
        """);

    assertThatThrownBy(() -> LocalRuntime.create().execute(OrdersEtl.pipeline(), RunRequest.of(config)))
        .hasMessage("""
            Invalid run config for pipeline 'orders_etl': 3 errors
              1. solids.load_orders.config.limit: expected Int, received String "many"
              2. solids.write_report.config.format: expected Enum[markdown|csv], received String "pdf"; \
            allowed values: markdown, csv
              3. solids.write_report.config: unknown field 'output_dri'; allowed fields: output_dir, format; \
            did you mean 'output_dir'?""");
  }

  // README "Stream DSL" starts here.
  static final OutputTag<Click> LATE = OutputTag.of("late", Click.class);

  @Test
  void countsClicksPerUserAndMinute() {
    List<Click> clicks = List.of(new Click("ann", "/", 1_000), new Click("bob", "/cart", 30_000),
        new Click("ann", "/help", 59_000), new Click("ann", "/", 61_000));
    StreamBuilder b = StreamProgram.builder("clicks");
    Sink.Collect<String> counts = Sinks.collect("counts");
    Sink.Collect<Click> late = Sinks.collect("late");
    DataStream<String> perMinute = b
        .source(Sources.fromList(clicks), WatermarkStrategy.<Click>forBoundedOutOfOrderness(Duration.ofSeconds(10))
            .withTimestampAssigner((click, ts) -> click.timestamp()))
        .filter(click -> !click.url().equals("/health"))
        .keyBy(Click::user)
        .window(WindowSpec.tumbling(Duration.ofMinutes(1)))
        .sideOutputLateData(LATE)
        .aggregate(Aggregators.count(), (user, window, n) -> user + " " + window.start() + " " + n);
    perMinute.sink(counts);
    perMinute.sideOutput(LATE).sink(late);

    StreamResult result = LocalStreamRuntime.create().execute(b.build()).orThrow();

    assertThat(result.collected(counts)).containsExactly("ann 0 2", "bob 0 1", "ann 60000 1");
    assertThat(result.collected(late)).isEmpty();
  }
  // README "Stream DSL" ends here.
}
