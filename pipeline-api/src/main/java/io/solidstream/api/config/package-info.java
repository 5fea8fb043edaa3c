/**
 * Config schema types, run config documents and typed config access for Solidstream pipelines.
 *
 * <p>The package has three layers:
 *
 * <ul>
 *   <li><b>Schema</b>: {@link io.solidstream.api.config.ConfigType} and its factories describe what a
 *       solid or resource accepts: scalars ({@code Int}, {@code String}, ...), enums, lists, shapes
 *       (records with named {@link io.solidstream.api.config.ConfigField fields}), selectors (exactly
 *       one of several keys) and noneable values. Every scalar also accepts an environment variable
 *       source written as {@code {env: NAME}}.
 *   <li><b>Validation</b>: {@link io.solidstream.api.config.ConfigType#validate(Object,
 *       io.solidstream.api.config.ConfigPath, io.solidstream.api.config.EnvironmentLookup)} checks a raw
 *       value against a schema, collects <em>all</em> {@link io.solidstream.api.config.ConfigError
 *       errors} (with paths, expected and received types and YAML samples for missing entries) and
 *       produces the resolved value: defaults applied, environment variables read and numbers
 *       normalised. {@link io.solidstream.api.config.RunConfigException} reports the errors of a run;
 *       it and the instance's config exception are {@link io.solidstream.api.config.ConfigException
 *       ConfigException}s, which render every error with its path the same way.
 *   <li><b>Documents and access</b>: {@link io.solidstream.api.config.RunConfig} is the raw
 *       user-supplied run config (YAML, JSON, maps or a fluent builder) and {@link
 *       io.solidstream.api.config.Config} gives solid code typed read access to a resolved value.
 * </ul>
 *
 * <p>All public types are immutable and {@link java.io.Serializable}, so schemas, run configs and
 * resolved configs can be shipped to remote workers.
 */
package io.solidstream.api.config;
