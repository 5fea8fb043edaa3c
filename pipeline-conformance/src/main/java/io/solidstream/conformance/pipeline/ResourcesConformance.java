package io.solidstream.conformance.pipeline;

import static io.solidstream.conformance.pipeline.Solids.IN;
import static io.solidstream.conformance.pipeline.Solids.OUT;
import static io.solidstream.conformance.pipeline.Solids.constant;
import static io.solidstream.conformance.pipeline.Solids.plusOne;
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
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Resources: opened once per run just before the first step that needs them, closed after the run
 * in reverse order of opening (also when it fails), configured from run config, requiring other
 * resources, replaced by ready-made objects; and what happens when one fails to open or close, or
 * is read without being declared.
 *
 * <p>A runtime without {@link Feature#RUN_SCOPED_RESOURCES} opens resources where its steps run;
 * for it, the tests of the run-wide lifecycle check instead that every step runs while the
 * resources it uses are open, and that every instance opened is closed once.
 */
public abstract class ResourcesConformance extends PipelineConformance {
  static final ResourceKey<Conn> DB = ResourceKey.of("db", Conn.class);
  static final ResourceKey<Conn> CACHE = ResourceKey.of("cache", Conn.class);
  static final ResourceKey<Conn> QUEUE = ResourceKey.of("queue", Conn.class);

  /**
   * A connection that journals its life: "open NAME" when created, "close NAME" when closed.
   * Serializable so that a replacement object can be shipped to where the steps run.
   */
  public static final class Conn implements AutoCloseable, Serializable {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final String url;
    private final Journal journal;

    /** Opens the connection, journaling it. */
    public Conn(String name, String url, Journal journal) {
      this.name = name;
      this.url = url;
      this.journal = journal;
      journal.write("open " + name);
    }

    /** The name. */
    public String name() {
      return name;
    }

    /** The url from config, or null. */
    public String url() {
      return url;
    }

    @Override
    public void close() {
      journal.write("close " + name);
    }
  }

  static ResourceDefinition<Conn> conn(String name, Journal journal) {
    return ResourceDefinition.of(ctx -> new Conn(name, null, journal));
  }

  /** A solid that journals "step KEY uses NAME" after reading {@code key}. */
  static SolidDefinition using(String name, ResourceKey<Conn> key, Journal journal) {
    return SolidDefinition.builder(name).requires(key).returning(OUT, (ctx, in) -> {
      journal.write("step " + ctx.stepKey() + " uses " + ctx.resource(key).name());
      return 1;
    }).build();
  }

  /** A solid with input {@code in} that requires {@code keys} and journals "step NAME". */
  static SolidDefinition requiring(String name, Journal journal, ResourceKey<?>... keys) {
    return SolidDefinition.builder(name).input(IN).requires(keys).returning(OUT, (ctx, in) -> {
      journal.write("step " + name);
      return 1;
    }).build();
  }

  @Test
  void resourcesOpenJustBeforeTheFirstStepThatNeedsThemAndCloseInReverseOrder() {
    // Given first -> q (uses queue) -> d (uses db) -> c (uses cache and db), resources declared db, cache, queue
    Journal journal = journal("life");
    PipelineBuilder p = PipelineDefinition.builder("lifecycle")
        .resource(DB, conn("db", journal)).resource(CACHE, conn("cache", journal)).resource(QUEUE, conn("queue", journal));
    SolidNode first = p.add(constant("first", 1, journal));
    SolidNode q = p.add(requiring("q", journal, QUEUE)).wire(IN, first.output(OUT));
    SolidNode d = p.add(requiring("d", journal, DB)).wire(IN, q.output(OUT));
    p.add(requiring("c", journal, CACHE, DB)).wire(IN, d.output(OUT));

    // When
    RunResult result = execute(p.build());

    // Then each resource opened once, just before the first step needing it, and closed in reverse
    assertThat(result.success()).isTrue();
    if (supports(Feature.RUN_SCOPED_RESOURCES)) {
      assertThat(journal.entries()).containsExactly(
          "first", "open queue", "step q", "open db", "step d", "open cache", "step c",
          "close cache", "close db", "close queue");
    } else {
      assertThat(steps(journal.entries())).containsExactly("first", "step q", "step d", "step c");
      assertOpenWhileUsed(journal.entries(), Map.of("step q", List.of("queue"), "step d", List.of("db"),
          "step c", List.of("cache", "db")));
      assertThat(journal.entries()).as("opened at most once per step using it")
          .containsOnlyOnce("open queue", "open cache").filteredOn("open db"::equals).hasSizeBetween(1, 2);
    }
  }

  @Test
  void aResourceNeededOnlyBySkippedStepsIsNeverOpened() {
    Journal journal = journal("life");
    PipelineBuilder p = PipelineDefinition.builder("skipped_resource")
        .resource(DB, conn("db", journal)).resource(CACHE, conn("cache", journal));
    SolidNode broken = p.add(SolidDefinition.builder("broken").requires(DB).returning(OUT, (ctx, in) -> {
      throw new IllegalStateException("broken");
    }).build());
    p.add(requiring("cached", journal, CACHE)).wire(IN, broken.output(OUT));

    RunResult result = execute(p.build());

    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(result.step("cached").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(journal.entries()).containsExactly("open db", "close db");
  }

  @Test
  void resourcesAreClosedWhenTheRunFails() {
    Journal journal = journal("life");
    PipelineBuilder p = PipelineDefinition.builder("failing")
        .resource(DB, conn("db", journal)).resource(CACHE, conn("cache", journal));
    SolidNode ok = p.add(using("ok", DB, journal));
    p.add(SolidDefinition.builder("fails").input(IN).requires(CACHE).returning(OUT, (ctx, in) -> {
      ctx.resource(CACHE);
      throw new IllegalStateException("after opening");
    }).build()).wire(IN, ok.output(OUT));

    RunResult result = execute(p.build());

    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    if (supports(Feature.RUN_SCOPED_RESOURCES)) {
      assertThat(journal.entries()).containsExactly("open db", "step ok uses db", "open cache", "close cache", "close db");
    } else {
      assertThat(steps(journal.entries())).containsExactly("step ok uses db");
      assertOpenWhileUsed(journal.entries(), Map.of("step ok uses db", List.of("db")));
      assertThat(journal.entries()).containsOnlyOnce("open db", "open cache", "close cache", "close db");
    }
  }

  @Test
  void resourceConfigComesFromRunConfig() {
    Journal journal = journal("life");
    ResourceDefinition<Conn> configured = ResourceDefinition
        .builder(ctx -> new Conn("db", ctx.config().getString("url"), journal))
        .config(ConfigType.shape().field("url", ConfigType.string()).build())
        .build();
    PipelineBuilder p = PipelineDefinition.builder("configured").resource(DB, configured);
    p.add(SolidDefinition.builder("reads").requires(DB).returning(OUT, (ctx, in) -> {
      journal.write("url " + ctx.resource(DB).url());
      return 1;
    }).build());

    RunResult result = execute(p.build(),
        RunRequest.of(RunConfig.fromYaml("resources: {db: {config: {url: 'jdbc:sqlite:orders.db'}}}")));

    assertThat(result.success()).isTrue();
    assertThat(journal.entries()).containsExactly("open db", "url jdbc:sqlite:orders.db", "close db");
  }

  @Test
  void aResourceRequiringAnotherOneOpensItFirstAndClosesItLast() {
    Journal journal = journal("life");
    ResourceDefinition<Conn> cache = ResourceDefinition
        .builder(ctx -> new Conn("cache over " + ctx.resource(DB).name(), null, journal))
        .requiring(DB)
        .build();
    PipelineBuilder p = PipelineDefinition.builder("dependent").resource(DB, conn("db", journal)).resource(CACHE, cache);
    p.add(using("reads", CACHE, journal));

    RunResult result = execute(p.build());

    assertThat(result.success()).isTrue();
    assertThat(journal.entries()).containsExactly(
        "open db", "open cache over db", "step reads uses cache over db", "close cache over db", "close db");
  }

  @Test
  void aResourceSharedByManyStepsIsOpenedOnce() {
    Journal journal = journal("life");
    PipelineBuilder p = PipelineDefinition.builder("shared").resource(DB, conn("db", journal));
    p.add(using("one", DB, journal));
    p.add(using("two", DB, journal));
    p.add(using("three", DB, journal));

    RunResult result = execute(p.build());

    assertThat(result.success()).isTrue();
    if (supports(Feature.RUN_SCOPED_RESOURCES)) {
      assertThat(journal.entries()).hasSize(5).startsWith("open db").endsWith("close db")
          .contains("step one uses db", "step two uses db", "step three uses db");
    } else {
      assertThat(steps(journal.entries()))
          .containsExactlyInAnyOrder("step one uses db", "step two uses db", "step three uses db");
      assertOpenWhileUsed(journal.entries(), Map.of(
          "step one uses db", List.of("db"), "step two uses db", List.of("db"), "step three uses db", List.of("db")));
      assertThat(journal.entries()).filteredOn("open db"::equals).as("opened at most once per step").hasSizeBetween(1, 3);
    }
  }

  @Test
  void aReplacementObjectIsUsedInsteadOfTheDefinitionAndNotClosed() {
    // Given a resource definition, and a ready-made replacement for it
    Journal definitionJournal = journal("definition");
    Journal testJournal = journal("test");
    Conn fake = new Conn("fake", null, testJournal);
    PipelineBuilder p = PipelineDefinition.builder("replaced").resource(DB, conn("db", definitionJournal));
    p.add(using("reads", DB, testJournal));

    // When
    RunResult result = execute(p.build(), RunRequest.builder().resource(DB, fake).build());

    // Then
    assertThat(result.success()).isTrue();
    assertThat(definitionJournal.entries()).as("the definition was never opened").isEmpty();
    assertThat(testJournal.entries()).as("the replacement was used and not closed")
        .containsExactly("open fake", "step reads uses fake");
  }

  @Test
  void aResourceFailingToOpenFailsTheStepNamingTheResource() {
    Journal ran = journal("ran");
    PipelineBuilder p = PipelineDefinition.builder("unavailable")
        .resource(DB, ResourceDefinition.of(ctx -> {
          throw new IOException("connection refused");
        }));
    SolidNode reads = p.add(using("reads", DB, ran));
    p.add(plusOne("after", ran)).wire(IN, reads.output(OUT));
    p.add(constant("independent", 1, ran));

    RunResult result = execute(p.build());

    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(ran.entries()).containsExactly("independent");
    assertThat(result.failures()).containsOnlyKeys("reads");
    assertThat(result.failures().get("reads"))
        .hasMessageContaining("solid 'reads'")
        .hasMessageContaining("Resource 'db' failed to open")
        .hasMessageContaining("connection refused")
        .hasRootCauseInstanceOf(IOException.class);
    assertThat(result.step("after").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
  }

  @Test
  void readingAnUndeclaredResourceFailsTheStepSayingHowToDeclareIt() {
    Journal journal = journal("life");
    PipelineBuilder p = PipelineDefinition.builder("undeclared").resource(DB, conn("db", journal));
    p.add(using("declares", DB, journal));
    p.add(SolidDefinition.builder("sneaky").returning(OUT, (ctx, in) -> {
      ctx.resource(DB);
      return 1;
    }).build());

    RunResult result = execute(p.build());

    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(result.failures()).containsOnlyKeys("sneaky");
    assertThat(result.failures().get("sneaky"))
        .hasMessageContaining("solid 'sneaky' did not declare resource 'db'")
        .hasMessageContaining("requires(");
  }

  @Test
  void aResourceFailingToCloseIsReportedAsAnErrorEventAndTheOthersStillClose() {
    Journal journal = journal("life");
    ResourceDefinition<Conn> badCloser = ResourceDefinition.builder(ctx -> new Conn("cache", null, journal))
        .closer(c -> {
          throw new IOException("close failed");
        }).build();
    PipelineBuilder p = PipelineDefinition.builder("bad_close").resource(DB, conn("db", journal)).resource(CACHE, badCloser);
    p.add(SolidDefinition.builder("both").requires(DB, CACHE).returning(OUT, (ctx, in) -> 1).build());

    RunResult result = execute(p.build());

    assertThat(result.success()).as("closing is after the run's work").isTrue();
    assertThat(journal.entries()).containsExactly("open db", "open cache", "close db");
    assertThat(result.eventsOf(RunEvent.LogMessage.class)).singleElement().satisfies(m -> {
      assertThat(m.level()).isEqualTo("ERROR");
      assertThat(m.stepKey()).as("a run-level event").isNull();
      assertThat(m.text()).contains("Resource 'cache' failed to close", "close failed");
    });
  }

  /** The entries that are not an opening or closing of a resource. */
  static List<String> steps(List<String> entries) {
    return entries.stream().filter(e -> !e.startsWith("open ") && !e.startsWith("close ")).toList();
  }

  /**
   * Checks the contract of a runtime opening resources where its steps run: every instance opened
   * is closed once and never before it was opened, and each entry of {@code uses} was written
   * while the resources it lists were open.
   */
  static void assertOpenWhileUsed(List<String> entries, Map<String, List<String>> uses) {
    Map<String, Integer> open = new HashMap<>();
    for (String entry : entries) {
      if (entry.startsWith("open ")) {
        open.merge(entry.substring(5), 1, Integer::sum);
      } else if (entry.startsWith("close ")) {
        String name = entry.substring(6);
        assertThat(open.getOrDefault(name, 0)).as("'%s' closes an open instance, in %s", entry, entries).isPositive();
        open.merge(name, -1, Integer::sum);
      } else {
        for (String resource : uses.getOrDefault(entry, List.of())) {
          assertThat(open.getOrDefault(resource, 0)).as("resource '%s' is open at '%s', in %s", resource, entry, entries)
              .isPositive();
        }
      }
    }
    assertThat(open).as("every instance opened is closed, in %s", entries).allSatisfy((name, count) ->
        assertThat(count).as(name).isZero());
  }
}
