package io.solidstream.runtime.local;

import static io.solidstream.runtime.local.TestSolids.IN;
import static io.solidstream.runtime.local.TestSolids.OUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.config.ConfigType;
import io.solidstream.api.config.RunConfig;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.pipeline.SolidNode;
import io.solidstream.api.resource.ResourceDefinition;
import io.solidstream.api.resource.ResourceKey;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.RunStatus;
import io.solidstream.api.run.StepStatus;
import io.solidstream.api.solid.SolidDefinition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourcesTest {
  static final ResourceKey<Conn> DB = ResourceKey.of("db", Conn.class);
  static final ResourceKey<Conn> CACHE = ResourceKey.of("cache", Conn.class);
  static final ResourceKey<Conn> QUEUE = ResourceKey.of("queue", Conn.class);

  /** A resource that records its life in a shared log. */
  static final class Conn implements AutoCloseable {
    final String name;
    final String url;
    final List<String> log;

    Conn(String name, String url, List<String> log) {
      this.name = name;
      this.url = url;
      this.log = log;
      log.add("open " + name);
    }

    @Override
    public void close() {
      log.add("close " + name);
    }
  }

  private static ResourceDefinition<Conn> conn(String name, List<String> log) {
    return ResourceDefinition.of(ctx -> new Conn(name, null, log));
  }

  /** A solid that records its step key and reads {@code key}. */
  private static SolidDefinition using(String name, ResourceKey<Conn> key, List<String> log) {
    return SolidDefinition.builder(name).requires(key).returning(OUT, (ctx, in) -> {
      log.add("step " + ctx.stepKey() + " uses " + ctx.resource(key).name);
      return 1;
    }).build();
  }

  private static List<String> newLog() {
    return Collections.synchronizedList(new ArrayList<>());
  }

  @Test
  void resourcesOpenLazilyAndCloseInReverseOrderOfOpening() {
    // Given first -> (uses queue) -> (uses db) -> (uses cache), resources declared db, cache, queue
    List<String> log = newLog();
    PipelineBuilder p = PipelineDefinition.builder("lifecycle")
        .resource(DB, conn("db", log)).resource(CACHE, conn("cache", log)).resource(QUEUE, conn("queue", log));
    SolidNode first = p.add(TestSolids.source("first", 1, log));
    SolidNode q = p.add(SolidDefinition.builder("q").input(IN).requires(QUEUE).returning(OUT, (ctx, in) -> {
      log.add("step q");
      return 1;
    }).build()).wire(IN, first.output(OUT));
    SolidNode d = p.add(SolidDefinition.builder("d").input(IN).requires(DB).returning(OUT, (ctx, in) -> {
      log.add("step d");
      return 1;
    }).build()).wire(IN, q.output(OUT));
    p.add(SolidDefinition.builder("c").input(IN).requires(CACHE, DB).returning(OUT, (ctx, in) -> {
      log.add("step c");
      return 1;
    }).build()).wire(IN, d.output(OUT));

    // When
    RunResult result = LocalRuntime.create().execute(p.build());

    // Then each resource opened just before the first step needing it, closed in reverse
    assertThat(result.success()).isTrue();
    assertThat(log).containsExactly(
        "first", "open queue", "step q", "open db", "step d", "open cache", "step c",
        "close cache", "close db", "close queue");
  }

  @Test
  void resourceNeededOnlyBySkippedStepIsNeverOpened() {
    List<String> log = newLog();
    PipelineBuilder p = PipelineDefinition.builder("skipped_resource")
        .resource(DB, conn("db", log)).resource(CACHE, conn("cache", log));
    SolidNode broken = p.add(SolidDefinition.builder("broken").requires(DB).returning(OUT, (ctx, in) -> {
      throw new IllegalStateException("broken");
    }).build());
    p.add(SolidDefinition.builder("cached").input(IN).requires(CACHE).returning(OUT, (ctx, in) -> 1).build())
        .wire(IN, broken.output(OUT));

    RunResult result = LocalRuntime.create().execute(p.build());

    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(result.step("cached").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(log).containsExactly("open db", "close db");
  }

  @Test
  void resourcesAreClosedWhenTheRunFails() {
    List<String> log = newLog();
    PipelineBuilder p = PipelineDefinition.builder("failing")
        .resource(DB, conn("db", log)).resource(CACHE, conn("cache", log));
    SolidNode ok = p.add(using("ok", DB, log));
    p.add(SolidDefinition.builder("fails").input(IN).requires(CACHE).returning(OUT, (ctx, in) -> {
      ctx.resource(CACHE);
      throw new IllegalStateException("after opening");
    }).build()).wire(IN, ok.output(OUT));

    RunResult result = LocalRuntime.builder().maxConcurrent(4).build().execute(p.build());

    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(log).containsExactly("open db", "step ok uses db", "open cache", "close cache", "close db");
  }

  @Test
  void resourceConfigComesFromRunConfig() {
    List<String> log = newLog();
    ResourceDefinition<Conn> configured = ResourceDefinition
        .builder(ctx -> new Conn("db", ctx.config().getString("url"), log))
        .config(ConfigType.shape().field("url", ConfigType.string()).build())
        .build();
    List<String> urls = newLog();
    PipelineBuilder p = PipelineDefinition.builder("configured").resource(DB, configured);
    p.add(SolidDefinition.builder("reads").requires(DB).returning(OUT, (ctx, in) -> {
      urls.add(ctx.resource(DB).url);
      return 1;
    }).build());

    RunResult result = LocalRuntime.create().execute(p.build(),
        RunRequest.of(RunConfig.fromYaml("resources:\n  db:\n    config:\n      url: jdbc:h2:mem:test\n")));

    assertThat(result.success()).isTrue();
    assertThat(urls).containsExactly("jdbc:h2:mem:test");
  }

  @Test
  void resourceRequiringAnotherResourceOpensItFirstAndClosesItLast() {
    List<String> log = newLog();
    ResourceDefinition<Conn> cache = ResourceDefinition
        .builder(ctx -> new Conn("cache over " + ctx.resource(DB).name, null, log))
        .requiring(DB)
        .build();
    PipelineBuilder p = PipelineDefinition.builder("dependent").resource(DB, conn("db", log)).resource(CACHE, cache);
    p.add(using("reads", CACHE, log));

    RunResult result = LocalRuntime.create().execute(p.build());

    assertThat(result.success()).isTrue();
    assertThat(log).containsExactly(
        "open db", "open cache over db", "step reads uses cache over db", "close cache over db", "close db");
  }

  @Test
  void replacementResourceIsUsedInsteadOfTheDefinitionAndNotClosed() {
    List<String> log = newLog();
    List<String> testLog = newLog();
    Conn fake = new Conn("fake", null, testLog);
    PipelineBuilder p = PipelineDefinition.builder("replaced").resource(DB, conn("db", log));
    p.add(using("reads", DB, testLog));

    RunResult result = LocalRuntime.create().execute(p.build(), RunRequest.builder().resource(DB, fake).build());

    assertThat(result.success()).isTrue();
    assertThat(log).as("the definition was never opened").isEmpty();
    assertThat(testLog).containsExactly("open fake", "step reads uses fake");
  }

  @Test
  void resourceFailingToOpenFailsTheStepNamingTheResource() {
    List<String> ran = newLog();
    PipelineBuilder p = PipelineDefinition.builder("unavailable")
        .resource(DB, ResourceDefinition.of(ctx -> {
          throw new IOException("connection refused");
        }));
    SolidNode reads = p.add(using("reads", DB, ran));
    p.add(TestSolids.plusOne("after", ran)).wire(IN, reads.output(OUT));
    p.add(TestSolids.source("independent", 1, ran));

    RunResult result = LocalRuntime.create().execute(p.build());

    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(ran).containsExactly("independent");
    assertThat(result.failures()).containsOnlyKeys("reads");
    assertThat(result.failures().get("reads"))
        .hasMessageContaining("solid 'reads'")
        .hasMessageContaining("Resource 'db' failed to open")
        .hasMessageContaining("connection refused")
        .hasRootCauseInstanceOf(IOException.class);
    assertThat(result.step("after").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
  }

  @Test
  void undeclaredResourceAccessFailsWithAClearError() {
    List<String> log = newLog();
    PipelineBuilder p = PipelineDefinition.builder("undeclared").resource(DB, conn("db", log));
    p.add(using("declares", DB, log));
    p.add(SolidDefinition.builder("sneaky").returning(OUT, (ctx, in) -> {
      ctx.resource(DB);
      return 1;
    }).build());

    RunResult result = LocalRuntime.create().execute(p.build());

    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(result.failures()).containsOnlyKeys("sneaky");
    assertThat(result.failures().get("sneaky"))
        .hasMessageContaining("solid 'sneaky' did not declare resource 'db'")
        .hasMessageContaining("requires(");
  }

  @Test
  void resourceFailingToCloseIsReportedAndOthersStillClose() {
    List<String> log = newLog();
    ResourceDefinition<Conn> badCloser = ResourceDefinition.builder(ctx -> new Conn("cache", null, log))
        .closer(c -> {
          throw new IOException("close failed");
        }).build();
    PipelineBuilder p = PipelineDefinition.builder("bad_close").resource(DB, conn("db", log)).resource(CACHE, badCloser);
    p.add(SolidDefinition.builder("both").requires(DB, CACHE).returning(OUT, (ctx, in) -> 1).build());

    RunResult result = LocalRuntime.create().execute(p.build());

    assertThat(result.success()).isTrue();
    assertThat(log).containsExactly("open db", "open cache", "close db");
    assertThat(result.eventsOf(RunEvent.LogMessage.class)).singleElement().satisfies(m -> {
      assertThat(m.level()).isEqualTo("ERROR");
      assertThat(m.text()).contains("Resource 'cache' failed to close", "close failed");
    });
  }
}
