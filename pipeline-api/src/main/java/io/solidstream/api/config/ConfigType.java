package io.solidstream.api.config;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Schema of a config value: what a solid, input or resource accepts in the run config.
 *
 * <p>Instances are immutable, serializable and compared by structure. Create them with the static
 * factories: scalars ({@link #string()}, {@link #integer()}, {@link #longType()}, {@link
 * #doubleType()}, {@link #bool()}), {@link #any()}, enums ({@link #enumOf(String...)}), lists
 * ({@link #list(ConfigType)}), shapes ({@link #shape()}), selectors ({@link #selector()}) and
 * noneable values ({@link #optional(ConfigType)}).
 *
 * <p>Every scalar and enum type also accepts an environment variable source written as the mapping
 * {@code {env: NAME}}; the variable is read through the {@link EnvironmentLookup} given to {@link
 * #validate(Object, ConfigPath, EnvironmentLookup)} and converted to the scalar type.
 */
public abstract sealed class ConfigType implements Serializable
    permits AnyType, EnumType, ListType, NoneableType, ScalarType, SelectorType, ShapeType {

  private static final long serialVersionUID = 1L;

  ConfigType() {}

  /**
   * Returns the {@code String} type; accepts strings only.
   *
   * @return the string type
   */
  public static ScalarType string() {
    return ScalarType.STRING;
  }

  /**
   * Returns the {@code Int} type; accepts integral numbers in the Java {@code int} range, resolved
   * to {@link Integer}. Floating-point numbers (even {@code 10.0}) and strings are rejected.
   *
   * @return the int type
   */
  public static ScalarType integer() {
    return ScalarType.INT;
  }

  /**
   * Returns the {@code Long} type; accepts integral numbers in the Java {@code long} range, resolved
   * to {@link Long}.
   *
   * @return the long type
   */
  public static ScalarType longType() {
    return ScalarType.LONG;
  }

  /**
   * Returns the {@code Float} type; accepts any number, resolved to {@link Double}.
   *
   * @return the floating-point type
   */
  public static ScalarType doubleType() {
    return ScalarType.FLOAT;
  }

  /**
   * Returns the {@code Bool} type; accepts {@code true} and {@code false}.
   *
   * @return the boolean type
   */
  public static ScalarType bool() {
    return ScalarType.BOOL;
  }

  /**
   * Returns the {@code Any} type; accepts any value including null, kept as given.
   *
   * @return the any type
   */
  public static AnyType any() {
    return AnyType.INSTANCE;
  }

  /**
   * Returns an enum type accepting exactly the given strings.
   *
   * @param values the allowed values, at least one, unique and not blank
   * @return the enum type
   */
  public static EnumType enumOf(String... values) {
    Objects.requireNonNull(values, "values");
    return new EnumType(Arrays.asList(values));
  }

  /**
   * Returns an enum type accepting the constant names of a Java enum.
   *
   * @param enumClass the Java enum
   * @param <E> the enum type
   * @return the enum type; resolved values are the constant names as strings
   */
  public static <E extends Enum<E>> EnumType enumOf(Class<E> enumClass) {
    Objects.requireNonNull(enumClass, "enumClass");
    List<String> names = new ArrayList<>();
    for (E constant : enumClass.getEnumConstants()) {
      names.add(constant.name());
    }
    return new EnumType(names);
  }

  /**
   * Returns a list type whose elements all have type {@code element}.
   *
   * @param element the element type
   * @return the list type
   */
  public static ListType list(ConfigType element) {
    return new ListType(element);
  }

  /**
   * Starts a shape: a mapping with named, typed fields.
   *
   * @return a new shape builder
   */
  public static ShapeType.Builder shape() {
    return new ShapeType.Builder();
  }

  /**
   * Starts a selector: a mapping with exactly one of several named options.
   *
   * @return a new selector builder
   */
  public static SelectorType.Builder selector() {
    return new SelectorType.Builder();
  }

  /**
   * Returns a noneable version of {@code inner}: the value may be null, and a field of this type may
   * be left out (it then resolves to null).
   *
   * @param inner the type of non-null values
   * @return the noneable type ({@code inner} itself if it is already noneable)
   */
  public static NoneableType optional(ConfigType inner) {
    Objects.requireNonNull(inner, "inner");
    return inner instanceof NoneableType noneable ? noneable : new NoneableType(inner);
  }

  /**
   * Returns the human-readable name of this type, e.g. {@code Int}, {@code List[Int]} or {@code
   * Shape{limit: Int, path?: String}}.
   *
   * @return the display name
   */
  public abstract String displayName();

  /**
   * Tells whether a value must be supplied for this type.
   *
   * <p>Scalars, enums, lists and {@code Any} are required; noneable types are not; a shape is required
   * iff it has a required field; a selector is required unless it has a single option that is not
   * required. A field of a non-required type may be left out and resolves to the type's implicit
   * default (null, or the shape's defaults).
   *
   * @return true if a value must be supplied
   */
  public boolean isRequired() {
    return true;
  }

  /**
   * Renders a sample value of this type as YAML, with the type as a comment; used in error messages.
   *
   * <p>Shapes render their required fields, e.g. {@code limit: 0  # Int}, nested shapes indented.
   *
   * @return the YAML sample
   */
  public final String sampleYaml() {
    if (rendersAsBlock()) {
      List<String> lines = new ArrayList<>();
      writeBlockSample(lines, "");
      return String.join("\n", lines);
    }
    return inlineSample() + "  # " + displayName();
  }

  /**
   * Validates a value at the document root, reading environment variables from the process.
   *
   * @param value the raw value (maps, lists, strings, numbers, booleans, null)
   * @return all errors, or the resolved value
   */
  public final ConfigValidationResult validate(Object value) {
    return validate(value, ConfigPath.root(), EnvironmentLookup.system());
  }

  /**
   * Validates a value at the document root with the given environment.
   *
   * @param value the raw value
   * @param env where {@code {env: NAME}} sources are read from
   * @return all errors, or the resolved value
   */
  public final ConfigValidationResult validate(Object value, EnvironmentLookup env) {
    return validate(value, ConfigPath.root(), env);
  }

  /**
   * Validates a value found at {@code path}, collecting all errors rather than stopping at the first.
   *
   * @param value the raw value
   * @param path where the value sits in the document; used as prefix of error paths
   * @param env where {@code {env: NAME}} sources are read from
   * @return all errors, or the resolved value
   */
  public final ConfigValidationResult validate(Object value, ConfigPath path, EnvironmentLookup env) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(env, "env");
    ValidationContext context = ValidationContext.resolving(env);
    Object resolved = resolve(value, path, context);
    return context.hasErrors()
        ? ConfigValidationResult.invalid(context.errors())
        : ConfigValidationResult.valid(resolved);
  }

  /**
   * Validates that no value was supplied at {@code path}: the implicit default for non-required
   * types, or a "missing" error with a sample for required ones.
   *
   * @param path where the value was expected
   * @param env where {@code {env: NAME}} sources of defaults are read from
   * @return the error, or the resolved implicit default
   */
  public final ConfigValidationResult validateMissing(ConfigPath path, EnvironmentLookup env) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(env, "env");
    if (isRequired()) {
      return ConfigValidationResult.invalid(
          List.of(
              new ConfigError(
                  path.toString(),
                  "missing required value (" + displayName() + ")",
                  displayName(),
                  "missing",
                  sampleYaml())));
    }
    ValidationContext context = ValidationContext.resolving(env);
    Object resolved = resolveMissing(path, context);
    return context.hasErrors()
        ? ConfigValidationResult.invalid(context.errors())
        : ConfigValidationResult.valid(resolved);
  }

  /** Returns {@link #displayName()}. */
  @Override
  public String toString() {
    return displayName();
  }

  /**
   * Checks {@code value} and returns its resolved form, recording problems in {@code context}. The
   * returned value is meaningless once an error was recorded.
   */
  abstract Object resolve(Object value, ConfigPath path, ValidationContext context);

  /** Resolved value when nothing was supplied; only called when {@link #isRequired()} is false. */
  Object resolveMissing(ConfigPath path, ValidationContext context) {
    throw new IllegalStateException(displayName() + " has no implicit default");
  }

  /** True if the sample spans lines below its key (shapes, lists, selectors). */
  boolean rendersAsBlock() {
    return false;
  }

  /** One-line sample for types that do not render as a block. */
  String inlineSample() {
    throw new IllegalStateException(displayName() + " renders as a block");
  }

  /** Appends the block sample lines, each prefixed with {@code indent}. */
  void writeBlockSample(List<String> lines, String indent) {
    throw new IllegalStateException(displayName() + " renders inline");
  }

  /** Comment written after the key of a block sample, or null. */
  String blockComment() {
    return null;
  }

  /** Appends {@code key: sample  # Type} (or a key line and an indented block) to {@code lines}. */
  static void writeEntry(
      List<String> lines, String indent, String key, ConfigType type, String description) {
    String renderedKey = Values.yamlString(key);
    if (type.rendersAsBlock()) {
      String comment = joinComment(type.blockComment(), description);
      lines.add(indent + renderedKey + ":" + (comment == null ? "" : "  # " + comment));
      type.writeBlockSample(lines, indent + "  ");
    } else {
      lines.add(
          indent
              + renderedKey
              + ": "
              + type.inlineSample()
              + "  # "
              + joinComment(type.displayName(), description));
    }
  }

  private static String joinComment(String first, String second) {
    if (first == null) {
      return second;
    }
    return second == null ? first : first + " - " + second;
  }

  /** The sample of a single entry, as used for "missing required field" errors. */
  static String entrySample(String key, ConfigType type, String description) {
    List<String> lines = new ArrayList<>();
    writeEntry(lines, "", key, type, description);
    return String.join("\n", lines);
  }

  /**
   * Resolves an {@code {env: NAME}} source: reads the variable and converts it with {@code parser}
   * (which returns null if the text does not fit this type).
   */
  final Object resolveEnvironmentSource(
      Map<?, ?> source, ConfigPath path, ValidationContext context, Function<String, Object> parser) {
    Object name = source.get("env");
    if (!(name instanceof String variable) || variable.isBlank()) {
      String received = "{env: " + Values.describe(name) + "}";
      context.error(
          path,
          "environment variable source must name a variable, e.g. {env: MY_VAR}; received " + received,
          displayName(),
          received);
      return null;
    }
    if (!context.resolvesEnvironment()) {
      return null;
    }
    Optional<String> raw = context.lookup(variable);
    if (raw.isEmpty() && source.containsKey("default")) {
      Object fallback = source.get("default");
      Object parsed = fallback == null ? null : parser.apply(String.valueOf(fallback));
      if (parsed == null) {
        context.error(
            path,
            "the default of environment variable '" + variable + "' is not a valid " + displayName(),
            displayName(),
            "{env: " + variable + ", default: " + Values.describe(fallback) + "}");
      }
      return parsed;
    }
    if (raw.isEmpty()) {
      context.error(
          path,
          "environment variable '" + variable + "' is not set; set it, or give a fallback: {env: "
              + variable + ", default: ...}",
          displayName(),
          "{env: " + variable + "} (not set)");
      return null;
    }
    Object parsed = parser.apply(raw.get());
    if (parsed == null) {
      String shown = Values.quote(raw.get());
      context.error(
          path,
          "environment variable '"
              + variable
              + "' has value "
              + shown
              + ", which is not a valid "
              + displayName(),
          displayName(),
          "String " + shown + " from environment variable '" + variable + "'");
    }
    return parsed;
  }
}
