package io.solidstream.api.resource;

import io.solidstream.api.config.ConfigType;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * How to open and close a resource, and its config schema.
 *
 * <p>Lifecycle: a runtime opens a resource just before the first step that needs it, and closes
 * every opened resource after the run, in reverse order of opening, also when the run fails or is
 * cancelled. If no closer is given and the resource is {@link AutoCloseable}, it is closed with
 * {@code close()}.
 *
 * <pre>{@code
 * ResourceDefinition<Warehouse> warehouse = ResourceDefinition
 *     .builder(ctx -> new Warehouse(Path.of(ctx.config().getString("dir"))))
 *     .config(ConfigType.shape().field("dir", ConfigType.string()).build())
 *     .description("a directory of CSV tables")
 *     .build();
 * }</pre>
 *
 * <p>In tests, pass a ready-made object instead with {@code RunRequest.withResource(key, object)}.
 *
 * @param <T> the resource's Java type
 */
public final class ResourceDefinition<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ResourceFactory<T> factory;
  private final ResourceCloser<? super T> closer;
  private final ConfigType configSchema;
  private final String description;
  private final List<ResourceKey<?>> requiredResources;

  private ResourceDefinition(Builder<T> builder) {
    this.factory = builder.factory;
    this.closer = builder.closer;
    this.configSchema = builder.configSchema;
    this.description = builder.description;
    this.requiredResources = List.copyOf(builder.requiredResources);
  }

  /** A resource without config, opened by {@code factory}. */
  public static <T> ResourceDefinition<T> of(ResourceFactory<T> factory) {
    return builder(factory).build();
  }

  /** A resource that is a fixed, serializable value. */
  public static <T extends Serializable> ResourceDefinition<T> value(T value) {
    Objects.requireNonNull(value, "value");
    return builder((ResourceFactory<T>) ctx -> value).closer(v -> {}).description("a fixed value").build();
  }

  /** A builder for a resource opened by {@code factory}. */
  public static <T> Builder<T> builder(ResourceFactory<T> factory) {
    return new Builder<>(factory);
  }

  public ResourceFactory<T> factory() {
    return factory;
  }

  /** The closer, or {@code null} to close {@link AutoCloseable} resources with {@code close()}. */
  public ResourceCloser<? super T> closer() {
    return closer;
  }

  /** The config schema, or {@code null} if the resource takes no config. */
  public ConfigType configSchema() {
    return configSchema;
  }

  public String description() {
    return description;
  }

  /** Other resources this one needs; they are opened first. */
  public List<ResourceKey<?>> requiredResources() {
    return requiredResources;
  }

  /**
   * Builds a {@link ResourceDefinition}.
   *
   * @param <T> the resource's Java type
   */
  public static final class Builder<T> {
    private final ResourceFactory<T> factory;
    private ResourceCloser<? super T> closer;
    private ConfigType configSchema;
    private String description = "";
    private List<ResourceKey<?>> requiredResources = List.of();

    private Builder(ResourceFactory<T> factory) {
      this.factory = Objects.requireNonNull(factory, "factory");
    }

    /** How to close the resource. */
    public Builder<T> closer(ResourceCloser<? super T> closer) {
      this.closer = Objects.requireNonNull(closer, "closer");
      return this;
    }

    /** The config schema of {@code resources.<name>.config}. */
    public Builder<T> config(ConfigType schema) {
      if (this.configSchema != null) {
        throw new IllegalStateException("config schema was already set to " + this.configSchema);
      }
      this.configSchema = Objects.requireNonNull(schema, "schema");
      return this;
    }

    /** A description for docs and the CLI. */
    public Builder<T> description(String description) {
      this.description = Objects.requireNonNull(description, "description");
      return this;
    }

    /** Other resources this one needs. */
    public Builder<T> requiring(ResourceKey<?>... keys) {
      this.requiredResources = List.of(keys);
      return this;
    }

    /** The immutable definition. */
    public ResourceDefinition<T> build() {
      return new ResourceDefinition<>(this);
    }
  }
}
