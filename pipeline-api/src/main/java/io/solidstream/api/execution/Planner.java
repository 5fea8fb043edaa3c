package io.solidstream.api.execution;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import io.solidstream.api.config.Config;
import io.solidstream.api.config.ConfigError;
import io.solidstream.api.config.ConfigPath;
import io.solidstream.api.config.ConfigType;
import io.solidstream.api.config.ConfigValidationResult;
import io.solidstream.api.config.RunConfigException;
import io.solidstream.api.config.ShapeType;
import io.solidstream.api.internal.SolidSelection;
import io.solidstream.api.pipeline.CompositeSolidDefinition;
import io.solidstream.api.pipeline.HookDefinition;
import io.solidstream.api.pipeline.InputSource;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.pipeline.ResourceBinding;
import io.solidstream.api.pipeline.SolidInvocation;
import io.solidstream.api.resource.ResourceKey;
import io.solidstream.api.run.ParentOutputs;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.StepOutputKey;
import io.solidstream.api.solid.InputDef;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.SolidDefinition;
import io.solidstream.api.types.DataType;
import io.solidstream.api.types.TypeCheckResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a pipeline and a run request into an {@link ExecutionPlan}. */
final class Planner {
  private static final ObjectMapper CONVERTER =
      new ObjectMapper().findAndRegisterModules().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final PipelineDefinition pipeline;
  private final RunRequest request;
  private final Set<String> selected;
  private final List<ConfigError> errors = new ArrayList<>();
  private final Map<String, ExecutionStep> steps = new LinkedHashMap<>();

  /** A graph level while flattening: the root pipeline or the inside of a composite invocation. */
  private record Scope(
      String prefix,
      Map<String, SolidInvocation> nodes,
      Scope parent,
      SolidInvocation composite,
      Map<String, Object> compositeSection,
      ConfigPath compositePath,
      List<HookDefinition> hooks,
      Map<String, String> tags) {}

  Planner(PipelineDefinition pipeline, RunRequest request) {
    this.pipeline = pipeline;
    this.request = request;
    this.selected =
        request.selection().isPresent()
            ? SolidSelection.select(request.selection().get(), pipeline.dependencies())
            : new LinkedHashSet<>(pipeline.dependencies().keySet());
  }

  // ---------------------------------------------------------------- schema

  ShapeType schema() {
    ShapeType.Builder root = ConfigType.shape();
    ShapeType.Builder solids = ConfigType.shape();
    for (SolidInvocation invocation : pipeline.solids()) {
      if (selected.contains(invocation.name())) {
        solids.field(invocation.name(), nodeSchema(invocation, true));
      } else {
        // Accepted and ignored, so that one config file serves full and subset runs.
        solids.optionalField(invocation.name(), ConfigType.any());
      }
    }
    root.field("solids", solids.build());
    ShapeType.Builder resources = ConfigType.shape();
    Set<String> required = requiredResources();
    for (String name : required) {
      ResourceBinding binding = pipeline.resources().get(name);
      ShapeType.Builder resource = ConfigType.shape();
      if (binding.definition().configSchema() != null) {
        resource.field("config", binding.definition().configSchema());
      }
      resources.field(name, resource.build());
    }
    for (String name : pipeline.resources().keySet()) {
      if (!required.contains(name)) {
        // Not opened by this run (unused by the selection, or replaced): accepted and ignored.
        resources.optionalField(name, ConfigType.any());
      }
    }
    root.field("resources", resources.build());
    return root.build();
  }

  private ConfigType nodeSchema(SolidInvocation invocation, boolean topLevel) {
    ShapeType.Builder node = ConfigType.shape();
    if (invocation.definition() instanceof CompositeSolidDefinition composite) {
      if (composite.configSchema() != null) {
        node.field("config", composite.configSchema());
      } else {
        node.field("solids", innerSolidsSchema(composite));
      }
    } else if (invocation.definition().configSchema() != null) {
      node.field("config", invocation.definition().configSchema());
    }
    ShapeType.Builder inputs = ConfigType.shape();
    boolean anyInput = false;
    for (InputDef<?> input : invocation.definition().inputs()) {
      InputSource source = invocation.inputs().get(input.name());
      ConfigType type = configTypeFor(input.type());
      if (source != null && topLevel && readsUnselected(source)) {
        if (input.isOptional() || input.hasDefault()) {
          inputs.optionalField(input.name(), type);
        } else {
          inputs.field(input.name(), type);
        }
        anyInput = true;
      } else if (source == null && input.isFromConfig()) {
        if (input.isOptional() || input.hasDefault()) {
          inputs.optionalField(input.name(), type);
        } else {
          inputs.field(input.name(), type);
        }
        anyInput = true;
      }
    }
    if (anyInput) {
      node.field("inputs", inputs.build());
    }
    return node.build();
  }

  private ShapeType innerSolidsSchema(CompositeSolidDefinition composite) {
    ShapeType.Builder inner = ConfigType.shape();
    for (SolidInvocation invocation : composite.solids()) {
      inner.field(invocation.name(), nodeSchema(invocation, false));
    }
    return inner.build();
  }

  private static ConfigType configTypeFor(DataType<?> type) {
    Class<?> raw = type.rawClass();
    ConfigType result;
    if (raw == String.class) {
      result = ConfigType.string();
    } else if (raw == Integer.class) {
      result = ConfigType.integer();
    } else if (raw == Long.class) {
      result = ConfigType.longType();
    } else if (raw == Double.class) {
      result = ConfigType.doubleType();
    } else if (raw == Boolean.class) {
      result = ConfigType.bool();
    } else {
      result = ConfigType.any();
    }
    return type.isNullable() ? ConfigType.optional(result) : result;
  }

  private boolean readsUnselected(InputSource source) {
    for (String solid : source.solids()) {
      if (!selected.contains(solid)) {
        return true;
      }
    }
    return false;
  }

  /** Resource names needed by the selected solids, the hooks, and those resources, in pipeline order. */
  private Set<String> requiredResources() {
    Set<String> needed = new LinkedHashSet<>();
    Deque<ResourceKey<?>> queue = new ArrayDeque<>();
    for (SolidInvocation invocation : pipeline.solids()) {
      if (selected.contains(invocation.name())) {
        queue.addAll(invocation.definition().requiredResources());
        addHookResources(invocation, queue);
      }
    }
    for (HookDefinition hook : pipeline.hooks()) {
      queue.addAll(hook.requiredResources());
    }
    while (!queue.isEmpty()) {
      ResourceKey<?> key = queue.poll();
      if (needed.add(key.name()) && !request.resources().containsKey(key.name())) {
        queue.addAll(pipeline.resources().get(key.name()).definition().requiredResources());
      }
    }
    Set<String> ordered = new LinkedHashSet<>();
    for (String name : pipeline.resources().keySet()) {
      if (needed.contains(name) && !request.resources().containsKey(name)) {
        ordered.add(name);
      }
    }
    return ordered;
  }

  private static void addHookResources(SolidInvocation invocation, Deque<ResourceKey<?>> queue) {
    for (HookDefinition hook : invocation.hooks()) {
      queue.addAll(hook.requiredResources());
    }
    if (invocation.definition() instanceof CompositeSolidDefinition composite) {
      for (SolidInvocation inner : composite.solids()) {
        addHookResources(inner, queue);
      }
    }
  }

  // ---------------------------------------------------------------- plan

  ExecutionPlan plan() {
    ShapeType schema = schema();
    Map<String, Object> document = request.runConfig().asMap();
    ConfigValidationResult validation = schema.validate(document, ConfigPath.root(), request.environment());
    Map<String, SolidInvocation> nodes = new LinkedHashMap<>();
    for (SolidInvocation invocation : pipeline.solids()) {
      nodes.put(invocation.name(), invocation);
    }
    Scope rootScope =
        new Scope("", nodes, null, null, Map.of(), ConfigPath.root(), pipeline.hooks(), pipeline.tags());
    if (!validation.isValid()) {
      errors.addAll(validation.errors());
      checkValuesOfValidSections(rootScope, asMap(document.get("solids")));
      throw new RunConfigException(pipeline.name(), errors);
    }
    Map<String, Object> root = asMap(validation.value());
    Map<String, Object> solidsSection = asMap(root.get("solids"));
    for (SolidInvocation invocation : pipeline.solids()) {
      if (selected.contains(invocation.name())) {
        addInvocation(
            rootScope, invocation, asMap(solidsSection.get(invocation.name())),
            ConfigPath.of("solids", invocation.name()));
      }
    }
    if (!errors.isEmpty()) {
      throw new RunConfigException(pipeline.name(), errors);
    }
    List<ExecutionStep> ordered = markTemplates(); // already in dependency order
    if (request.parentOutputs().isPresent()) {
      ordered = restrictToReexecution(ordered, request.parentOutputs().get());
    }
    Map<String, ResourcePlan> resources = new LinkedHashMap<>();
    Map<String, Object> resourcesSection = asMap(root.get("resources"));
    for (String name : requiredResources()) {
      Object config = asMap(resourcesSection.get(name)).get("config");
      resources.put(name, new ResourcePlan(pipeline.resources().get(name), Config.of(config)));
    }
    return new ExecutionPlan(pipeline, ordered, resources, selected);
  }

  /**
   * Input values and composite config mappings are only checked while steps are added. So that one
   * attempt reports every error, add the solids whose own section is valid even when the document
   * has schema errors elsewhere (those of invalid sections are already among the schema errors).
   * Of a solid whose config is invalid, the inputs are still checked if that part is valid.
   */
  private void checkValuesOfValidSections(Scope rootScope, Map<String, Object> rawSolids) {
    for (SolidInvocation invocation : pipeline.solids()) {
      if (!selected.contains(invocation.name())) {
        continue;
      }
      ConfigPath path = ConfigPath.of("solids", invocation.name());
      ConfigValidationResult own =
          nodeSchema(invocation, true).validate(rawSolids.get(invocation.name()), path, request.environment());
      if (own.isValid()) {
        addInvocation(rootScope, invocation, asMap(own.value()), path);
      } else if (invocation.definition() instanceof SolidDefinition
          && nodeSchema(invocation, true) instanceof ShapeType shape) {
        Object rawInputs = asMap(rawSolids.get(invocation.name())).get("inputs");
        shape.field("inputs").ifPresent(field -> {
          ConfigValidationResult inputs =
              field.type().validate(rawInputs, path.child("inputs"), request.environment());
          if (inputs.isValid()) {
            addInvocation(rootScope, invocation, Map.of("inputs", asMap(inputs.value())), path);
          }
        });
      }
    }
  }

  private void addInvocation(Scope scope, SolidInvocation invocation, Map<String, Object> section, ConfigPath path) {
    String handle = scope.prefix() + invocation.name();
    List<HookDefinition> hooks = new ArrayList<>(scope.hooks());
    hooks.addAll(invocation.hooks());
    Map<String, String> tags = new LinkedHashMap<>(scope.tags());
    tags.putAll(invocation.definition().tags());
    tags.putAll(invocation.tags());
    if (invocation.definition() instanceof CompositeSolidDefinition composite) {
      Map<String, Object> innerSection;
      ConfigPath innerPath = path.child("solids");
      if (composite.configMapping() != null) {
        innerSection = mapCompositeConfig(composite, section, path, innerPath);
        if (innerSection == null) {
          return;
        }
      } else {
        innerSection = asMap(section.get("solids"));
      }
      Map<String, SolidInvocation> nodes = new LinkedHashMap<>();
      for (SolidInvocation inner : composite.solids()) {
        nodes.put(inner.name(), inner);
      }
      Scope inner = new Scope(handle + ".", nodes, scope, invocation, section, path, hooks, tags);
      for (SolidInvocation innerInvocation : composite.solids()) {
        addInvocation(inner, innerInvocation, asMap(innerSection.get(innerInvocation.name())),
            innerPath.child(innerInvocation.name()));
      }
      return;
    }
    SolidDefinition solid = (SolidDefinition) invocation.definition();
    Map<String, Object> inputsSection = asMap(section.get("inputs"));
    Map<String, StepSource> inputs = new LinkedHashMap<>();
    for (InputDef<?> input : solid.inputs()) {
      InputSource source = invocation.inputs().get(input.name());
      ConfigPath inputPath = path.child("inputs").child(input.name());
      StepSource resolved;
      if (source != null && !(scope.parent() == null && readsUnselected(source))) {
        resolved = resolve(source, scope);
      } else {
        resolved = unwired(input, inputsSection, inputPath);
      }
      inputs.put(input.name(), resolved);
    }
    Object configValue = section.get("config");
    Config config = solid.configSchema() == null ? Config.empty() : Config.of(configValue);
    steps.put(
        handle,
        new ExecutionStep(handle, handle, solid, config, inputs,
            invocation.retryPolicy().orElse(solid.retryPolicy()), hooks, tags, null, null));
  }

  private Map<String, Object> mapCompositeConfig(
      CompositeSolidDefinition composite, Map<String, Object> section, ConfigPath path, ConfigPath innerPath) {
    Map<String, Object> mapped;
    try {
      mapped = composite.configMapping().apply(Config.of(section.get("config")));
    } catch (RuntimeException e) {
      errors.add(ConfigError.of(path.child("config").toString(),
          "the config mapping of composite solid '" + composite.name() + "' threw " + e,
          composite.configSchema().displayName(), "a value the mapping rejects"));
      return null;
    }
    if (mapped == null) {
      mapped = Map.of();
    }
    ConfigValidationResult result =
        innerSolidsSchema(composite).validate(mapped, innerPath, request.environment());
    if (!result.isValid()) {
      for (ConfigError error : result.errors()) {
        // No sample: the user cannot add entries there, only change the mapping or the composite's config.
        errors.add(ConfigError.of(error.path(),
            error.message() + " (produced by the config mapping of composite solid '" + composite.name()
                + "' from " + path.child("config") + "; fix the mapping or the composite's config)",
            error.expected(), error.received()));
      }
      return null;
    }
    return asMap(result.value());
  }

  private StepSource unwired(InputDef<?> input, Map<String, Object> inputsSection, ConfigPath inputPath) {
    if (inputsSection.containsKey(input.name())) {
      Object raw = inputsSection.get(input.name());
      try {
        if (raw == null && input.isOptional()) {
          return new StepSource.Absent();
        }
        Object value = raw == null ? null
            : CONVERTER.convertValue(raw, CONVERTER.getTypeFactory().constructType(input.type().javaType()));
        TypeCheckResult check = input.type().check(value);
        if (!check.success()) {
          errors.add(ConfigError.of(inputPath.toString(), check.description(), input.type().name(),
              raw == null ? "null" : raw.getClass().getSimpleName() + " " + abbreviate(raw)));
          return new StepSource.Absent();
        }
        return new StepSource.Constant(value, "run config " + inputPath);
      } catch (IllegalArgumentException e) {
        errors.add(ConfigError.of(inputPath.toString(),
            "cannot convert the value to " + input.type().javaTypeName() + ": " + firstLine(e.getMessage()),
            input.type().name(), raw.getClass().getSimpleName() + " " + abbreviate(raw)));
        return new StepSource.Absent();
      }
    }
    if (input.hasDefault()) {
      return new StepSource.Constant(input.defaultValue(), "the default value of input '" + input.name() + "'");
    }
    if (input.isOptional()) {
      return new StepSource.Absent();
    }
    errors.add(new ConfigError(inputPath.toString(),
        "missing required value for input '" + input.name() + "'", input.type().name(), "missing",
        input.name() + ": ...  # " + input.type().name()));
    return new StepSource.Absent();
  }

  private StepSource resolve(InputSource source, Scope scope) {
    if (source instanceof InputSource.FromOutput from) {
      SolidInvocation upstream = scope.nodes().get(from.solid());
      if (upstream.definition() instanceof CompositeSolidDefinition composite) {
        return resolve(composite.outputMappings().get(from.output()), innerScope(scope, upstream));
      }
      return new StepSource.FromStep(StepOutputKey.of(scope.prefix() + from.solid(), from.output()));
    }
    if (source instanceof InputSource.FromGraphInput graphInput) {
      SolidInvocation composite = scope.composite();
      InputSource outer = composite.inputs().get(graphInput.input());
      boolean outerUnselected = scope.parent().parent() == null && outer != null && readsUnselected(outer);
      if (outer != null && !outerUnselected) {
        return resolve(outer, scope.parent());
      }
      InputDef<?> input = composite.definition().input(graphInput.input()).orElseThrow();
      return unwired(input, asMap(scope.compositeSection().get("inputs")),
          scope.compositePath().child("inputs").child(input.name()));
    }
    if (source instanceof InputSource.FanIn fanIn) {
      List<StepSource> elements = new ArrayList<>();
      for (InputSource element : fanIn.sources()) {
        elements.add(resolve(element, scope));
      }
      return new StepSource.FanIn(elements);
    }
    if (source instanceof InputSource.DynamicItem item) {
      return new StepSource.DynamicItem(scope.prefix() + item.solid(), item.output());
    }
    InputSource.Collect collect = (InputSource.Collect) source;
    SolidInvocation upstream = scope.nodes().get(collect.solid());
    if (upstream.definition() instanceof CompositeSolidDefinition composite) {
      StepSource inner = resolve(composite.outputMappings().get(collect.output()), innerScope(scope, upstream));
      if (inner instanceof StepSource.DynamicItem item) {
        // The composite passes each dynamic value straight through: collect the dynamic output.
        return new StepSource.Collect(item.stepKey(), item.output(), true);
      }
      if (inner instanceof StepSource.FromStep from) {
        return new StepSource.Collect(from.output().stepKey(), from.output().outputName(), false);
      }
      throw new IllegalStateException("collect() of output '" + collect.output() + "' of composite '"
          + upstream.name() + "' resolves to " + inner + ", which is not produced per mapping key");
    }
    boolean dynamic = upstream.definition().output(collect.output()).map(OutputDef::isDynamic).orElse(false);
    return new StepSource.Collect(scope.prefix() + collect.solid(), collect.output(), dynamic);
  }

  private Scope innerScope(Scope scope, SolidInvocation compositeInvocation) {
    CompositeSolidDefinition composite = (CompositeSolidDefinition) compositeInvocation.definition();
    Map<String, SolidInvocation> nodes = new LinkedHashMap<>();
    for (SolidInvocation inner : composite.solids()) {
      nodes.put(inner.name(), inner);
    }
    return new Scope(scope.prefix() + compositeInvocation.name() + ".", nodes, scope, compositeInvocation,
        Map.of(), scope.compositePath(), scope.hooks(), scope.tags());
  }

  /** Marks steps mapped over a dynamic output as templates and rewrites their in-scope sources. */
  private List<ExecutionStep> markTemplates() {
    Map<String, String> scopes = new HashMap<>();
    List<ExecutionStep> result = new ArrayList<>();
    for (ExecutionStep step : order(new ArrayList<>(steps.values()))) {
      String scope = null;
      Map<String, StepSource> inputs = new LinkedHashMap<>();
      for (Map.Entry<String, StepSource> entry : step.inputs().entrySet()) {
        StepSource source = entry.getValue();
        if (source instanceof StepSource.DynamicItem item) {
          scope = item.stepKey() + "." + item.output();
        } else if (source instanceof StepSource.FromStep from && scopes.get(from.output().stepKey()) != null) {
          scope = scopes.get(from.output().stepKey());
          source = new StepSource.FromTemplate(from.output().stepKey(), from.output().outputName());
        }
        inputs.put(entry.getKey(), source);
      }
      scopes.put(step.key(), scope);
      result.add(scope == null ? step : new ExecutionStep(step.key(), step.solidHandle(), step.solid(),
          step.config(), inputs, step.retryPolicy(), step.hooks(), step.tags(), scope, null));
    }
    return result;
  }

  /**
   * The steps of a re-execution: the steps to run, and the steps whose outputs they read (loaded
   * from the parent run, so without inputs of their own), with the producers of the dynamic
   * outputs that loaded mapped steps are expanded over.
   */
  private List<ExecutionStep> restrictToReexecution(List<ExecutionStep> all, ParentOutputs parent) {
    if (request.outputStorage().isEmpty()) {
      throw new IllegalArgumentException("Re-executing run " + parent.parentRunId() + " of pipeline '"
          + pipeline.name() + "' needs an output storage to load the parent's outputs from; set"
          + " RunRequest.builder().outputStorage(...), or re-execute through an Instance");
    }
    Map<String, ExecutionStep> byKey = new LinkedHashMap<>();
    for (ExecutionStep step : all) {
      byKey.put(step.key(), step);
    }
    Set<String> running = new LinkedHashSet<>();
    for (String key : parent.stepsToRun()) {
      String template = ParentOutputs.templateKey(key);
      ExecutionStep step = byKey.get(template);
      if (step == null || (!template.equals(key) && !step.isTemplate())) {
        throw new IllegalArgumentException("Cannot re-execute step '" + key + "' of run " + parent.parentRunId()
            + ": pipeline '" + pipeline.name() + "'" + (request.selection().map(s -> " (selection '" + s + "')")
            .orElse("")) + " has no such step; its steps: " + byKey.keySet()
            + (step == null ? "" : " (only steps mapped over a dynamic output have [mapping_key] clones)"));
      }
      running.add(template);
    }
    Set<String> included = new LinkedHashSet<>();
    Deque<String> queue = new ArrayDeque<>(running);
    while (!queue.isEmpty()) {
      String key = queue.poll();
      if (!included.add(key)) {
        continue;
      }
      ExecutionStep step = byKey.get(key);
      if (running.contains(key)) {
        queue.addAll(step.upstreamStepKeys());
      }
      if (step.isTemplate()) {
        queue.add(step.dynamicScope().substring(0, step.dynamicScope().lastIndexOf('.')));
      }
    }
    List<ExecutionStep> result = new ArrayList<>();
    for (ExecutionStep step : all) {
      if (included.contains(step.key())) {
        result.add(running.contains(step.key()) ? step : step.withoutInputs());
      }
    }
    return result;
  }

  /** Orders steps so that every step comes after the steps it reads; stable otherwise. */
  private static List<ExecutionStep> order(List<ExecutionStep> unordered) {
    Map<String, ExecutionStep> byKey = new LinkedHashMap<>();
    for (ExecutionStep step : unordered) {
      byKey.put(step.key(), step);
    }
    List<ExecutionStep> ordered = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    for (ExecutionStep step : unordered) {
      visit(step, byKey, done, ordered);
    }
    return ordered;
  }

  private static void visit(ExecutionStep step, Map<String, ExecutionStep> byKey, Set<String> done, List<ExecutionStep> out) {
    if (!done.add(step.key())) {
      return;
    }
    for (String upstream : step.upstreamStepKeys()) {
      ExecutionStep before = byKey.get(upstream);
      if (before != null) {
        visit(before, byKey, done, out);
      }
    }
    out.add(step);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  private static String abbreviate(Object value) {
    String text = String.valueOf(value);
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }
}
