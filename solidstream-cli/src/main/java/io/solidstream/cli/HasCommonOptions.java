package io.solidstream.cli;

/** A command with the {@link CommonOptions}, so errors know whether {@code --verbose} was given. */
interface HasCommonOptions {
  /** The command's common options. */
  CommonOptions common();
}
