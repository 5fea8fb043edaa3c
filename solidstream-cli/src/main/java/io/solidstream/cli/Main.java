package io.solidstream.cli;

import io.solidstream.api.config.EnvironmentLookup;
import io.solidstream.api.config.ConfigException;
import io.solidstream.api.config.RunConfigParseException;
import io.solidstream.api.pipeline.InvalidPipelineException;
import io.solidstream.instance.StorageException;
import java.io.Console;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.Charset;
import java.io.OutputStreamWriter;
import picocli.CommandLine;

/**
 * The {@code solidstream} command line: {@code java -jar solidstream.jar COMMAND ...}.
 *
 * <pre>{@code
 * solidstream run orders_etl --app app.jar --config prod.yaml --tag team=data
 * solidstream runs list --status failure
 * solidstream runs show 5f0c...
 * }</pre>
 *
 * <p>Exit codes are those of {@link ExitCode}. Errors are one message on the error stream; a stack
 * trace only with {@code --verbose}.
 */
public final class Main {

  private Main() {}

  /** Runs the command and exits the JVM with its exit code. */
  public static void main(String[] args) {
    Console console = System.console();
    Charset charset = console != null ? console.charset() : Charset.defaultCharset();
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, charset), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, charset), true);
    int code = execute(new CliContext(out, err, EnvironmentLookup.system(), isTerminal(console)), args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Whether the command runs on an interactive terminal, where progress is a bar redrawn in place.
   * Up to Java 21, {@code System.console()} exists only then (standard input and output both a
   * terminal). From Java 22 on it may also exist when the streams are redirected, and
   * {@code Console.isTerminal()} (new in 22, so looked up by name here) tells.
   */
  static boolean isTerminal(Console console) {
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Runs the command {@code args} in this process: for embedding and tests.
   *
   * @return the exit code, one of {@link ExitCode}
   */
  public static int execute(CliContext context, String... args) {
    return commandLine(context).execute(args);
  }

  /** The configured picocli command line. */
  static CommandLine commandLine(CliContext context) {
    CommandLine commandLine = new CommandLine(new SolidstreamCommand(), new Factory(context));
    commandLine.setOut(context.out());
    commandLine.setErr(context.err());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setEndOfOptionsDelimiter("--");
    commandLine.setExecutionExceptionHandler((exception, command, parseResult) ->
        handle(exception, command, context.err()));
    commandLine.setParameterExceptionHandler((exception, args) -> {
      PrintWriter err = exception.getCommandLine().getErr();
      err.println("Error: " + exception.getMessage());
      suggestCommand(exception).ifPresent(err::println);
      err.println("Usage: " + usageLine(exception.getCommandLine()) + " (see: "
          + exception.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
      err.flush();
      return ExitCode.USAGE;
    });
    return commandLine;
  }

  /** {@code Did you mean: solidstream run?} for a mistyped subcommand. */
  private static java.util.Optional<String> suggestCommand(CommandLine.ParameterException exception) {
    CommandLine command = exception.getCommandLine();
    if (!(exception instanceof CommandLine.UnmatchedArgumentException unmatched)
        || command.getSubcommands().isEmpty() || unmatched.getUnmatched().isEmpty()) {
      return java.util.Optional.empty();
    }
    String typed = unmatched.getUnmatched().get(0);
    return io.solidstream.api.internal.Suggestions.closest(typed, command.getSubcommands().keySet())
        .map(name -> "Did you mean: " + command.getCommandSpec().qualifiedName() + " " + name + "?");
  }

  private static String usageLine(CommandLine commandLine) {
    return commandLine.getHelp().synopsis(0).strip();
  }

  private static int handle(Exception exception, CommandLine command, PrintWriter err) {
    boolean verbose = command.getCommand() instanceof CliCommand cli && cli.verbose();
    int code;
    String message;
    if (exception instanceof CliException cli) {
      code = cli.exitCode();
      message = cli.getMessage();
    } else if (exception instanceof ConfigException || exception instanceof RunConfigParseException
        || exception instanceof InvalidPipelineException) {
      code = ExitCode.USAGE;
      message = exception.getMessage();
    } else if (exception instanceof StorageException) {
      code = ExitCode.UNAVAILABLE;
      message = exception.getMessage();
    } else {
      code = ExitCode.INTERNAL;
      message = "Unexpected " + exception.getClass().getName() + ": " + exception.getMessage()
          + (verbose ? "" : " (rerun with --verbose for the stack trace, and report it)");
    }
    err.println("Error: " + message);
    if (verbose) {
      StringWriter trace = new StringWriter();
      exception.printStackTrace(new PrintWriter(trace));
      err.print(trace);
    }
    err.flush();
    return code;
  }

  /** Creates commands with the invocation's context. */
  private static final class Factory implements CommandLine.IFactory {
    private final CliContext context;

    Factory(CliContext context) {
      this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        Class<?>[] parameters = constructor.getParameterTypes();
        if (parameters.length == 1 && parameters[0] == CliContext.class) {
          constructor.setAccessible(true);
          return type.cast(constructor.newInstance(context));
        }
      }
      return CommandLine.defaultFactory().create(type);
    }
  }

  /** The version printed by {@code --version}: the jar's implementation version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"solidstream " + (version == null ? "(development build)" : version)
          + ", Java " + System.getProperty("java.version")};
    }
  }
}
