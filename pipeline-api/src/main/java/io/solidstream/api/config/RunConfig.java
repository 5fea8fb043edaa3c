package io.solidstream.api.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw run config a user supplies for one pipeline run, before validation.
 *
 * <p>A run config is a mapping, conventionally laid out as:
 *
 * <pre>{@code
 * solids:
 *   load:
 *     config: {limit: 10}
 *     inputs: {path: x.csv}
 * resources:
 *   db:
 *     config: {url: ...}
 * }</pre>
 *
 * <p>Instances are immutable and serializable: the content is deep-copied into unmodifiable maps and
 * lists of strings, numbers, booleans, enum constants and nulls.
 */
public final class RunConfig implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Top-level key holding per-solid sections. */
  public static final String SOLIDS = "solids";
  /** Top-level key holding per-resource sections. */
  public static final String RESOURCES = "resources";
  /** Key of the config value inside a solid or resource section. */
  public static final String CONFIG = "config";
  /** Key of the input values inside a solid section. */
  public static final String INPUTS = "inputs";

  private static final RunConfig EMPTY = new RunConfig(Map.of());
  private static final TypeReference<Map<String, Object>> MAP_TYPE = new TypeReference<>() {};
  private static final String STRING_SOURCE = "<string>";
  private static final Pattern YAML_MARK =
      Pattern.compile("\\s*in '[^']*', line (\\d+), column (\\d+):?\\s*");

  private final Map<String, Object> values;

  private RunConfig(Map<String, Object> values) {
    this.values = values;
  }

  /**
   * Returns the empty run config.
   *
   * @return a run config without entries
   */
  public static RunConfig empty() {
    return EMPTY;
  }

  /**
   * Creates a run config from a mapping, deep-copied into unmodifiable collections.
   *
   * @param values the content; keys of nested maps must be strings
   * @return the run config
   * @throws IllegalArgumentException if the content holds values other than maps, lists, strings,
   *     numbers, booleans, enum constants and nulls
   */
  public static RunConfig of(Map<String, ?> values) {
    Objects.requireNonNull(values, "values");
    return values.isEmpty() ? EMPTY : new RunConfig(Values.deepCopyMap(values));
  }

  /**
   * Parses a run config from YAML text; blank text gives the empty run config.
   *
   * @param yaml the YAML document
   * @return the run config
   * @throws RunConfigParseException with line and column if the text is not valid YAML or its
   *     top-level value is not a mapping
   */
  public static RunConfig fromYaml(String yaml) {
    return parse(Mappers.YAML, "YAML", yaml, STRING_SOURCE);
  }

  /**
   * Reads and parses a YAML run config file (UTF-8).
   *
   * @param file the file
   * @return the run config
   * @throws RunConfigParseException naming the file, line and column if the content is invalid
   * @throws UncheckedIOException if the file cannot be read
   */
  public static RunConfig fromYaml(Path file) {
    return parse(Mappers.YAML, "YAML", read(file), file.toString());
  }

  /**
   * Parses a run config from JSON text; blank text gives the empty run config.
   *
   * @param json the JSON document
   * @return the run config
   * @throws RunConfigParseException with line and column if the text is not valid JSON or its
   *     top-level value is not an object
   */
  public static RunConfig fromJson(String json) {
    return parse(Mappers.JSON, "JSON", json, STRING_SOURCE);
  }

  /**
   * Reads and parses a JSON run config file (UTF-8).
   *
   * @param file the file
   * @return the run config
   * @throws RunConfigParseException naming the file, line and column if the content is invalid
   * @throws UncheckedIOException if the file cannot be read
   */
  public static RunConfig fromJson(Path file) {
    return parse(Mappers.JSON, "JSON", read(file), file.toString());
  }

  /**
   * Starts a fluent builder producing the conventional {@code solids}/{@code resources} layout.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the content as an unmodifiable, insertion-ordered map.
   *
   * @return the content
   */
  public Map<String, Object> asMap() {
    return values;
  }

  /**
   * Tells whether this run config has no entries.
   *
   * @return true if empty
   */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /**
   * Deep-merges {@code other} over this run config: nested maps are merged key by key, any other
   * value of {@code other} (including lists, nulls and {@code {env: ...}} sources, which are values,
   * not sections) replaces the value here.
   *
   * @param other the run config whose values win
   * @return the merged run config
   */
  public RunConfig merge(RunConfig other) {
    Objects.requireNonNull(other, "other");
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    return new RunConfig(Values.deepCopyMap(mergeMaps(values, other.values)));
  }

  private static Map<String, Object> mergeMaps(Map<String, Object> base, Map<String, Object> over) {
    Map<String, Object> merged = new LinkedHashMap<>(base);
    for (Map.Entry<String, Object> entry : over.entrySet()) {
      Object existing = merged.get(entry.getKey());
      Object incoming = entry.getValue();
      if (existing instanceof Map<?, ?> existingMap
          && incoming instanceof Map<?, ?> incomingMap
          && !Values.isEnvSource(existingMap)
          && !Values.isEnvSource(incomingMap)) {
        merged.put(entry.getKey(), mergeMaps(asStringMap(existingMap), asStringMap(incomingMap)));
      } else {
        merged.put(entry.getKey(), incoming);
      }
    }
    return merged;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asStringMap(Map<?, ?> map) {
    // Content maps are created by Values.deepCopy, which guarantees string keys.
    return (Map<String, Object>) map;
  }

  /**
   * Renders this run config as a YAML document.
   *
   * @return the YAML text
   */
  public String toYaml() {
    return write(Mappers.YAML);
  }

  /**
   * Renders this run config as a JSON document.
   *
   * @return the JSON text
   */
  public String toJson() {
    return write(Mappers.JSON);
  }

  private String write(ObjectMapper mapper) {
    try {
      return mapper.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render run config: " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RunConfig other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "RunConfig" + values;
  }

  private Object readResolve() {
    return values.isEmpty() ? EMPTY : this;
  }

  private static String read(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read run config file " + file + ": " + e, e);
    }
  }

  private static RunConfig parse(ObjectMapper mapper, String format, String text, String source) {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      return EMPTY;
    }
    try (JsonParser parser = mapper.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null || first == JsonToken.VALUE_NULL) {
        return EMPTY;
      }
      if (first != JsonToken.START_OBJECT) {
        throw problemAt(
            source,
            parser.currentTokenLocation(),
            "the top-level value must be a mapping (e.g. 'solids: ...'), but is " + describe(first),
            null);
      }
      Map<String, Object> content = mapper.readValue(parser, MAP_TYPE);
      if (parser.nextToken() != null) {
        throw problemAt(
            source,
            parser.currentTokenLocation(),
            "unexpected content after the end of the run config (only one "
                + format
                + " document is allowed)",
            null);
      }
      return of(content);
    } catch (JsonProcessingException e) {
      throw syntaxError(source, format, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read run config from " + source, e);
    }
  }

  private static RunConfigParseException problemAt(
      String source, JsonLocation location, String problem, Throwable cause) {
    int line = location == null ? -1 : location.getLineNr();
    int column = location == null ? -1 : location.getColumnNr();
    return new RunConfigParseException(source, line, column, problem, cause);
  }

  /**
   * Builds the parse exception for a syntax error. SnakeYAML messages embed source excerpts and
   * {@code in 'reader', line L, column C:} marks; they are reduced to "context: problem" and the
   * location of the problem mark, which is more precise than the parser's current location.
   */
  private static RunConfigParseException syntaxError(
      String source, String format, JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    int line = location == null ? -1 : location.getLineNr();
    int column = location == null ? -1 : location.getColumnNr();
    String original = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
    List<String> lines = original.strip().lines().toList();
    List<String> text = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher mark = YAML_MARK.matcher(lines.get(i));
      if (mark.matches()) {
        line = Integer.parseInt(mark.group(1));
        column = Integer.parseInt(mark.group(2));
        if (i + 2 < lines.size() && lines.get(i + 2).strip().equals("^")) {
          i += 2;
        }
      } else if (!lines.get(i).isBlank()) {
        text.add(lines.get(i).strip());
      }
    }
    String problem = text.isEmpty() ? original.strip() : String.join(": ", text);
    return new RunConfigParseException(source, line, column, format + " syntax error: " + problem, e);
  }

  private static String describe(JsonToken token) {
    switch (token) {
      case START_ARRAY:
        return "a list";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      default:
        return "a " + token.name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * Fluent builder for run configs in the conventional layout, handy in tests and programmatic runs.
   *
   * <p>Sections are created on demand; setting the same entry twice keeps the last value.
   */
  public static final class Builder {

    private final Map<String, Object> root = new LinkedHashMap<>();
    private final Set<Map<String, Object>> owned = Collections.newSetFromMap(new IdentityHashMap<>());

    Builder() {}

    /**
     * Sets {@code solids.<solid>.config}.
     *
     * @param solid the solid name
     * @param config the solid's config value (a map, or a scalar if the schema is a scalar)
     * @return this builder
     */
    public Builder solidConfig(String solid, Object config) {
      section(SOLIDS, solid).put(CONFIG, config);
      return this;
    }

    /**
     * Sets {@code solids.<solid>.inputs.<input>}.
     *
     * @param solid the solid name
     * @param input the input name
     * @param value the input value
     * @return this builder
     */
    public Builder solidInput(String solid, String input, Object value) {
      Objects.requireNonNull(input, "input");
      child(section(SOLIDS, solid), INPUTS).put(input, value);
      return this;
    }

    /**
     * Sets {@code resources.<resource>.config}.
     *
     * @param resource the resource name
     * @param config the resource's config value
     * @return this builder
     */
    public Builder resourceConfig(String resource, Object config) {
      section(RESOURCES, resource).put(CONFIG, config);
      return this;
    }

    /**
     * Sets a top-level entry, replacing any previous value (including sections built so far).
     *
     * @param key the top-level key
     * @param value the value
     * @return this builder
     */
    public Builder put(String key, Object value) {
      Objects.requireNonNull(key, "key");
      root.put(key, value);
      return this;
    }

    /**
     * Creates the run config (deep-copied; the builder may be reused).
     *
     * @return the run config
     * @throws IllegalArgumentException if a value is not a supported config value
     */
    public RunConfig build() {
      return of(root);
    }

    private Map<String, Object> section(String group, String name) {
      Objects.requireNonNull(name, "name");
      return child(child(root, group), name);
    }

    /** Returns the section map under {@code key}, copying maps given by the caller before changing them. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> child(Map<String, Object> parent, String key) {
      Object existing = parent.get(key);
      if (existing instanceof Map<?, ?> map && owned.contains(map)) {
        return (Map<String, Object>) map;
      }
      Map<String, Object> created = new LinkedHashMap<>();
      if (existing instanceof Map<?, ?> given) {
        given.forEach((k, v) -> created.put(String.valueOf(k), v));
      }
      owned.add(created);
      parent.put(key, created);
      return created;
    }
  }
}
