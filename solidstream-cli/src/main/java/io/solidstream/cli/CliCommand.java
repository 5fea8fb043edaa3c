package io.solidstream.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * A command of the {@code solidstream} tool: it writes through the {@link CliContext} and says
 * whether {@code --verbose} was given, so that {@link Main} knows whether to print stack traces.
 */
abstract class CliCommand implements Callable<Integer> {
  /** Where the command writes, and its environment. */
  final CliContext context;

  CliCommand(CliContext context) {
    this.context = context;
  }

  /** Whether stack traces are wanted with errors. */
  abstract boolean verbose();

  /** A command that takes the {@link CommonOptions}: the instance, the application, {@code --verbose}. */
  abstract static class WithCommonOptions extends CliCommand {
    @Mixin
    CommonOptions common;

    WithCommonOptions(CliContext context) {
      super(context);
    }

    @Override
    final boolean verbose() {
      return common.verbose();
    }
  }
}
